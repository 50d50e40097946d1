// A worker deployment for the tests, as large servers run Synapse: the main
// process, a generic worker and a media worker, Redis for replication, and
// nginx in front with the routes Synapse's worker documentation gives; all on
// PostgreSQL, all on loopback, all from the Debian root. Debian has no
// txredisapi (the Redis client Synapse's replication imports), so the
// processes load the stand-in in workers/txredisapi.py: test support only.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, copyFileSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  DEFAULT_ROOT,
  exited,
  freePort,
  homeserverConfig,
  logConfig,
  login,
  type Postgres,
  provisionRoot,
  registerWithSharedSecret,
  startPostgres,
  systemUser,
  tail,
  waitForHealth,
} from "./synapse.ts";

const run = promisify(execFile);
const STAND_IN = new URL("./workers/txredisapi.py", import.meta.url).pathname;
const PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

/** The processes of the deployment that tests stop and start. */
export type WorkerName = "generic1" | "media1";

/** A running worker deployment. */
export interface WorkerDeployment {
  /** nginx: what an admin's base_url names. */
  readonly baseUrl: string;
  /** The main process directly, behind nginx. */
  readonly mainUrl: string;
  readonly serverName: string;
  readonly adminToken: string;
  /** Replaces nginx's routes (see {@link nginxConfig}) and reloads it. */
  reconfigureNginx(routes: NginxRoutes): Promise<void>;
  /** Stops one worker, as a crashed or stopped process. */
  stopWorker(name: WorkerName): Promise<void>;
  stop(): Promise<void>;
}

/** Which routes nginx sends where: Synapse's documented ones, or with the media routes missing. */
export type NginxRoutes = "documented" | "media-to-main";

