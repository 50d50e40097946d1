import { homedir } from "node:os";
import { main } from "./main.ts";

const exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  homedir: homedir(),
});
// Setting exitCode instead of calling exit() lets piped stdout drain completely.
process.exitCode = exitCode;
