import type { ApiPrefix, HttpClient, QueryValue, RequestOptions } from "../http-client.ts";
import { PagedList } from "../pagination.ts";

/**
 * A GET list whose pages are chained by a cursor, for {@link Resource}'s paged
 * lists: each page is the endpoint with `query(cursor)`, or what `fetchPage`
 * answers for lists that validate their pages.
 */
export type PagedGet<Page, Item, Cursor> = {
  /** Already encoded; build it with the `path` template tag. */
  readonly path: string;
  readonly prefix?: ApiPrefix;
  /** The items of a page. */
  items(page: Page): readonly Item[];
  /** The cursor of the next page, or `undefined` at the end. */
  nextCursor(page: Page): Cursor | undefined;
} & (
  | {
      /** The query of the page at `cursor`; `undefined` asks for the first page. */
      query(cursor: Cursor | undefined): Readonly<Record<string, QueryValue>>;
    }
  | {
      /** Fetches the page at `cursor` (`undefined`: the first) with these options. */
      fetchPage(cursor: Cursor | undefined, options: RequestOptions): Promise<Page>;
    }
);

/** A group of endpoints over the shared {@link HttpClient}, one per Synapse admin doc page. */
export abstract class Resource {
  protected readonly http: HttpClient;

  constructor(http: HttpClient) {
    this.http = http;
  }

  /** A {@link PagedList} over a GET endpoint, each page a request with the caller's options. */
  protected pagedGet<Page, Item, Cursor>(
    list: PagedGet<Page, Item, Cursor>,
    options: RequestOptions,
  ): PagedList<Page, Item, Cursor> {
    const http = this.http;
    const prefix = list.prefix ?? "admin";
    return new PagedList(
      {
        // A getter: the URL is built only to name the list in an error.
        get request() {
          return { method: "GET", path: http.url(prefix, list.path).pathname };
        },
        fetchPage: (cursor, signal) => {
          const pageOptions = { ...options, ...(signal ? { signal } : {}) };
          if ("fetchPage" in list) return list.fetchPage(cursor, pageOptions);
          return http.request<Page>({
            ...pageOptions,
            method: "GET",
            prefix,
            path: list.path,
            query: list.query(cursor),
          });
        },
        items: (page) => list.items(page),
        nextCursor: (page) => list.nextCursor(page),
      },
      options.signal,
    );
  }
}
