import { homedir } from "node:os";
import { main } from "./main.ts";

// A reader that stopped reading (`synadm ... | head`) is not a failure of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The launcher (launcher.sh) hands NODE_EXTRA_CA_CERTS over under this name so
// that Node does not read the certificates at start; commands that run other
// programs (token_command) pass the variable on as it was.
const extraCaCertsFile = process.env["SYNADM_EXTRA_CA_CERTS"] || undefined;
if (extraCaCertsFile) {
  process.env["NODE_EXTRA_CA_CERTS"] = extraCaCertsFile;
  delete process.env["SYNADM_EXTRA_CA_CERTS"];
}

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Made on first use: setting up stdin costs a few milliseconds most commands do not need.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  homedir: homedir(),
  ...(extraCaCertsFile ? { extraCaCertsFile } : {}),
}).then((exitCode) => {
  // Setting exitCode instead of calling exit() lets piped stdout drain completely.
  process.exitCode = exitCode;
});
