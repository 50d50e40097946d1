import type { GenericSchema } from "valibot";
import type {
  ApiPrefix,
  ApiRequest,
  HttpClient,
  HttpMethod,
  QueryValue,
  RequestOptions,
} from "../http-client.ts";
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
      /** Checks every page. */
      readonly schema: GenericSchema<unknown, Page>;
    }
  | {
      /** Fetches the page at `cursor` (`undefined`: the first) with these options. */
      fetchPage(cursor: Cursor | undefined, options: RequestOptions): Promise<Page>;
    }
);

/**
 * What a {@link Resource} call sends besides its method and path, as
 * {@link ApiRequest} names it. The schema is required: every answer is checked,
 * and its type is the schema's.
 */
export interface Call<T> {
  /** URL prefix (default `admin`). */
  readonly prefix?: ApiPrefix;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Checks the answer; built with `responseSchema`, whose type it is. */
  readonly schema: GenericSchema<unknown, T>;
  /** Another access token for this call, or `null` to send none. */
  readonly accessToken?: string | null;
}

/** A {@link Call} that may send a JSON body. */
export interface CallWithBody<T> extends Call<T> {
  /** Sent as JSON when given. */
  readonly body?: unknown;
}

/** A group of endpoints over the shared {@link HttpClient}, one per Synapse admin doc page. */
export abstract class Resource {
  protected readonly http: HttpClient;

  constructor(http: HttpClient) {
    this.http = http;
  }

  // Upper case: resources have public methods named get and delete.

  /** `GET <path>`, with the caller's options. */
  protected GET<T>(path: string, call: Call<T>, options: RequestOptions = {}): Promise<T> {
    return this.#request("GET", path, call, options);
  }

  /** `POST <path>`, with the caller's options. */
  protected POST<T>(path: string, call: CallWithBody<T>, options: RequestOptions = {}): Promise<T> {
    return this.#request("POST", path, call, options);
  }

  /** `PUT <path>`, with the caller's options. */
  protected PUT<T>(path: string, call: CallWithBody<T>, options: RequestOptions = {}): Promise<T> {
    return this.#request("PUT", path, call, options);
  }

  /** `DELETE <path>`, with the caller's options. */
  protected DELETE<T>(path: string, call: CallWithBody<T>, options: RequestOptions = {}): Promise<T> {
    return this.#request("DELETE", path, call, options);
  }

  #request<T>(method: HttpMethod, path: string, call: CallWithBody<T>, options: RequestOptions): Promise<T> {
    // The options first: a wider object passed as options cannot replace what the method sets.
    return this.http.request({ ...options, ...call, method, path } as ApiRequest<T>);
  }
}

/**
 * A {@link Resource} with paged lists. Apart from {@link Resource} so that a
 * bundle without lists carries no {@link PagedList}.
 */
export abstract class PagedResource extends Resource {
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
          return this.GET(list.path, { prefix, query: list.query(cursor), schema: list.schema }, pageOptions);
        },
        items: (page) => list.items(page),
        nextCursor: (page) => list.nextCursor(page),
      },
      options.signal,
    );
  }
}
