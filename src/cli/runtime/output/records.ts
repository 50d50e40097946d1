/**
 * The list of records a document holds, for the record formats; undefined
 * when the document is not a list. Commands say which list by handing
 * `print` the rows of their `human` table: a document that is an array is
 * its own list, and otherwise the list is the document's own array those rows
 * come from (the server's records rather than rows reworded or re-sorted for
 * reading), or the rows themselves when the document has no such array.
 */
export function recordsOf(value: unknown, humanView: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!Array.isArray(humanView)) return undefined;
  if (typeof value !== "object" || value === null) return humanView;
  const lists = Object.values(value).filter((item): item is unknown[] => Array.isArray(item));
  if (lists.includes(humanView)) return humanView;
  const sameLength = lists.filter((list) => list.length === humanView.length);
  return sameLength.length === 1 ? sameLength[0] : humanView;
}
