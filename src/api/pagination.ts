import {
  InvalidInputError,
  InvalidResponseError,
  PaginationError,
  type RequestDescription,
} from "./errors.ts";

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

/**
 * What every page of a {@link PagedList} has besides the server's fields: the
 * way to the next page. Not enumerable, so a page printed or spread as JSON is
 * what the server sent.
 */
export interface PageNavigation<Page> {
  /** Whether the server gave a cursor to a next page. */
  hasNextPage(): boolean;
  /**
   * Fetches the next page; throws {@link InvalidInputError} on the last page
   * (ask {@link PageNavigation.hasNextPage} first), and {@link PaginationError}
   * when the server hands back a cursor this chain of pages already followed.
   */
  nextPage(): Promise<ListPage<Page>>;
}

/** A page of a {@link PagedList}: the server's page, with {@link PageNavigation}. */
export type ListPage<Page> = Page & PageNavigation<Page>;

// The cursors followed to reach a page, newest first: to tell a repeated cursor
// on the way of nextPage() without keeping a set per page.
type CursorChain<Cursor> = { readonly cursor: Cursor; readonly previous: CursorChain<Cursor> } | undefined;

function followed<Cursor>(chain: CursorChain<Cursor>, cursor: Cursor): boolean {
  for (let link = chain; link; link = link.previous) if (link.cursor === cursor) return true;
  return false;
}

/** Empty pages in a row a list accepts by default before it gives up on the server. */
export const DEFAULT_MAX_EMPTY_PAGES = 10;

/**
 * A list that fetches pages as it is iterated, so a caller going through
 * 100,000 users holds one page at a time.
 *
 * The list is also a promise of its first page: `await` gives the page as the
 * server returned it (envelope and all: `total`, `next_token`...), fetched once
 * however often the list is awaited, with `hasNextPage()` and `nextPage()` to
 * go on page by page ({@link PageNavigation}). Nothing is fetched before the list is
 * awaited or iterated. {@link PagedList.withFirstPage} gives both: the first
 * page, then every item from that same page on.
 *
 * Every loop is bounded: a server that hands back a cursor it already gave, or
 * keeps giving new cursors with empty pages, makes the list throw
 * {@link PaginationError} rather than loop forever or end silently.
 *
 * @example
 * // Every item, page by page:
 * for await (const user of admin.users.list({ deactivated: true })) console.log(user.name);
 *
 * // The first page only:
 * const page = await admin.users.list({ limit: 10 });
 * console.log(`${page.total} users, the first ${page.users.length} here`);
 *
 * // Page by page, by hand:
 * let current = await admin.users.list({ limit: 10 });
 * while (current.hasNextPage()) current = await current.nextPage();
 *
 * // The first page's total, then every item, page 1 fetched once:
 * const { page: first, items } = await admin.users.list().withFirstPage();
 * console.log(`${first.total} users`);
 * for await (const user of items) console.log(user.name);
 */
