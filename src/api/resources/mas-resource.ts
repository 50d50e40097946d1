import {
  array,
  exactOptional,
  type GenericSchema,
  nullable,
  number,
  object,
  string,
  undefined_,
  unknown,
} from "valibot";
import type { QueryValue, RequestOptions } from "../http-client.ts";
import type { PagedList } from "../pagination.ts";
import { checkPageLimit } from "../pagination.ts";
import { responseSchema } from "../schema.ts";
import { MAS_PAGING_PARAMETERS, type MasPaging, toWire, type WireNames } from "./mas-options.ts";

export type { MasPaging } from "./mas-options.ts";

import { PagedResource } from "./resource.ts";

/** The links of one MAS resource object or document. */
export interface MasSelfLinks {
  self: string;
}

/** One resource object of a MAS admin API document: `{type, id, attributes, links}`. */
export interface MasResourceObject<A> {
  type: string;
  /** A ULID. */
  id: string;
  attributes: A;
  links: MasSelfLinks;
  /** In lists: `page.cursor`, where a page starting after this item begins. */
  meta?: { page?: { cursor: string } | null } | null;
}

/** A MAS admin API document of one resource: `{data, links}`. */
export interface MasSingle<A> {
  data: MasResourceObject<A>;
  links: MasSelfLinks;
}

/** The links of a page of a MAS list: `next` is absent on the last page. */
export interface MasPaginationLinks {
  self: string;
  first?: string | null;
  last?: string | null;
  next?: string | null;
  prev?: string | null;
}

/** One page of a MAS admin API list. `data` is absent with `count: "only"`. */
export interface MasPage<A> {
  /** `count` is there unless `count: "false"` was asked for. */
  meta?: { count?: number | null } | null;
  data?: Array<MasResourceObject<A>> | null;
  links: MasPaginationLinks;
}

/** A paged MAS list: pages chained by `page[after]`, as long as the page has `links.next`. */
export type MasPagedList<A> = PagedList<MasPage<A>, MasResourceObject<A>, string>;

/**
 * The cursor of the page after `page`: the `page[after]` of its `next` link,
 * else the last item's cursor (its ID); `undefined` on the last page.
 */
export function masNextCursor<A>(page: MasPage<A>): string | undefined {
  const next = page.links?.next;
  if (!next) return undefined;
  const after = new URL(next, "http://mas.invalid").searchParams.get("page[after]");
  if (after) return after;
  const last = page.data?.at(-1);
  return last ? (last.meta?.page?.cursor ?? last.id) : undefined;
}

// The envelopes of MAS admin API answers (`SingleResponse_for_*`,
// `PaginatedResponse_for_*`, `SingleResource_for_*` of its OpenAPI description)
// around the attributes schema of each resource.
const selfLinksSchema = responseSchema<MasSelfLinks>()(object({ self: string() }));

const paginationLinksSchema = responseSchema<MasPaginationLinks>()(
  object({
    self: string(),
    first: exactOptional(nullable(string())),
    last: exactOptional(nullable(string())),
    next: exactOptional(nullable(string())),
    prev: exactOptional(nullable(string())),
  }),
);

// `SingleResourceMeta`: a list item's cursor.
const resourceMetaSchema = nullable(object({ page: exactOptional(nullable(object({ cursor: string() }))) }));

// Tied to the type with its attributes unknown; each resource puts its own in.
responseSchema<MasResourceObject<unknown>>()(
  object({
    type: string(),
    id: string(),
    attributes: unknown(),
    links: selfLinksSchema,
    meta: exactOptional(resourceMetaSchema),
  }),
);

function resourceObjectSchema<A>(
  attributes: GenericSchema<unknown, A>,
): GenericSchema<unknown, MasResourceObject<A>> {
  return object({
    type: string(),
    id: string(),
    attributes,
    links: selfLinksSchema,
    meta: exactOptional(resourceMetaSchema),
  }) as GenericSchema<unknown, MasResourceObject<A>>;
}

// `SingleResponse_for_<A>`: `{data, links}` of one resource with these attributes.
function masSingleSchema<A>(attributes: GenericSchema<unknown, A>): GenericSchema<unknown, MasSingle<A>> {
  return object({ data: resourceObjectSchema(attributes), links: selfLinksSchema });
}

// `PaginatedResponse_for_<A>`: one page of a list of resources with these attributes.
function masPageSchema<A>(attributes: GenericSchema<unknown, A>): GenericSchema<unknown, MasPage<A>> {
  return object({
    meta: exactOptional(nullable(object({ count: exactOptional(nullable(number())) }))),
    data: exactOptional(nullable(array(resourceObjectSchema(attributes)))),
    links: paginationLinksSchema,
  });
}

// A 204 No Content answer (deletions, set-password): the client reads no body, so there is nothing.
const masNoContentSchema: GenericSchema<unknown, void> = undefined_() as GenericSchema<unknown, void>;

/** A group of MAS admin API operations (one tag of its OpenAPI description) over the shared client. */
export abstract class MasResource extends PagedResource {
  /** The schema of a `SingleResponse_for_<A>` answer: one resource with these attributes. */
  protected masSingle<A>(attributes: GenericSchema<unknown, A>): GenericSchema<unknown, MasSingle<A>> {
    return masSingleSchema(attributes);
  }

  /** The schema of a 204 No Content answer, which has no body. */
  protected get masNoContent(): GenericSchema<unknown, void> {
    return masNoContentSchema;
  }

  /**
   * A {@link MasPagedList} of `GET <path>` with the filters and paging of
   * `params` (each filter sent as `filterNames` names it), following
   * `page[after]`; each item's attributes checked by `attributes`.
   */
  protected masList<A, F extends object>(
    path: string,
    attributes: GenericSchema<unknown, A>,
    params: F & MasPaging,
    filterNames: WireNames<F>,
    options: RequestOptions,
  ): MasPagedList<A> {
    checkPageLimit(params.first);
    checkPageLimit(params.last);
    const names: WireNames<F & MasPaging> = { ...filterNames, ...MAS_PAGING_PARAMETERS };
    const { "page[after]": after, ...base } = toWire("params", params, names) as Record<string, QueryValue>;
    return this.pagedGet<MasPage<A>, MasResourceObject<A>, string>(
      {
        path,
        query: (cursor) => ({ ...base, "page[after]": cursor ?? after }),
        schema: masPageSchema(attributes),
        items: (page) => page.data ?? [],
        nextCursor: masNextCursor,
      },
      options,
    );
  }
}
