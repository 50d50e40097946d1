import { parseMediaId, parseMxcUri, parseServerName } from "../../../api/ids.ts";
import type { MediaRef } from "../../../api/resources/media.ts";
import { option, type ValueSpec } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import type { CommandContext } from "../../runtime/context.ts";

/** `-s, --server-name` of the commands that take a media ID. */
export const serverNameOption: ValueSpec<string, string | undefined> = option(
  "-s, --server-name",
  text,
  "The server the media belongs to (default: this homeserver).",
);

/** The file the help examples act on. */
export const EXAMPLE_MXC = "mxc://example.org/AbCdEfGhIjKlMnOp";

/** The media an ID (on `serverName`, else this homeserver) or an mxc:// URI names. */
export async function mediaRef(
  context: CommandContext,
  given: { mediaId?: string | undefined; mxcUri?: string | undefined; serverName?: string | undefined },
): Promise<MediaRef> {
  if (given.mxcUri !== undefined) return parseMxcUri(given.mxcUri);
  const mediaId = parseMediaId(given.mediaId!);
  const serverName =
    given.serverName === undefined ? await context.serverName() : parseServerName(given.serverName);
  return { serverName, mediaId };
}
