// A real Synapse in MAS mode with the MAS stand-in as its MAS, for the test
// files that run synadm against it: started before the file's tests, stopped
// after, and every test must leave the stand-in without a violation of MAS's
// description. Users the stand-in creates are passed on to Synapse's
// /_synapse/mas/* endpoints, so Synapse's state is real.
import assert from "node:assert/strict";
import { after, afterEach, before } from "node:test";
import { type CliResult, homeWithConfig, runCli } from "./cli.ts";
import { MasStandIn } from "./mas-stand-in.ts";
import { type StartOptions, type SynapseServer, startMasSynapse } from "./synapse.ts";

/** The server name of every MAS-mode test server. */
export const MAS_SERVER_NAME = "mas.test";

export interface MasMode {
  readonly standIn: MasStandIn;
  /** The Synapse in MAS mode (once the file's tests run). */
  readonly server: SynapseServer;
  /** Where the stand-in serves. */
  readonly masUrl: string;
  /** A home whose synadm configuration reaches the server with the admin's token and the stand-in's MAS token. */
  readonly home: string;
  /** That configuration, with another MAS token if given. */
  config(masToken?: string): string;
  /** The built CLI in {@link home}. */
  synadm(...args: string[]): Promise<CliResult>;
  /** As {@link synadm}, which must exit 0; its stdout's JSON document, if any. */
  // biome-ignore lint/suspicious/noExplicitAny: the JSON documents of many commands, checked by the assertions.
  ok(...args: string[]): Promise<any>;
  /** Synapse's own view of a user, asked with the admin's token; undefined if it has none. */
  // biome-ignore lint/suspicious/noExplicitAny: Synapse's user document, checked by the assertions.
  synapseUser(localpart: string): Promise<any>;
}

/** How {@link useMasMode} sets up: Synapse's application services, the CLI's timeout, the file's own seeding. */
export interface MasModeOptions extends Pick<StartOptions, "appservices"> {
  readonly cliTimeoutMs?: number;
  /** Run once both are up, before the first test (in the same hook, so nothing runs before it). */
  readonly ready?: (mas: MasMode) => void | Promise<void>;
}

/** Starts the server and the stand-in before the calling file's tests (call at its top level). */
export function useMasMode(options: MasModeOptions = {}): MasMode {
  const standIn = new MasStandIn({ token: "mas_admin_secret_token", serverName: MAS_SERVER_NAME });
  let server: SynapseServer | undefined;
  let masUrl = "";
  let home = "";
  const started = (): SynapseServer => {
    if (!server) throw new Error("the MAS-mode server runs only while the file's tests run");
    return server;
  };
  const config = (masToken: string = standIn.token): string =>
    [
      `base_url: ${started().baseUrl}`,
      `token: ${started().adminToken}`,
      "admin_path: /_synapse/admin",
      "matrix_path: /_matrix",
      "format: json",
      `mas_url: ${masUrl}`,
      `mas_token: ${masToken}`,
      "",
    ].join("\n");
  before(async () => {
    masUrl = await standIn.listen();
    server = await startMasSynapse(standIn, masUrl, {
      serverName: MAS_SERVER_NAME,
      database: "sqlite",
      ...(options.appservices ? { appservices: options.appservices } : {}),
    });
    home = homeWithConfig(config());
    await options.ready?.(mas);
  });
  after(async () => {
    await server?.stop();
    await standIn.close();
  });
  afterEach(() => {
    assert.deepEqual(standIn.violations.splice(0), [], "requests or answers outside MAS's description");
  });
  const synadm = (...args: string[]): Promise<CliResult> =>
    runCli(args, { home, ...(options.cliTimeoutMs ? { timeoutMs: options.cliTimeoutMs } : {}) });
  const mas: MasMode = {
    standIn,
    get server() {
      return started();
    },
    get masUrl() {
      return masUrl;
    },
    get home() {
      return home;
    },
    config,
    synadm,
    async ok(...args) {
      const result = await synadm(...args);
      assert.equal(result.code, 0, `synadm ${args.join(" ")}: ${result.stderr}`);
      return result.stdout.trim() === "" ? undefined : JSON.parse(result.stdout);
    },
    async synapseUser(localpart) {
      const { baseUrl, adminToken } = started();
      const response = await fetch(
        `${baseUrl}/_synapse/admin/v2/users/${encodeURIComponent(`@${localpart}:${MAS_SERVER_NAME}`)}`,
        { headers: { authorization: `Bearer ${adminToken}` } },
      );
      return response.status === 404 ? undefined : response.json();
    },
  };
  return mas;
}
