// `doctor`: one read-only command checking configuration, server and routing.
export { doctorCommand } from "./doctor.ts";
