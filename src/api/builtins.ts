import { SynadmError } from "./errors.ts";

/**
 * Node's own modules where the runtime has them (Node, Bun, Deno), else
 * `undefined` (browsers). Reached through `process.getBuiltinModule` rather
 * than `import`, so that no bundler sees a `node:` import on the library's
 * import path and a browser bundle needs no stubs.
 */
export function nodeBuiltins(): NodeJS.Process["getBuiltinModule"] | undefined {
  const runtime = (globalThis as { process?: Partial<NodeJS.Process> }).process;
  return typeof runtime?.getBuiltinModule === "function" ? runtime.getBuiltinModule.bind(runtime) : undefined;
}

/** {@link nodeBuiltins}, or a {@link SynadmError} saying that `what` needs them. */
export function requireBuiltins(what: string): NodeJS.Process["getBuiltinModule"] {
  const builtins = nodeBuiltins();
  if (!builtins)
    throw new SynadmError(`${what} needs Node's modules (node:http and others), which this runtime lacks`);
  return builtins;
}
