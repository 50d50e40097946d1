import { option, type ValueSpec } from "../../framework/spec.ts";
import { choice } from "../../framework/values.ts";

/** `-s, --sort, --order-by` of a list the server sorts by one of `orders` (the library's `orderBy`). */
export function orderByOption<const T extends string>(
  orders: readonly T[],
  help = "Sort by this field.",
): ValueSpec<T, T | undefined> {
  return option("-s, --sort, --order-by", choice(orders), help);
}
