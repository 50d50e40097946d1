// Starts the CLI bundle (cli.cjs, next to this file) through V8's code cache.
//
// Compiling the bundle is most of what a short command costs after Node's own
// start. The first run of a synadm version on a Node version saves what V8
// compiled to the user's cache directory; later runs load that instead of
// parsing and compiling again (about 10 ms per command). Node 20 has no
// module compile cache of its own (module.enableCompileCache came in Node 22),
// and vm.Script takes cached data only for scripts, hence a CommonJS bundle.
// Anything wrong with the cache only costs that speed: V8 rejects data that
// does not fit this Node, and the file is then written anew.
//
// V8 checks cached data only against the source's length, so a cache file is
// code: one planted by someone else would run instead of synadm, with the
// token in reach. It is used (and written) only when it and its directory
// belong to this user and nobody else can write them.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";

declare const SYNADM_BUNDLE_ID: string;

const bundlePath = join(__dirname, "cli.cjs");
const cacheDir = join(process.env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "synadm");
// The bundle's content hash is in the name: V8 checks only the source's length.
const cachePath = join(cacheDir, `code-${SYNADM_BUNDLE_ID}-${process.version}-${process.arch}.v8`);

const uid = process.getuid?.();
const isOwnAndPrivate = (stats: Stats): boolean =>
  (uid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0;
const cacheDirIsSafe = (): boolean => {
  try {
    const stats = lstatSync(cacheDir);
    return stats.isDirectory() && isOwnAndPrivate(stats);
  } catch {
    return false;
  }
};

let cachedData: Buffer | undefined;
if (cacheDirIsSafe()) {
  try {
    // O_NOFOLLOW: a symlink is not followed to someone else's file.
    const fd = openSync(cachePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const stats = fstatSync(fd);
      if (stats.isFile() && isOwnAndPrivate(stats)) cachedData = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not made yet, or not readable: compile from source.
  }
}

const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundlePath, "utf8")}\n})`,
  { filename: bundlePath, ...(cachedData === undefined ? {} : { cachedData }) },
);
if (cachedData === undefined || script.cachedDataRejected) {
  // At exit the cache also holds the functions this command compiled on the way.
  process.once("exit", () => saveCodeCache(script));
}
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, require, bundle, bundlePath, __dirname);

function saveCodeCache(compiled: Script): void {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    if (!cacheDirIsSafe()) return;
    // Written aside and renamed, so a parallel run never reads half a file.
    const partial = `${cachePath}.${process.pid}`;
    writeFileSync(partial, compiled.createCachedData(), { mode: 0o600 });
    renameSync(partial, cachePath);
    // Caches of other synadm builds are left over from upgrades; those of this
    // build for another Node stay, for whoever switches between Node versions.
    for (const name of readdirSync(cacheDir)) {
      if (/^code-[0-9a-f]+-.*\.v8$/.test(name) && !name.startsWith(`code-${SYNADM_BUNDLE_ID}-`))
        unlinkSync(join(cacheDir, name));
    }
  } catch {
    // A read-only home or a full disk only costs the next run its speed.
  }
}
