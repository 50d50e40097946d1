// `raw`: one command, any Admin API request.
export { rawCommand } from "./raw-request.ts";
