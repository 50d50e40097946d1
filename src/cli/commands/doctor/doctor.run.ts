import { statSync } from "node:fs";
import {
  ApiError,
  ConnectionError,
  ForbiddenError,
  InvalidResponseError,
  TimeoutError,
  UnauthorizedError,
} from "../../../api/errors.ts";
import type { RequestOptions } from "../../../api/http-client.ts";
import { path } from "../../../api/path.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import type { RunFor } from "../../runtime/command.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { document, textOf } from "../../runtime/output/result.ts";
import { describeFailure } from "../../runtime/report-error.ts";
import type { LoadedSettings } from "../../runtime/settings/load.ts";
import type { doctorParameters } from "./doctor.ts";
import { Findings, humanReport, reportOf } from "./findings.ts";
import { judgeOAuthToken } from "./oauth-token.ts";
import { judgeRoute, routeProbes } from "./routes.ts";
import {
  checkBackgroundUpdates,
  checkEventReports,
  checkFederation,
  checkScheduledTasks,
} from "./server-state.ts";

/** The Synapse release this CLI's commands and types follow. */
const KNOWN_SYNAPSE = { major: 1, minor: 160 } as const;
/** How many probes are in flight at once: enough to be quick, few enough not to load a struggling server. */
const CONCURRENCY = 4;

export const doctor: RunFor<typeof doctorParameters> = async (context, { options }) => {
  const started = Date.now();
  const findings = new Findings();
  const request: RequestOptions = { timeoutMs: options.probeTimeout * 1000, maxRetries: 0 };
  const baseUrl = await checkEverything(context, findings, request, options.stuckAfter * 1000);
  const report = reportOf(findings, baseUrl, started);
  // The report is for reading unless a format is asked for: the configured format is for data commands.
  const format = context.globals.output;
  return format === undefined || format === "human"
    ? { ...textOf(humanReport(report)), exitCode: report.exit_code }
    : document(report, { exitCode: report.exit_code });
};

async function checkEverything(
  context: CommandContext,
  findings: Findings,
  request: RequestOptions,
  stuckAfterMs: number,
): Promise<string> {
  let loaded: LoadedSettings;
  try {
    loaded = await context.settings();
  } catch (error) {
    findings.add("config", "error", describeFailure(error).message, "fix the configuration: synadm config");
    return "";
  }
  const { settings } = loaded;
  const oauth = await context.oauth();
  const deviceLogin = await oauth.cache.hasAny("device_code");
  const hasToken = checkConfig(context, loaded, findings, deviceLogin);

  let anonymous: SynapseAdmin;
  try {
    anonymous = await context.adminWithoutToken();
  } catch (error) {
    findings.add("config", "error", describeFailure(error).message, "fix it: synadm config");
    return settings.base_url;
  }
  if (!(await checkReachable(anonymous, settings.base_url, findings, request))) return settings.base_url;
  if (settings.base_url.startsWith("https:") && settings.protocol !== "unix")
    await checkCertificate(context, settings, findings, request.timeoutMs!);
  await checkAuthDelegation(anonymous, findings, request);
  if (!hasToken) return settings.base_url;

  let admin: SynapseAdmin;
  try {
    admin = await context.admin();
  } catch (error) {
    findings.add("token", "error", describeFailure(error).message, "fix the token: synadm config");
    return settings.base_url;
  }
  if (oauth.origin) {
    const { severity, message, action } = judgeOAuthToken(oauth.origin);
    findings.add("token", severity, message, action);
  }
  const me = await checkToken(admin, findings, request);
  if (me === undefined) return settings.base_url;
  const isAdmin = await checkAdmin(admin, me, findings, request);
  const version = await checkVersion(admin, findings, request);
  const serverName = me.slice(me.indexOf(":") + 1);
  const probes = routeProbes(me, serverName);
  const judged = new Array<ReturnType<typeof judgeRoute>>(probes.length);
  await inParallel(
    probes.map((probe, index) => ({ probe, index })),
    async ({ probe, index }) => {
      const outcome = await admin.request({ ...request, method: "GET", path: probe.path }).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      judged[index] = judgeRoute(probe, outcome);
    },
  );
  // Added in the probes' order, whatever order they answered in.
  const misrouted = new Set<string>();
  judged.forEach(({ severity, message, action }, index) => {
    if (severity === "error") misrouted.add(probes[index]!.area);
    findings.add("routing", severity, message, olderHint(action, version));
  });
  if (!isAdmin) {
    findings.add(
      "state",
      "info",
      "background updates, federation, event reports and scheduled tasks were not checked: the token is not a server admin's",
    );
    return settings.base_url;
  }
  await inParallel(
    [
      () =>
        misrouted.has("background updates") || checkBackgroundUpdates(admin, findings, request, stuckAfterMs),
      () => misrouted.has("federation") || checkFederation(admin, findings, request),
      () => misrouted.has("event reports") || checkEventReports(admin, findings, request),
      () => misrouted.has("scheduled tasks") || checkScheduledTasks(admin, findings, request),
    ],
    async (check) => {
      await check();
    },
  );
  return settings.base_url;
}

