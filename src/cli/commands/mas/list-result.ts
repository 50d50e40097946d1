import type { MasPagedList } from "../../../api/resources/mas-resource.ts";
import type { CommandOutcome } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { listIn, streamOf } from "../../runtime/output/result.ts";
import { escapeTerminalText } from "../../runtime/output/terminal-text.ts";

/**
 * A MAS list as a command's result: its first page as MAS gave it (`meta`,
 * `data`, `links`), saying how to go on; with `--all`, every item streamed
 * under `data`, with the first page's `meta` (the count).
 */
export async function masListResult<A>(
  context: CommandContext,
  list: MasPagedList<A>,
  all: boolean,
): Promise<CommandOutcome> {
  if (!all) {
    const page = await list;
    const next = page.links.next ? page.data?.at(-1)?.id : undefined;
    if (next) context.note(`More: use --after ${escapeTerminalText(next)}, or --all.`);
    const data = page.data ?? [];
    // A table of {type, id, attributes, links} would show JSON in its cells: one row per item, its fields.
    return listIn({ ...page, data }, "data", {
      human: data.map((item) => ({ id: item.id, ...(item.attributes as Record<string, unknown>) })),
    });
  }
  const { page, items } = await list.withFirstPage();
  return streamOf("data", items, page.meta ? { meta: page.meta } : {});
}

/** The paging of the options, as the library takes it. */
export function pagingOf(options: { limit: number | undefined; after: string | undefined }): {
  first?: number;
  after?: string;
} {
  return {
    ...(options.limit === undefined ? {} : { first: options.limit }),
    ...(options.after === undefined ? {} : { after: options.after }),
  };
}
