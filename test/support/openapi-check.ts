// A checker of requests and responses against an OpenAPI 3.1 description, for
// just the JSON Schema keywords MAS's description uses: type (one or a list),
// properties, required, items, $ref, allOf, anyOf, oneOf, enum, pattern,
// minimum, maximum, format (date-time, uint*, email, ip, uri) and the empty
// schema. A keyword it does not know makes it throw, so that a new
// description is looked at rather than half checked.
import { isIP } from "node:net";

/** A schema of the subset. */
export type Schema = { readonly [keyword: string]: unknown };

interface Parameter {
  readonly in: "path" | "query";
  readonly name: string;
  readonly required?: boolean;
  readonly schema: Schema;
}

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: Record<string, { schema: Schema }>;
  };
  readonly responses: Record<string, { readonly content?: Record<string, { schema: Schema }> }>;
}

/** An OpenAPI description, as far as the checker reads it. */
export interface OpenApi {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

/** The operation a request is for, with its path parameters. */
export interface Matched {
  readonly template: string;
  readonly method: string;
  readonly operation: Operation;
  readonly pathParams: Record<string, string>;
}

const KNOWN = new Set([
  "type",
  "properties",
  "required",
  "items",
  "$ref",
  "allOf",
  "anyOf",
  "oneOf",
  "enum",
  "pattern",
  "minimum",
  "maximum",
  "format",
  "default",
  "deprecated",
]);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class OpenApiChecker {
  readonly #spec: OpenApi;

  constructor(spec: OpenApi) {
    this.#spec = spec;
  }

  /** The operation of `method` on `pathname`, or undefined; where several templates fit, the most literal. */
  match(method: string, pathname: string): Matched | undefined {
    let best: (Matched & { literal: number }) | undefined;
    for (const [template, methods] of Object.entries(this.#spec.paths)) {
      const operation = methods[method.toLowerCase()];
      if (!operation) continue;
      const names: string[] = [];
      const pattern = template
        .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
          names.push(name);
          return "([^/]+)";
        });
      const found = new RegExp(`^${pattern}$`).exec(pathname);
      if (!found) continue;
      const literal = template.replace(/\{\w+\}/g, "").length;
      if (best && best.literal >= literal) continue;
      const pathParams: Record<string, string> = {};
      names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1]!);
      });
      best = { template, method: method.toUpperCase(), operation, pathParams, literal };
    }
    if (!best) return undefined;
    const { literal: _, ...matched } = best;
    return matched;
  }

  /** What is wrong with a request for `matched` (empty when nothing is). */
  checkRequest(matched: Matched, query: URLSearchParams, body: unknown): string[] {
    const problems: string[] = [];
    const parameters = matched.operation.parameters ?? [];
    for (const parameter of parameters.filter((each) => each.in === "path")) {
      problems.push(
        ...this.check(parameter.schema, matched.pathParams[parameter.name], `path ${parameter.name}`),
      );
    }
    const queryParameters = new Map(
      parameters.filter((each) => each.in === "query").map((each) => [each.name, each]),
    );
    for (const name of new Set(query.keys())) {
      const parameter = queryParameters.get(name);
      if (!parameter) {
        problems.push(`query ${name}: not a parameter of ${matched.operation.operationId}`);
        continue;
      }
      const values = query.getAll(name);
      const schema = this.#resolve(parameter.schema);
      const value =
        schema["type"] === "array"
          ? values.map((each) => this.#fromQuery(schema["items"] as Schema, each))
          : values.length === 1
            ? this.#fromQuery(schema, values[0]!)
            : values;
      problems.push(...this.check(parameter.schema, value, `query ${name}`));
    }
    for (const parameter of parameters)
      if (parameter.required && parameter.in === "query" && !query.has(parameter.name))
        problems.push(`query ${parameter.name}: required`);
    const requestBody = matched.operation.requestBody;
    if (!requestBody) {
      if (body !== undefined) problems.push(`a body, where ${matched.operation.operationId} takes none`);
    } else if (body === undefined) {
      if (requestBody.required) problems.push("no body, where one is required");
    } else {
      problems.push(...this.check(requestBody.content["application/json"]!.schema, body, "body"));
    }
    return problems;
  }

  /** What is wrong with answering `status` and `body` to `matched` (empty when nothing is). */
  checkResponse(matched: Matched, status: number, body: unknown): string[] {
    const response = matched.operation.responses[String(status)];
    if (!response) return [`status ${status} is not an answer of ${matched.operation.operationId}`];
    if (!response.content) return body === undefined ? [] : [`a body with ${status}, which has none`];
    return this.check(response.content["application/json"]!.schema, body, "response");
  }

  /** What is wrong with `value` under `schema`; `at` names where it is. */
  check(schema: Schema, value: unknown, at: string): string[] {
    for (const keyword of Object.keys(schema))
      if (!KNOWN.has(keyword)) throw new Error(`the checker does not know the keyword ${keyword} (at ${at})`);
    if (schema["$ref"] !== undefined) return this.check(this.#resolve(schema), value, at);
    const problems: string[] = [];
    for (const part of (schema["allOf"] as Schema[] | undefined) ?? [])
      problems.push(...this.check(part, value, at));
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const parts = schema[keyword] as Schema[] | undefined;
      if (!parts) continue;
      const fits = parts.filter((part) => this.check(part, value, at).length === 0).length;
      if (keyword === "anyOf" ? fits === 0 : fits !== 1)
        problems.push(`${at}: ${JSON.stringify(value)} fits ${fits} of the ${keyword} alternatives`);
    }
    if (schema["type"] !== undefined) {
      const types = ([] as string[]).concat(schema["type"] as string | string[]);
      if (!types.some((type) => isType(type, value))) {
        problems.push(`${at}: expected ${types.join(" or ")}, got ${JSON.stringify(value)}`);
        return problems;
      }
    }
    if (schema["enum"] && !(schema["enum"] as unknown[]).includes(value))
      problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema["enum"])}`);
    if (typeof value === "string") {
      if (typeof schema["pattern"] === "string" && !new RegExp(schema["pattern"], "u").test(value))
        problems.push(`${at}: "${value}" does not match ${schema["pattern"]}`);
      const format = schema["format"];
      if (format === "date-time" && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))))
        problems.push(`${at}: "${value}" is not a date-time`);
      if (format === "email" && !/^[^@\s]+@[^@\s]+$/.test(value))
        problems.push(`${at}: "${value}" is not an email`);
      if (format === "ip" && isIP(value) === 0) problems.push(`${at}: "${value}" is not an IP address`);
      if (format === "uri" && !URL.canParse(value)) problems.push(`${at}: "${value}" is not a URI`);
    }
    if (typeof value === "number") {
      if (typeof schema["minimum"] === "number" && value < schema["minimum"])
        problems.push(`${at}: ${value} is below ${schema["minimum"]}`);
      if (typeof schema["maximum"] === "number" && value > schema["maximum"])
        problems.push(`${at}: ${value} is above ${schema["maximum"]}`);
      const format = schema["format"];
      if (typeof format === "string" && format.startsWith("uint") && (!Number.isInteger(value) || value < 0))
        problems.push(`${at}: ${value} is not an unsigned integer`);
      const bits = typeof format === "string" ? Number(format.slice(4)) : Number.NaN;
      if (Number.isInteger(bits) && bits > 0 && value >= 2 ** bits)
        problems.push(`${at}: ${value} exceeds ${format}`);
    }
    if (Array.isArray(value) && schema["items"])
      for (const [index, item] of value.entries())
        problems.push(...this.check(schema["items"] as Schema, item, `${at}[${index}]`));
    if (isObject(value)) {
      for (const name of (schema["required"] as string[] | undefined) ?? [])
        if (!(name in value)) problems.push(`${at}: ${name} is required`);
      const properties = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
      for (const [name, propertySchema] of Object.entries(properties))
        if (name in value) problems.push(...this.check(propertySchema, value[name], `${at}.${name}`));
    }
    return problems;
  }

  #resolve(schema: Schema): Schema {
    const ref = schema["$ref"];
    if (typeof ref !== "string") return schema;
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    const target = name === undefined ? undefined : this.#spec.components.schemas[name];
    if (!target) throw new Error(`unknown $ref ${ref}`);
    return this.#resolve(target);
  }

  /** A query string value as the type its schema asks for (form style: text). */
  #fromQuery(schema: Schema, text: string): unknown {
    const types = ([] as string[]).concat(
      (this.#resolve(schema)["type"] as string | string[] | undefined) ?? [],
    );
    if (types.includes("boolean")) return text === "true" ? true : text === "false" ? false : text;
    if (types.includes("integer")) return /^-?\d+$/.test(text) ? Number(text) : text;
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isType(type: string, value: unknown): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      throw new Error(`the checker does not know the type ${type}`);
  }
}