/** The configuration file's mode, the profile, where the token comes from; whether there is a token. */
function checkConfig(
  context: CommandContext,
  loaded: LoadedSettings,
  findings: Findings,
  deviceLogin: boolean,
): boolean {
  const { settings, path: file, fromFile } = loaded;
  if (loaded.fileExists) {
    const mode = statSync(file).mode & 0o777;
    const shown = mode.toString(8).padStart(3, "0");
    if (fromFile.token && mode & 0o077)
      findings.add(
        "config",
        "error",
        `${file} holds the access token and others can read it (mode ${shown})`,
        `chmod 600 ${file}, then replace the token if others may have read it`,
      );
    else if (mode & 0o022)
      findings.add(
        "config",
        "warning",
        `others can change ${file} (mode ${shown}), and so where the token is sent`,
        `chmod 600 ${file}`,
      );
    else findings.add("config", "ok", `${file} (mode ${shown})`);
  } else {
    findings.add(
      "config",
      "info",
      `no configuration file at ${file}: the settings come from the environment`,
    );
  }
  // The mode is reported above; the other warnings of the file (unknown keys) are findings too.
  for (const warning of loaded.warnings)
    if (!warning.includes("others can read it")) findings.add("config", "warning", warning);
  findings.add(
    "config",
    "ok",
    loaded.profile === undefined
      ? `top-level settings${loaded.profileNames.length > 0 ? ` (profiles in the file: ${loaded.profileNames.join(", ")})` : ""}`
      : `profile ${loaded.profile}`,
  );
  const fromEnv = Boolean(context.io.env["SYNADM_TOKEN"]);
  if (fromEnv) findings.add("config", "ok", "the token comes from SYNADM_TOKEN");
  else if (fromFile.token)
    findings.add(
      "config",
      "ok",
      `the token comes from ${file}${loaded.profile === undefined ? "" : ` (profile ${loaded.profile})`}`,
    );
  else if (settings.token_command)
    findings.add("config", "ok", `the token comes from token_command: ${settings.token_command}`);
  else if (deviceLogin)
    findings.add("config", "ok", "no token is configured: a device login's (synadm mas login) is used");
  else {
    findings.add(
      "config",
      "error",
      "no access token is configured",
      "run: synadm config (or set SYNADM_TOKEN)",
    );
    return false;
  }
  if (!settings.ssl_verify)
    findings.add(
      "tls",
      "warning",
      "TLS certificate verification is off (ssl_verify: false): anyone in the path can read the token",
      "set ssl_verify: true, with ca_file naming your CA's certificate if it is a private one",
    );
  const url = settings.protocol === "unix" ? undefined : new URL(settings.base_url);
  if (url?.protocol === "http:" && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname))
    findings.add(
      "tls",
      "warning",
      `base_url ${settings.base_url} is plain HTTP to another machine: the token travels unencrypted`,
      "use the https:// address of the server",
    );
  return true;
}

