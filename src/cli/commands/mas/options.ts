// Options and helpers every MAS command shares.
import { flag, option } from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";

/** `--limit`, `--after` and `--all` of a MAS list: MAS pages by cursor (an item's ID), not by offset. */
export const masPaging = {
  limit: option("-l, --limit", integerAtLeast(1), "Items per page (MAS's default: 10)."),
  after: option("-f, --after", text, "Start after this item's ID (the cursor MAS gives).", {
    metavar: "ID",
  }),
  all: flag("--all", "Follow the pages to the end and print every item (streamed)."),
};
