// The incident row of `npm run bench`: time to contain a scripted spam wave
// with `incident contain`, against a plain 8-worker loop of the same API calls.
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { SynapseServer } from "../test/support/synapse.ts";

const run = promisify(execFile);

/** The size of the wave: the 200 accounts, 50 victims. */
export interface WaveSize {
  readonly accounts: number;
  readonly victims: number;
  readonly rooms: number;
}

/** One wave on the server, with what the loop needs to know of it (nothing it would not find). */
interface Wave {
  readonly prefix: string;
}

export interface IncidentTimes {
  readonly cli: number;
  readonly loop: number;
  readonly size: WaveSize;
}

const enc = encodeURIComponent;

/** Times containing `runs` fresh waves with each; the two take turns. */
export async function benchIncident(
  server: SynapseServer,
  ours: (...args: string[]) => string[],
  size: WaveSize,
  runs: number,
): Promise<IncidentTimes> {
  const call = async (method: string, path: string, body?: unknown, token = server.adminToken) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const batches = async <T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>) => {
    const results: R[] = [];
    for (let i = 0; i < items.length; i += 16)
      results.push(...(await Promise.all(items.slice(i, i + 16).map((item, j) => work(item, i + j)))));
    return results;
  };
  const register = async (localpart: string): Promise<string> => {
    const url = "/_synapse/admin/v1/register";
    const { nonce } = (await call("GET", url)) as { nonce: string };
    const password = "pw";
    const mac = createHmac("sha1", server.sharedSecret)
      .update(`${nonce}\0${localpart}\0${password}\0notadmin`)
      .digest("hex");
    const { access_token } = (await call("POST", url, {
      nonce,
      username: localpart,
      password,
      admin: false,
      mac,
    })) as {
      access_token: string;
    };
    return access_token;
  };

  let waves = 0;
  const scriptWave = async (): Promise<Wave> => {
    const prefix = `wave${waves++}x`;
    const victims = await batches(
      Array.from({ length: size.victims }, (_, i) => `@${prefix}victim${i}:${server.serverName}`),
      async (userId) => {
        await call("PUT", `/_synapse/admin/v2/users/${enc(userId)}`, { password: "pw" });
        return userId;
      },
    );
    const tokens = await batches(
      Array.from({ length: size.accounts }, (_, i) => `${prefix}spam${i}`),
      register,
    );
    const rooms = await batches(tokens.slice(0, size.rooms), async (token, r) => {
      const { room_id } = (await call(
        "POST",
        "/_matrix/client/v3/createRoom",
        {
          preset: "public_chat",
          visibility: "public",
          invite: victims.filter((_, i) => i % size.rooms === r),
        },
        token,
      )) as { room_id: string };
      return room_id;
    });
    await batches(tokens, async (token, i) => {
      const roomId = rooms[i % size.rooms]!;
      if (i >= size.rooms) await call("POST", `/_matrix/client/v3/join/${enc(roomId)}`, {}, token);
      const response = await fetch(`${server.baseUrl}/_matrix/media/v3/upload?filename=s.txt`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
        body: `spam ${i}`,
      });
      const { content_uri } = (await response.json()) as { content_uri: string };
      await call(
        "PUT",
        `/_matrix/client/v3/rooms/${enc(roomId)}/send/m.room.message/t${i}`,
        { msgtype: "m.text", body: `buy ${content_uri}` },
        token,
      );
    });
    return { prefix };
  };

  /** What `incident contain --users @PREFIX --accounts deactivate` does, as a plain loop would. */
  const plainLoop = async (wave: Wave): Promise<void> => {
    const pool = async <T>(items: T[], work: (item: T) => Promise<void>) => {
      const queue = [...items];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
        }),
      );
    };
    await call("GET", "/_matrix/client/v3/account/whoami");
    const accounts: string[] = [];
    for (let from: unknown = 0; from !== undefined; ) {
      const page = (await call("GET", `/_synapse/admin/v2/users?limit=500&from=${from}`)) as {
        users: Array<{ name: string }>;
        next_token?: unknown;
      };
      for (const user of page.users)
        if (user.name.startsWith(`@${wave.prefix}spam`)) accounts.push(user.name);
      from = page.next_token;
    }
    const joined = new Map<string, string[]>();
    await pool(accounts, async (userId) => {
      await call("GET", `/_synapse/admin/v2/users/${enc(userId)}`);
      await call("GET", `/_synapse/admin/v1/whois/${enc(userId)}`);
      const { joined_rooms } = (await call(
        "GET",
        `/_synapse/admin/v1/users/${enc(userId)}/joined_rooms`,
      )) as {
        joined_rooms: string[];
      };
      joined.set(userId, joined_rooms);
      await call("GET", `/_synapse/admin/v1/users/${enc(userId)}/media?limit=500`);
    });
    const wave_ = new Set(accounts);
    const rooms: string[] = [];
    for (let from: unknown = 0; from !== undefined; ) {
      const page = (await call("GET", `/_synapse/admin/v1/rooms?limit=500&from=${from}`)) as {
        rooms: Array<{ room_id: string; creator: string }>;
        next_batch?: unknown;
      };
      for (const room of page.rooms) if (wave_.has(room.creator)) rooms.push(room.room_id);
      from = page.next_batch;
    }
    await pool(rooms, async (roomId) => {
      await call("GET", `/_synapse/admin/v1/rooms/${enc(roomId)}/state`);
      await call("GET", `/_synapse/admin/v1/rooms/${enc(roomId)}/members`);
    });
    await call("GET", "/_synapse/admin/v1/event_reports?limit=500");
    // Rooms first, then accounts, as the command orders them.
    await pool(rooms, async (roomId) => {
      await call("GET", `/_synapse/admin/v1/rooms/${enc(roomId)}`);
      await call("PUT", `/_matrix/client/v3/directory/list/room/${enc(roomId)}`, { visibility: "private" });
      await call("POST", `/_synapse/admin/v1/room/${enc(roomId)}/media/quarantine`, {});
      await call("PUT", `/_synapse/admin/v1/rooms/${enc(roomId)}/block`, { block: true });
      await call("GET", `/_synapse/admin/v2/rooms/${enc(roomId)}/delete_status`).catch(() => undefined);
      const { delete_id } = (await call("DELETE", `/_synapse/admin/v2/rooms/${enc(roomId)}`, {
        block: true,
        purge: true,
      })) as { delete_id: string };
      for (let wait = 150; ; wait = Math.min(wait * 2, 5000)) {
        const { status } = (await call("GET", `/_synapse/admin/v2/rooms/delete_status/${delete_id}`)) as {
          status: string;
        };
        if (status === "complete" || status === "failed") break;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
    await pool(accounts, async (userId) => {
      await call("GET", `/_synapse/admin/v2/users/${enc(userId)}`);
      await call("POST", `/_synapse/admin/v1/user/${enc(userId)}/media/quarantine`, {});
      await call("POST", `/_synapse/admin/v1/deactivate/${enc(userId)}`, { erase: false });
    });
  };

  const cli: number[] = [];
  const loop: number[] = [];
  for (let i = 0; i < runs; i++) {
    const forCli = await scriptWave();
    const home = mkdtempSync(join(tmpdir(), "synadm-bench-incident-"));
    const argv = ours(
      "--batch",
      "incident",
      "contain",
      "--users",
      `@${forCli.prefix}spam`,
      "--concurrency",
      "8",
    );
    let started = performance.now();
    await run(argv[0]!, argv.slice(1), { maxBuffer: 256 << 20, env: { ...process.env, HOME: home } });
    cli.push(performance.now() - started);
    rmSync(home, { recursive: true, force: true });
    const forLoop = await scriptWave();
    started = performance.now();
    await plainLoop(forLoop);
    loop.push(performance.now() - started);
    process.stderr.write(
      `incident contain, wave ${i + 1}: ${cli.at(-1)!.toFixed(0)} ms, plain loop ${loop.at(-1)!.toFixed(0)} ms\n`,
    );
  }
  const median = (values: number[]): number =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { cli: median(cli), loop: median(loop), size };
}

/** The rows for bench/results.md. */
export function incidentRows(times: IncidentTimes): string[] {
  const { size } = times;
  const wave = `${size.accounts} accounts, ${size.rooms} rooms, ${size.victims} victims`;
  return [
    `| \`incident contain\` of a wave (${wave}), seed to report | (no such command) | ${times.cli.toFixed(0)} ms | | | |`,
    `| plain 8-worker loop of the same calls | | ${times.loop.toFixed(0)} ms | CLI/loop ${(times.cli / times.loop).toFixed(2)}x | CLI ≤ 1.2x loop | |`,
  ];
}

/** The wave of the issue, smaller with BENCH_WAVE_ACCOUNTS for a quick look. */
export const WAVE: WaveSize = {
  accounts: Number(process.env["BENCH_WAVE_ACCOUNTS"] ?? 200),
  victims: Number(process.env["BENCH_WAVE_VICTIMS"] ?? 50),
  rooms: Number(process.env["BENCH_WAVE_ROOMS"] ?? 10),
};

// Run on its own (`npx tsx scripts/bench-incident.ts`, after `npm run build`): only this row, on its own server.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { startSynapse } = await import("../test/support/synapse.ts");
  const { writeFileSync } = await import("node:fs");
  const server = await startSynapse();
  try {
    const config = join(mkdtempSync(join(tmpdir(), "synadm-bench-")), "synadm.yaml");
    writeFileSync(
      config,
      `token: ${server.adminToken}\nbase_url: ${server.baseUrl}\nformat: json\ntimeout: 60\n`,
      {
        mode: 0o600,
      },
    );
    const ours = (...args: string[]) => [join(process.cwd(), "dist/cli/synadm"), "-c", config, ...args];
    const times = await benchIncident(server, ours, WAVE, Number(process.env["BENCH_RUNS"] ?? 3));
    process.stdout.write(`${incidentRows(times).join("\n")}\n`);
  } finally {
    await server.stop();
  }
}