async function checkReachable(
  anonymous: SynapseAdmin,
  baseUrl: string,
  findings: Findings,
  request: RequestOptions,
): Promise<boolean> {
  const started = Date.now();
  try {
    await anonymous.request({ ...request, method: "GET", prefix: "matrix", path: "/client/versions" });
    findings.add("server", "ok", `${baseUrl} answers (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    const { message, action } = unreachable(error, baseUrl);
    findings.add("server", "error", message, action);
    findings.add("server", "info", "the checks that need the server were not run");
    return false;
  }
}

const TLS_CODES =
  /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME)/;

function unreachable(error: unknown, baseUrl: string): { message: string; action?: string } {
  if (error instanceof ConnectionError && error.code !== undefined && TLS_CODES.test(error.code))
    return {
      message: `the TLS certificate of ${baseUrl} is not accepted (${error.code})`,
      action:
        "renew or fix the certificate; for a private CA set ca_file to its certificate (never ssl_verify: false)",
    };
  if (error instanceof ConnectionError)
    return {
      message: `${baseUrl} cannot be reached: ${error.code ?? error.message}`,
      action: "check base_url (synadm config), that Synapse or its proxy runs, and the firewall",
    };
  if (error instanceof TimeoutError)
    return {
      message: `${baseUrl} did not answer within ${error.timeoutMs / 1000} s`,
      action: "check that Synapse or its proxy runs and is not overloaded",
    };
  if (error instanceof InvalidResponseError)
    return {
      message: `${baseUrl} answers, but not as a Matrix server: ${error.message}`,
      action: "check base_url and matrix_path: they must reach Synapse's client API",
    };
  if (error instanceof ApiError)
    return {
      message: `${baseUrl} answers ${error.status} to ${error.request.path}: ${error.message}`,
      action: "check base_url and matrix_path: they must reach Synapse's client API",
    };
  return { message: describeFailure(error).message };
}

async function checkCertificate(
  context: CommandContext,
  settings: LoadedSettings["settings"],
  findings: Findings,
  timeoutMs: number,
): Promise<void> {
  const [{ connect, rootCertificates }, { readFileSync }] = await Promise.all([
    import("node:tls"),
    import("node:fs"),
  ]);
  const url = new URL(settings.base_url);
  const extra = [settings.ca_file, context.io.extraCaCertsFile].filter((file): file is string =>
    Boolean(file),
  );
  let ca: string[];
  try {
    ca = [...rootCertificates, ...extra.map((file) => readFileSync(file, "utf8"))];
  } catch (error) {
    findings.add(
      "tls",
      "error",
      `cannot read ca_file: ${(error as Error).message}`,
      "fix ca_file: synadm config",
    );
    return;
  }
  const validTo = await new Promise<string | Error>((resolve) => {
    const socket = connect({
      host: url.hostname,
      port: Number(url.port || 443),
      ...(/^[\d.]+$|:/.test(url.hostname) ? {} : { servername: url.hostname }),
      ca,
      rejectUnauthorized: settings.ssl_verify,
      timeout: timeoutMs,
    });
    socket.once("secureConnect", () => {
      resolve(socket.getPeerCertificate().valid_to);
      socket.destroy();
    });
    socket.once("timeout", () => {
      resolve(new Error(`no TLS handshake within ${timeoutMs / 1000} s`));
      socket.destroy();
    });
    socket.once("error", (error) => resolve(error));
  });
  if (validTo instanceof Error) {
    findings.add("tls", "warning", `the certificate could not be read: ${validTo.message}`);
    return;
  }
  const days = Math.floor((Date.parse(validTo) - Date.now()) / 86_400_000);
  if (days < 14)
    findings.add(
      "tls",
      days < 0 ? "error" : "warning",
      `the TLS certificate ${days < 0 ? "expired" : "expires"} ${validTo} (${days} days)`,
      "renew the certificate (is the renewal job running?)",
    );
  else
    findings.add(
      "tls",
      "ok",
      `the TLS certificate is ${settings.ssl_verify ? "trusted and " : ""}valid until ${validTo} (${days} days)`,
    );
}

async function checkAuthDelegation(
  anonymous: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
): Promise<void> {
  try {
    const metadata = (await anonymous.request({
      ...request,
      method: "GET",
      prefix: "matrix",
      path: "/client/v1/auth_metadata",
    })) as { issuer?: unknown };
    findings.add(
      "auth",
      "info",
      `authentication is delegated (MAS) to ${String(metadata.issuer ?? "an OAuth server")}: ` +
        "the token is that server's and expires as it says; admin requests need its urn:synapse:admin:* scope",
      "if admin requests answer 403, issue a token with the urn:synapse:admin:* scope (mas-cli manage issue-compatibility-token --yes-i-want-to-grant-synapse-admin-privileges)",
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      findings.add("auth", "ok", "Synapse handles logins itself (no delegated authentication)");
    else
      findings.add(
        "auth",
        "warning",
        `whether authentication is delegated is unknown: ${describeFailure(error).message}`,
      );
  }
}

async function checkToken(
  admin: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
): Promise<string | undefined> {
  try {
    const { user_id } = (await admin.request({
      ...request,
      method: "GET",
      prefix: "matrix",
      path: "/client/v3/account/whoami",
    })) as { user_id: string };
    findings.add("token", "ok", `the token is valid: it is ${user_id}'s`);
    return user_id;
  } catch (error) {
    if (error instanceof UnauthorizedError)
      findings.add(
        "token",
        "error",
        `the access token is not valid (${error.errcode ?? error.status}: ${error.error ?? ""}): expired, logged out or mistyped`,
        "log in again and store the new token: synadm config",
      );
    else findings.add("token", "error", `the token could not be checked: ${describeFailure(error).message}`);
    return undefined;
  }
}

async function checkAdmin(
  admin: SynapseAdmin,
  me: string,
  findings: Findings,
  request: RequestOptions,
): Promise<boolean> {
  try {
    const answer = (await admin.request({
      ...request,
      method: "GET",
      path: path`/v1/users/${me}/admin`,
    })) as {
      admin?: boolean;
    };
    if (answer.admin) {
      findings.add("token", "ok", `${me} is a server admin`);
      return true;
    }
  } catch (error) {
    if (!(error instanceof ForbiddenError)) {
      findings.add(
        "token",
        "error",
        `whether ${me} is a server admin is unknown: ${describeFailure(error).message}`,
      );
      return false;
    }
  }
  findings.add(
    "token",
    "error",
    `${me} is not a server admin: every admin command will answer 403`,
    "use an admin's token (make a user admin with: synadm user modify USER --admin, run as an admin)",
  );
  return false;
}

async function checkVersion(
  admin: SynapseAdmin,
  findings: Findings,
  request: RequestOptions,
): Promise<{ major: number; minor: number } | undefined> {
  try {
    const { server_version } = await admin.version.get(request);
    const match = /^(\d+)\.(\d+)/.exec(server_version);
    const known = `${KNOWN_SYNAPSE.major}.${KNOWN_SYNAPSE.minor}`;
    if (!match) {
      findings.add(
        "version",
        "info",
        `Synapse ${server_version}: not a release number this CLI can compare with ${known}`,
      );
      return undefined;
    }
    const version = { major: Number(match[1]), minor: Number(match[2]) };
    const order = version.major - KNOWN_SYNAPSE.major || version.minor - KNOWN_SYNAPSE.minor;
    if (order === 0) findings.add("version", "ok", `Synapse ${server_version}, the release this CLI follows`);
    else if (order > 0)
      findings.add(
        "version",
        "info",
        `Synapse ${server_version} is newer than ${known}, the release this CLI follows: new admin API fields pass through, new endpoints have no command yet (use synadm raw)`,
      );
    else
      findings.add(
        "version",
        "warning",
        `Synapse ${server_version} is older than ${known}, the release this CLI follows: commands for newer endpoints answer 404`,
        "upgrade Synapse",
      );
    return version;
  } catch (error) {
    findings.add("version", "warning", `the server's version is unknown: ${describeFailure(error).message}`);
    return undefined;
  }
}

function olderHint(
  action: string | undefined,
  version: { major: number; minor: number } | undefined,
): string | undefined {
  if (action === undefined || version === undefined) return action;
  const older = version.major < KNOWN_SYNAPSE.major || version.minor < KNOWN_SYNAPSE.minor;
  return older ? action : action.replace(" (or the server is older than this endpoint)", "");
}

/** Runs `work` over `items`, at most {@link CONCURRENCY} at a time. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
