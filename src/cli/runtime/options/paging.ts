import { type FlagSpec, flag, optionWithDefault, type ValueSpec } from "../../framework/spec.ts";
import { integerAtLeast } from "../../framework/values.ts";

/**
 * `-f, --from` and `-l, --limit` of a paged list: `items` names what a page
 * holds ("Users"), `cursor` what `--from` takes ("next_token"), `limit` the
 * page size when not given.
 */
export function pagingOptions(
  items: string,
  { cursor = "next_token", limit = 100 }: { cursor?: string; limit?: number } = {},
): { from: ValueSpec<number, number>; limit: ValueSpec<number, number> } {
  return {
    from: optionWithDefault(
      "-f, --from",
      integerAtLeast(0),
      `Start at this offset (${cursor}) for paging.`,
      0,
    ),
    limit: optionWithDefault("-l, --limit", integerAtLeast(1), `${items} per page.`, limit),
  };
}

/** `--reverse` of a sorted list, under the names the command has always had (`-r, --reverse` by default). */
export function reverseOption(flags = "-r, --reverse", help = "Reverse the order."): FlagSpec<boolean> {
  return flag(flags, help);
}

/** `--all` of a paged list: every page, streamed; `items` names what the list holds ("user"). */
export function allPagesOption(items: string): FlagSpec<boolean> {
  return flag("--all", `Follow the pages to the end and print every ${items} (streamed).`);
}
