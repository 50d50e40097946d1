// `config`: one command, synadm's own configuration file.
export { configCommand } from "./config-file.ts";