interface Process {
  readonly name: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

function startProcess(
  name: string,
  args: readonly string[],
  logFile: string,
  env: Record<string, string>,
): Process {
  const output = openSync(logFile, "a");
  const child = spawn("chroot", args, { stdio: ["ignore", output, output], detached: true, env });
  const pid = child.pid!;
  const signal = (which: NodeJS.Signals): void => {
    try {
      process.kill(-pid, which);
    } catch {
      // Already gone.
    }
  };
  let stopped = false;
  return {
    name,
    child,
    async stop() {
      if (stopped) return;
      stopped = true;
      signal("SIGTERM");
      if (!(await exited(child, pid, 10_000))) signal("SIGKILL");
      await exited(child, pid, 5_000);
    },
  };
}

/** Starts the deployment; about as long as two Synapse starts. */
export async function startWorkerDeployment(root: string = DEFAULT_ROOT): Promise<WorkerDeployment> {
  const log = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  await provisionRoot(root, log);
  const serverName = "synadm.test";
  const dataDir = `/srv/synadm-workers-${process.pid}-${Date.now()}`;
  const hostDataDir = join(root, dataDir);
  mkdirSync(join(hostDataDir, "pylib"), { recursive: true });
  copyFileSync(STAND_IN, join(hostDataDir, "pylib", "txredisapi.py"));
  // Synapse checks its redis extra's distributions by their metadata before importing them.
  const distInfo = join(hostDataDir, "pylib", "txredisapi-1.4.11.dist-info");
  mkdirSync(distInfo);
  writeFileSync(
    join(distInfo, "METADATA"),
    "Metadata-Version: 2.1\nName: txredisapi\nVersion: 1.4.11\nSummary: synadm's test stand-in (test/support/workers/txredisapi.py)\n",
  );
  const [mainPort, replicationPort, genericPort, mediaPort, nginxPort, redisPort, mediaReplicationPort] =
    await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const processes: Process[] = [];
  let postgres: Postgres | undefined;
  const pythonEnv = { PATH, PYTHONPATH: `${dataDir}/pylib`, LANG: "C.UTF-8" };
  const stopAll = async (): Promise<void> => {
    process.off("exit", killAll);
    for (const each of [...processes].reverse()) await each.stop();
    await postgres?.stop();
    rmSync(hostDataDir, { recursive: true, force: true });
  };
  const killAll = (): void => {
    for (const each of processes)
      try {
        process.kill(-each.child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    postgres?.kill();
  };
  process.on("exit", killAll);
  try {
    postgres = await startPostgres(root, hostDataDir, dataDir, log);

    const redis = systemUser(root, "redis");
    mkdirSync(join(hostDataDir, "redis"));
    chownSync(join(hostDataDir, "redis"), redis.uid, redis.gid);
    processes.push(
      startProcess(
        "redis",
        [
          `--userspec=${redis.uid}:${redis.gid}`,
          root,
          "redis-server",
          "--bind",
          "127.0.0.1",
          "--port",
          String(redisPort),
          "--dir",
          `${dataDir}/redis`,
          "--save",
          "",
          "--appendonly",
          "no",
        ],
        join(hostDataDir, "redis", "redis.log"),
        { PATH },
      ),
    );

    const sharedSecret = randomBytes(16).toString("hex");
    const extra = [
      `public_baseurl: http://localhost:${nginxPort}/`,
      `redis: { enabled: true, host: 127.0.0.1, port: ${redisPort} }`,
      "instance_map:",
      `  main: { host: 127.0.0.1, port: ${replicationPort} }`,
      `  media1: { host: 127.0.0.1, port: ${mediaReplicationPort} }`,
      // Quarantining media on the media worker writes this stream: without it, quarantine answers 500.
      "stream_writers: { quarantined_media_changes: [media1] }",
      // The task scheduler (room deletes, redactions) runs its tasks on the generic worker.
      "run_background_tasks_on: generic1",
      // Media is served by the media worker only, which also runs the media background jobs.
      "enable_media_repo: false",
      "media_instance_running_background_jobs: media1",
    ];
    const config = homeserverConfig({
      serverName,
      port: mainPort,
      dataDir,
      sharedSecret,
      postgresPort: postgres.port,
      extra,
    }).replace(
      "listeners:\n",
      [
        "listeners:",
        `  - port: ${replicationPort}`,
        "    bind_addresses: ['127.0.0.1']",
        "    type: http",
        "    resources:",
        "      - names: [replication]",
        "",
      ].join("\n"),
    );
    writeFileSync(join(hostDataDir, "homeserver.yaml"), config);
    writeFileSync(join(hostDataDir, "log.config"), logConfig(dataDir));
    const homeserver = `${dataDir}/homeserver.yaml`;
    await run(
      "chroot",
      [root, "python3", "-m", "synapse.app.homeserver", "-c", homeserver, "--generate-keys"],
      {
        env: pythonEnv,
      },
    );
    const main = startProcess(
      "main",
      [root, "python3", "-m", "synapse.app.homeserver", "-c", homeserver],
      join(hostDataDir, "main.log"),
      pythonEnv,
    );
    processes.push(main);
    await waitForHealth(mainPort, main.child, 90_000);

    const worker = (
      name: WorkerName,
      port: number,
      resources: string,
      lines: readonly string[] = [],
      replicationListener?: number,
    ) => {
      writeFileSync(
        join(hostDataDir, `${name}.yaml`),
        [
          "worker_app: synapse.app.generic_worker",
          `worker_name: ${name}`,
          "worker_listeners:",
          `  - port: ${port}`,
          "    bind_addresses: ['127.0.0.1']",
          "    type: http",
          "    x_forwarded: true",
          `    resources: [{ names: [${resources}] }]`,
          ...(replicationListener === undefined
            ? []
            : [
                `  - port: ${replicationListener}`,
                "    bind_addresses: ['127.0.0.1']",
                "    type: http",
                "    resources: [{ names: [replication] }]",
              ]),
          `worker_log_config: ${dataDir}/log.config`,
          ...lines,
          "",
        ].join("\n"),
      );
      const started = startProcess(
        name,
        [
          root,
          "python3",
          "-m",
          "synapse.app.generic_worker",
          "-c",
          homeserver,
          "-c",
          `${dataDir}/${name}.yaml`,
        ],
        join(hostDataDir, `${name}.log`),
        pythonEnv,
      );
      processes.push(started);
      return started;
    };
    const generic = worker("generic1", genericPort, "client, federation");
    const media = worker("media1", mediaPort, "media", ["enable_media_repo: true"], mediaReplicationPort);
    await Promise.all([
      waitForHealth(genericPort, generic.child, 90_000),
      waitForHealth(mediaPort, media.child, 90_000),
    ]);

    const www = systemUser(root, "www-data");
    const nginxDir = join(hostDataDir, "nginx");
    mkdirSync(nginxDir);
    chownSync(nginxDir, www.uid, www.gid);
    const ports = { nginx: nginxPort, main: mainPort, generic: genericPort, media: mediaPort };
    const nginxConf = join(nginxDir, "nginx.conf");
    writeFileSync(nginxConf, nginxConfig(`${dataDir}/nginx`, ports, "documented"));
    const nginx = (...args: string[]) => [
      `--userspec=${www.uid}:${www.gid}`,
      root,
      "nginx",
      "-p",
      `${dataDir}/nginx`,
      "-c",
      `${dataDir}/nginx/nginx.conf`,
      "-e",
      `${dataDir}/nginx/error.log`,
      ...args,
    ];
    const proxy = startProcess("nginx", nginx("-g", "daemon off;"), join(nginxDir, "stdout.log"), { PATH });
    processes.push(proxy);
    await waitForHealth(nginxPort, proxy.child, 30_000);

    const adminPassword = randomBytes(12).toString("hex");
    await registerWithSharedSecret(root, mainPort, sharedSecret, "admin", adminPassword, true);
    const adminToken = await login(mainPort, "admin", adminPassword);
    return {
      baseUrl: `http://127.0.0.1:${nginxPort}`,
      mainUrl: `http://127.0.0.1:${mainPort}`,
      serverName,
      adminToken,
      async reconfigureNginx(routes) {
        writeFileSync(nginxConf, nginxConfig(`${dataDir}/nginx`, ports, routes));
        await run("chroot", nginx("-s", "reload"), { env: { PATH } });
        // nginx answers with the new routes once its new worker processes run.
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
      async stopWorker(name) {
        await processes.find((each) => each.name === name)?.stop();
      },
      stop: stopAll,
    };
  } catch (error) {
    const logs = ["main.log", "generic1.log", "media1.log", "homeserver.log", "nginx/error.log"]
      .map((name) => tail(join(hostDataDir, name), 20))
      .join("\n");
    await stopAll();
    throw new Error(`the worker deployment did not start: ${(error as Error).message}\n${logs}`);
  }
}

/**
 * nginx's configuration: the media routes of Synapse's worker documentation
 * to the media worker, sync to the generic worker, the rest to main; with
 * `media-to-main`, the media routes are left out (the mistake doctor finds).
 */
export function nginxConfig(
  prefix: string,
  ports: { nginx: number; main: number; generic: number; media: number },
  routes: NginxRoutes,
): string {
  const media = [
    "^/_matrix/media/",
    "^/_matrix/client/v1/media/",
    "^/_matrix/federation/v1/media/",
    "^/_synapse/admin/v1/purge_media_cache$",
    "^/_synapse/admin/v1/room/.*/media.*$",
    "^/_synapse/admin/v1/user/.*/media.*$",
    "^/_synapse/admin/v1/media/.*$",
    "^/_synapse/admin/v1/quarantine_media/.*$",
    "^/_synapse/admin/v1/users/.*/media$",
  ];
  const location = (pattern: string, upstream: string) =>
    `    location ~ ${pattern} { proxy_pass http://${upstream}; }`;
  return [
    "worker_processes 1;",
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    "events { worker_connections 256; }",
    "http {",
    `  access_log ${prefix}/access.log;`,
    `  client_body_temp_path ${prefix}/body;`,
    `  proxy_temp_path ${prefix}/proxy;`,
    `  fastcgi_temp_path ${prefix}/fastcgi;`,
    `  uwsgi_temp_path ${prefix}/uwsgi;`,
    `  scgi_temp_path ${prefix}/scgi;`,
    `  upstream main { server 127.0.0.1:${ports.main}; }`,
    `  upstream generic { server 127.0.0.1:${ports.generic}; }`,
    `  upstream media { server 127.0.0.1:${ports.media}; }`,
    "  server {",
    `    listen 127.0.0.1:${ports.nginx};`,
    "    client_max_body_size 50M;",
    "    proxy_set_header X-Forwarded-For $remote_addr;",
    "    proxy_set_header Host $host;",
    ...(routes === "documented" ? media.map((pattern) => location(pattern, "media")) : []),
    location("^/_matrix/client/(r0|v3)/sync$", "generic"),
    "    location / { proxy_pass http://main; }",
    "  }",
    "}",
    "",
  ].join("\n");
}