export class PagedList<Page, Item, Cursor = string>
  implements AsyncIterable<Item>, PromiseLike<ListPage<Page>>
{
  readonly #walker: PageWalker<Page, Item, Cursor>;
  readonly #signal: AbortSignal | undefined;
  readonly #maxEmptyPages: number;
  /** The first page of `await` and {@link PagedList.withFirstPage}, asked for once. */
  #first: Promise<ListPage<Page>> | undefined;

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

  /**
   * The first page only, as the server returned it; asks the server on every call
   * (awaiting the list asks once).
   */
  async firstPage(): Promise<ListPage<Page>> {
    return this.#navigable(await this.#walker.fetchPage(undefined, this.#signal), undefined);
  }

  /**
   * Makes the list awaitable: `await list` is its first page, as with a promise
   * of it. The page is fetched on the first `await` and kept for the next ones.
   */
  // biome-ignore lint/suspicious/noThenProperty: awaiting a list gives its first page, on purpose
  readonly then: Promise<ListPage<Page>>["then"] = (onFulfilled, onRejected) =>
    this.#firstOnce().then(onFulfilled, onRejected);

  /** The first page, or what `onRejected` makes of its failure; as `Promise.catch`. */
  readonly catch: Promise<ListPage<Page>>["catch"] = (onRejected) => this.#firstOnce().catch(onRejected);

  /** The first page, after `onFinally` ran; as `Promise.finally`. */
  readonly finally: Promise<ListPage<Page>>["finally"] = (onFinally) => this.#firstOnce().finally(onFinally);

  /** `PagedList`, so that the list is typed as a `Promise` of its first page where one is expected. */
  get [Symbol.toStringTag](): string {
    return "PagedList";
  }

  /**
   * The first page, as the server returned it, and every item of the list from
   * that page on: for a caller that needs the envelope (`total`) before the
   * items, without asking for the first page twice. Shares the first page with
   * `await`; the items can be iterated once.
   */
  async withFirstPage(): Promise<{ page: ListPage<Page>; items: AsyncIterable<Item> }> {
    const page = await this.#firstOnce();
    const pages = this.#walk(page);
    const items = this.#walker.items.bind(this.#walker);
    return {
      page,
      items: (async function* () {
        for await (const each of pages) yield* items(each);
      })(),
    };
  }

  /** Every page, in order, as the server returned them. */
  pages(): AsyncGenerator<ListPage<Page>, void, undefined> {
    return this.#walk();
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

  #firstOnce(): Promise<ListPage<Page>> {
    this.#first ??= this.firstPage();
    return this.#first;
  }

  /** Every page from `first` (fetched when not given) on, bounded against servers that never end. */
  async *#walk(first?: ListPage<Page>): AsyncGenerator<ListPage<Page>, void, undefined> {
    const request = this.#request();
    let page = first ?? (await this.firstPage());
    const seen = new Set<Cursor>();
    let chain: CursorChain<Cursor>;
    let emptyInARow = 0;
    for (;;) {
      const items = this.#walker.items(page);
      // Lists without a response schema would otherwise end in a TypeError far from the cause.
      if (!Array.isArray(items))
        throw new InvalidResponseError(request, 200, "a page without its list of items");
      yield page;
      const cursor = this.#walker.nextCursor(page);
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
      emptyInARow = items.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= this.#maxEmptyPages) {
        throw new PaginationError(
          request,
          `${emptyInARow} empty pages in a row, each with a new cursor (the last ${JSON.stringify(cursor)}); stopped asking`,
          cursor,
        );
      }
      chain = { cursor, previous: chain };
      page = this.#navigable(await this.#walker.fetchPage(cursor, this.#signal), chain);
    }
  }

  #request(): RequestDescription {
    return this.#walker.request ?? { method: "GET", path: "(a paginated list)" };
  }

  /** Gives `page` its {@link PageNavigation}; `chain`: the cursors followed to reach it. */
  #navigable(page: Page, chain: CursorChain<Cursor>): ListPage<Page> {
    // A page that is no object is refused where its items are read; nothing to add to it here.
    if (typeof page !== "object" || page === null || !Object.isExtensible(page))
      return page as ListPage<Page>;
    const walker = this.#walker;
    const hasNextPage = () => walker.nextCursor(page) !== undefined;
    const nextPage = async (): Promise<ListPage<Page>> => {
      const cursor = walker.nextCursor(page);
      if (cursor === undefined) {
        throw new InvalidInputError("this is the last page of the list: there is no next page");
      }
      if (followed(chain, cursor)) {
        throw new PaginationError(
          this.#request(),
          `the server gave the cursor ${JSON.stringify(cursor)} a second time; the list would never end`,
          cursor,
        );
      }
      const link = { cursor, previous: chain };
      return this.#navigable(await walker.fetchPage(cursor, this.#signal), link);
    };
    Object.defineProperties(page, {
      hasNextPage: { value: hasNextPage, configurable: true, writable: true },
      nextPage: { value: nextPage, configurable: true, writable: true },
    });
    return page as ListPage<Page>;
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
