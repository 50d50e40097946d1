// Every library call takes an AbortSignal: each public method of every resource
// is called with `{ signal }` and must hand that signal to the transport, and
// job handles must take one in wait() and report progress.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Resource } from "../../../src/api/resources/resource.ts";
import {
  type HttpRequest,
  type HttpResponse,
  LongRunningJob,
  SynapseAdmin,
  type Transport,
} from "../../../src/index.ts";

/** Answers every request with `{}` and keeps it. */
class RecordingTransport implements Transport {
  readonly requests: HttpRequest[] = [];
  async send(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    return { status: 200, headers: { "content-type": "application/json" }, body: "{}" };
  }
}

// Values that pass each method's input checks, by parameter name; anything else gets "x".
const ARGUMENTS: Record<string, unknown> = {
  userId: "@u:example.org",
  user: "@u:example.org",
  roomId: "!r:example.org",
  roomIdOrAlias: "!r:example.org",
  alias: "#a:example.org",
  eventId: "$e",
  deviceIds: ["D"],
  media: { serverName: "example.org", mediaId: "m" },
  mediaId: "m",
  point: { beforeTs: 1 },
  registration: { sharedSecret: "s", username: "u", password: "p" },
  notice: { content: { msgtype: "m.text", body: "hi" } },
  criteria: { beforeTs: 1 },
  features: {},
  config: {},
  reportId: 1,
  jobName: "populate_stats_process_rooms",
};
const NUMBERS = new Set(["ts", "from", "fromTs", "beforeTs", "validUntilMs"]);
const BOOLEANS = new Set(["admin", "block", "enabled", "erase", "suspend", "valid", "logoutDevices"]);

/** The parameter names of a method, from its source (what tsx compiled). */
function parameterNames(method: (...args: never[]) => unknown): string[] {
  const source = method.toString();
  const open = source.indexOf("(");
  let depth = 0;
  let end = open;
  for (; end < source.length; end++) {
    if ("([{".includes(source[end]!)) depth++;
    if (")]}".includes(source[end]!) && --depth === 0) break;
  }
  const names: string[] = [];
  depth = 0;
  let current = "";
  for (const char of source.slice(open + 1, end)) {
    if ("([{".includes(char)) depth++;
    if (")]}".includes(char)) depth--;
    if (char === "," && depth === 0) {
      names.push(current);
      current = "";
    } else current += char;
  }
  names.push(current);
  return names.map((part) => part.split("=")[0]!.trim()).filter(Boolean);
}

function argumentFor(name: string): unknown {
  if (name in ARGUMENTS) return ARGUMENTS[name];
  if (NUMBERS.has(name)) return 1;
  if (BOOLEANS.has(name)) return true;
  if (/^(?:params|filters|update|deletion|changes|limit|renewal|redact|extra|token)$/.test(name)) return {};
  return "x";
}

describe("AbortSignal in every library call", () => {
  it("every public resource method passes its caller's signal to the transport", async () => {
    const transport = new RecordingTransport();
    // Known up front: the auth delegation question is asked once for every caller, so
    // it carries no one caller's signal (a caller stops waiting for it instead).
    const admin = new SynapseAdmin({
      baseUrl: "https://hs.example.org",
      accessToken: "t",
      transport,
      authDelegation: { delegated: false },
    });
    const resources = Object.keys(admin).filter(
      (name) => (admin as unknown as Record<string, unknown>)[name] instanceof Resource,
    );
    assert.ok(resources.length >= 18, `${resources.length} resources`);
    const problems: string[] = [];
    let checked = 0;
    for (const resourceName of resources) {
      const resource = (admin as unknown as Record<string, object>)[resourceName]!;
      const prototype = Object.getPrototypeOf(resource) as Record<string, unknown>;
      for (const methodName of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[methodName];
        if (methodName === "constructor" || typeof method !== "function") continue;
        const names = parameterNames(method as (...args: never[]) => unknown);
        // A job handle makes no request of its own; its wait() is checked below.
        if (!names.includes("options")) {
          if (!/Job$/.test(methodName)) problems.push(`${resourceName}.${methodName} takes no options`);
          continue;
        }
        const controller = new AbortController();
        const args = names.map((name) =>
          name === "options" ? { signal: controller.signal } : argumentFor(name),
        );
        const before = transport.requests.length;
        try {
          const result = (method as (...args: unknown[]) => unknown).apply(resource, args);
          const list = result as { firstPage?: () => Promise<unknown> };
          await (typeof list.firstPage === "function" ? list.firstPage() : result);
        } catch {
          // The `{}` answers rarely fit a schema; only the request matters here.
        }
        const sent = transport.requests.slice(before);
        controller.abort();
        if (sent.length === 0) problems.push(`${resourceName}.${methodName} sent no request`);
        else if (!sent.every((request) => request.signal?.aborted))
          problems.push(`${resourceName}.${methodName} did not pass the signal on`);
        checked++;
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 90, `${checked} methods checked`);
  });

  it("a job's wait() reports every status and stops when its signal fires", async () => {
    let reads = 0;
    const job = new LongRunningJob<{ status: string }>("j1", {
      description: "test job",
      fetchStatus: async () => ({ status: ++reads < 3 ? "active" : "complete" }),
      outcome: (status) => (status.status === "complete" ? "complete" : "running"),
    });
    const seen: string[] = [];
    const final = await job.wait({ intervalMs: 1, onStatus: (status) => seen.push(status.status) });
    assert.deepEqual(seen, ["active", "active", "complete"]);
    assert.equal(final.status, "complete");

    const endless = new LongRunningJob<{ status: string }>("j2", {
      description: "endless job",
      fetchStatus: async () => ({ status: "active" }),
      outcome: () => "running",
    });
    const controller = new AbortController();
    const waiting = endless.wait({ intervalMs: 5, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(waiting, (error: Error) => error.name === "AbortError");
  });

  it("serverName() and userId() stop waiting when the caller's signal fires; a later call still works", async () => {
    let answer: ((response: HttpResponse) => void) | undefined;
    const admin = new SynapseAdmin({
      baseUrl: "https://hs.example.org",
      accessToken: "t",
      transport: {
        send: () =>
          new Promise<HttpResponse>((resolve) => {
            answer = resolve;
          }),
      },
    });
    const controller = new AbortController();
    const waiting = admin.userId("alice", { signal: controller.signal });
    controller.abort();
    await assert.rejects(waiting, (error: Error) => error.name === "AbortError");
    const later = admin.serverName();
    answer!({ status: 200, headers: {}, body: '{"user_id":"@admin:example.org"}' });
    assert.equal(await later, "example.org");
  });
});
