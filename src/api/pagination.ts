/**
 * How to walk one paginated admin list. Each list has its own cursor
 * (`next_token` for users and media, `next_batch` for rooms, `end` for room
 * messages, offsets elsewhere), so the list describes it instead of a shared type.
 */
export interface PageWalker<Page, Item, Cursor> {
  /** Fetches the page at `cursor` (`undefined` for the first page). */
  fetchPage(cursor: Cursor | undefined, signal?: AbortSignal): Promise<Page>;
  /** The items of a page. */
  items(page: Page): readonly Item[];
  /** The cursor of the next page, or `undefined` at the end. */
  nextCursor(page: Page): Cursor | undefined;
}

/**
 * A list that fetches pages as it is iterated, so a caller going through
 * 100,000 users holds one page at a time.
 *
 * @example
 * for await (const user of admin.users.list({ deactivated: true })) console.log(user.name);
 */
export class PagedList<Page, Item, Cursor = string> implements AsyncIterable<Item> {
  readonly #walker: PageWalker<Page, Item, Cursor>;
  readonly #signal: AbortSignal | undefined;

  constructor(walker: PageWalker<Page, Item, Cursor>, signal?: AbortSignal) {
    this.#walker = walker;
    this.#signal = signal;
  }

  /** The first page only, as the server returned it. */
  firstPage(): Promise<Page> {
    return this.#walker.fetchPage(undefined, this.#signal);
  }

  /** Every page, in order, as the server returned them. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    let cursor: Cursor | undefined;
    const seen = new Set<Cursor>();
    do {
      const page = await this.#walker.fetchPage(cursor, this.#signal);
      yield page;
      cursor = this.#walker.nextCursor(page);
      // A server that hands back a cursor it already gave would loop forever.
      if (cursor !== undefined && seen.has(cursor)) return;
      if (cursor !== undefined) seen.add(cursor);
    } while (cursor !== undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* this.#walker.items(page);
  }

  /** Collects every item; for lists known to be small. */
  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}
