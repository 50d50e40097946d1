import { InvalidInputError, PaginationError, type RequestDescription } from "./errors.ts";

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
  /** The list's endpoint, to name it in a {@link PaginationError}. */
  readonly request?: RequestDescription;
}

/** Options of {@link PagedList}. */
export interface PagedListOptions {
  readonly signal?: AbortSignal;
  /**
   * Empty pages in a row, each with a new cursor, after which the list throws
   * {@link PaginationError} instead of asking for more (default 10).
   */
  readonly maxEmptyPages?: number;
}

/** Empty pages in a row a list accepts by default before it gives up on the server. */
export const DEFAULT_MAX_EMPTY_PAGES = 10;

/**
 * A list that fetches pages as it is iterated, so a caller going through
 * 100,000 users holds one page at a time.
 *
 * Every loop is bounded: a server that hands back a cursor it already gave, or
 * keeps giving new cursors with empty pages, makes the list throw
 * {@link PaginationError} rather than loop forever or end silently.
 *
 * @example
 * for await (const user of admin.users.list({ deactivated: true })) console.log(user.name);
 */
export class PagedList<Page, Item, Cursor = string> implements AsyncIterable<Item> {
  readonly #walker: PageWalker<Page, Item, Cursor>;
  readonly #signal: AbortSignal | undefined;
  readonly #maxEmptyPages: number;

  /** `options` may be just the signal, as before the options existed. */
  constructor(walker: PageWalker<Page, Item, Cursor>, options?: AbortSignal | PagedListOptions) {
    const given: PagedListOptions = options instanceof AbortSignal ? { signal: options } : (options ?? {});
    this.#walker = walker;
    this.#signal = given.signal;
    this.#maxEmptyPages = given.maxEmptyPages ?? DEFAULT_MAX_EMPTY_PAGES;
    if (!Number.isInteger(this.#maxEmptyPages) || this.#maxEmptyPages < 1) {
      throw new InvalidInputError(
        `invalid maxEmptyPages ${this.#maxEmptyPages}: expected a whole number above 0`,
      );
    }
  }

  /** The first page only, as the server returned it. */
  firstPage(): Promise<Page> {
    return this.#walker.fetchPage(undefined, this.#signal);
  }

  /** Every page, in order, as the server returned them. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    const request = this.#walker.request ?? { method: "GET", path: "(a paginated list)" };
    let cursor: Cursor | undefined;
    const seen = new Set<Cursor>();
    let emptyInARow = 0;
    do {
      const page = await this.#walker.fetchPage(cursor, this.#signal);
      yield page;
      cursor = this.#walker.nextCursor(page);
      if (cursor === undefined) return;
      // A server that hands back a cursor it already gave would serve the same pages forever.
      if (seen.has(cursor)) {
        throw new PaginationError(
          request,
          `the server gave the cursor ${JSON.stringify(cursor)} a second time; the list would never end`,
          cursor,
        );
      }
      seen.add(cursor);
      emptyInARow = this.#walker.items(page).length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= this.#maxEmptyPages) {
        throw new PaginationError(
          request,
          `${emptyInARow} empty pages in a row, each with a new cursor (the last ${JSON.stringify(cursor)}); stopped asking`,
          cursor,
        );
      }
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

/**
 * Checks the page size given to a paginated endpoint: a whole number above 0.
 * `limit: 0` would make the server answer empty pages that never advance.
 * Throws {@link InvalidInputError} otherwise; `undefined` (the server's default) passes.
 */
export function checkPageLimit(limit: number | undefined): void {
  if (limit === undefined) return;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidInputError(`invalid limit ${limit}: expected a whole number of items per page above 0`);
  }
}
