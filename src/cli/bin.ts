import { homedir } from "node:os";
import { main } from "./main.ts";

// A reader that stopped reading (`synadm ... | head`) is not a failure of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  homedir: homedir(),
});
// Setting exitCode instead of calling exit() lets piped stdout drain completely.
process.exitCode = exitCode;
