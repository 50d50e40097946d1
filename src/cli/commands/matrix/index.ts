import { defineGroup } from "../../framework/spec.ts";
import { matrixLoginCommand } from "./login.ts";
import { matrixRawCommand } from "./raw-request.ts";

export const matrixGroup = defineGroup({
  name: "matrix",
  summary: "Call the Matrix client-server API.",
  commands: [matrixLoginCommand, matrixRawCommand],
});
