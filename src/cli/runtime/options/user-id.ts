import { type ArgumentSpec, argument } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";

/** The `USER_ID` argument of the commands about one user; a localpart is completed with the server name. */
export const userIdArgument: ArgumentSpec<string, string> = argument(
  "USER_ID",
  text,
  "A user ID (@alice:example.org) or a bare localpart (alice).",
);
