// The Admin API client a command works with, made from the settings: TLS and
// its certificates, the Unix socket, the audit log, limits and the token.
import type { AuthDelegation } from "../../../api/auth-delegation.ts";
import type { ChangeRecord, HttpClientOptions } from "../../../api/http-client.ts";
import type { Logger } from "../../../api/logger.ts";
import type { SynapseAdmin } from "../../../api/synapse-admin.ts";
import type { Transport } from "../../../api/transport.ts";
import { CliError, ExitCode } from "../errors.ts";
import type { CliIo } from "../io.ts";
import type { GlobalOptions } from "../options/global.ts";
import type { Settings } from "./settings.ts";

/** What the client is made for: the command's streams, options and log, and whether to send the token. */
export interface ClientHost {
  readonly withToken: boolean;
  /** Gives the token per request instead of `settings.token`: one that expires and is renewed (OAuth 2.0). */
  readonly accessTokenProvider?: () => Promise<string>;
  readonly globals: GlobalOptions;
  readonly io: CliIo;
  readonly log: Logger;
  /** The command being run, for the audit log. */
  readonly commandPath: string;
  /** Whether the server delegates auth (found once, cached): user lists then send guests=false. */
  readonly authDelegation?: () => Promise<AuthDelegation>;
}

/** A client for the configured server. */
export async function createClient(settings: Settings, host: ClientHost): Promise<SynapseAdmin> {
  // As synadm: with `protocol: unix`, base_url is the path of Synapse's Unix socket.
  const socketPath = settings.protocol === "unix" ? await unixSocketPath(settings.base_url) : undefined;
  const { SynapseAdmin } = await import("../../../api/synapse-admin.ts");
  const shared = await sharedClientOptions(settings, host);
  return new SynapseAdmin({
    ...shared,
    baseUrl: socketPath === undefined ? settings.base_url : "http://localhost",
    ...(host.withToken ? { accessToken: settings.token } : {}),
    ...(host.withToken && host.accessTokenProvider ? { accessTokenProvider: host.accessTokenProvider } : {}),
    adminPath: settings.admin_path,
    matrixPath: settings.matrix_path,
    discovery: { mode: settings.server_discovery },
    ...(host.authDelegation ? { authDelegation: host.authDelegation } : {}),
    ...(settings.homeserver && settings.homeserver !== "auto-retrieval"
      ? { serverName: settings.homeserver }
      : {}),
    ...(shared.transport || socketPath === undefined
      ? {}
      : { transport: await unixSocketTransport(socketPath) }),
  });
}

/**
 * What the Synapse client and the MAS client are both made with from the
 * settings: limits, TLS and its certificates, the audit log, the log, and
 * the transport a test gives.
 */
export async function sharedClientOptions(
  settings: Settings,
  host: Pick<ClientHost, "globals" | "io" | "log" | "commandPath">,
): Promise<
  Pick<
    HttpClientOptions,
    | "ca"
    | "onChange"
    | "timeoutMs"
    | "retry"
    | "maxResponseBytes"
    | "verifyTls"
    | "logger"
    | "extraCaFile"
    | "transport"
  >
> {
  if (!settings.ssl_verify) host.log.warn("TLS certificate verification is off (ssl_verify: false)");
  const ca = settings.ca_file ? await readCaFile(settings.ca_file) : undefined;
  const onChange = settings.audit_log
    ? await auditLogWriter(settings.audit_log, host.commandPath, host.log)
    : undefined;
  return {
    ...(ca === undefined ? {} : { ca }),
    ...(onChange === undefined ? {} : { onChange }),
    timeoutMs: (host.globals.timeout ?? settings.timeout) * 1000,
    retry: { maxRetryAfterMs: (host.globals.maxWait ?? settings.max_wait) * 1000 },
    maxResponseBytes: (host.globals.maxResponseMib ?? settings.max_response_mib) * 2 ** 20,
    verifyTls: settings.ssl_verify,
    logger: host.log,
    // The certificates NODE_EXTRA_CA_CERTS named, handed over by the launcher (see launcher.sh).
    ...(host.io.extraCaCertsFile ? { extraCaFile: host.io.extraCaCertsFile } : {}),
    ...(host.io.transport ? { transport: host.io.transport } : {}),
  };
}

/** The token `token_command` prints: its first line (pass(1) keeps notes below it). */
export async function tokenFromCommand(command: string, key = "token_command"): Promise<string> {
  const { execFile } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    execFile("/bin/sh", ["-c", command], { timeout: 30_000 }, (error, stdout) => {
      // The command's own output is not repeated: it may hold the secret.
      if (error)
        reject(new CliError(`${key} failed (exit ${error.code ?? "?"}): ${command}`, ExitCode.usage));
      else {
        // The first line, as pass(1) keeps the secret there and notes below it.
        const token = stdout.split("\n", 1)[0]!.trim();
        if (token) resolve(token);
        else reject(new CliError(`${key} printed no token on its first line: ${command}`, ExitCode.usage));
      }
    });
  });
}

async function unixSocketPath(baseUrl: string): Promise<string> {
  // synadm's own configurator once proposed "http+unix://" URLs; the socket path is what counts.
  const prefixed = /^(?:http\+)?unix:\/\//.exec(baseUrl);
  const path = prefixed ? decodeURIComponent(baseUrl.slice(prefixed[0].length)) : baseUrl;
  if (!path.startsWith("/"))
    throw new CliError(
      `protocol is unix, so base_url must be the absolute path of Synapse's socket, not "${baseUrl}"`,
      ExitCode.usage,
    );
  const { statSync } = await import("node:fs");
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isSocket())
    throw new CliError(
      `protocol is unix, but ${path} is ${stat ? "not a socket" : "missing"}`,
      ExitCode.usage,
    );
  return path;
}

async function unixSocketTransport(socketPath: string): Promise<Transport> {
  const { NodeHttpTransport } = await import("../../../api/node-transport.ts");
  return new NodeHttpTransport({ socketPath });
}

export async function readCaFile(path: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ca_file ${path}: ${(error as Error).message}`, ExitCode.usage);
  }
}

/**
 * Appends one JSON line per changing request: time, command, method, path,
 * outcome; never bodies or tokens. It is told after the request ended, so it
 * never throws: a change that was made must not be reported as failed because
 * its line could not be written (that is said once on stderr instead).
 */
export async function auditLogWriter(
  path: string,
  command: string,
  log: Logger,
): Promise<(record: ChangeRecord) => void> {
  const { appendFileSync } = await import("node:fs");
  let warned = false;
  return (record) => {
    const line = JSON.stringify({ time: new Date().toISOString(), command, ...record });
    try {
      appendFileSync(path, `${line}\n`, { mode: 0o600 });
    } catch (error) {
      if (warned) return;
      warned = true;
      log.warn(
        `audit_log ${path} could not be written (${(error as Error).message}): ` +
          `${record.method} ${record.path} (${record.outcome}) and later changes are missing from it`,
      );
    }
  };
}
