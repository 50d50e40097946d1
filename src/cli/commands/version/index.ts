// `version`: one command, the Server Version API.
export { versionCommand } from "./server-version.ts";
