import { OUTPUT_FORMATS, type OutputFormat } from "../output/format.ts";

/** The longest timeout or wait in seconds: Node's timers hold at most 2^31 - 1 ms (about 24.8 days). */
export const MAX_WAIT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
/** The largest answer limit in MiB: about the longest string Node can hold. */
export const MAX_RESPONSE_MIB = 512;

/** The keys of synadm's configuration file, with the same names and meanings. */
export interface Settings {
  user: string;
  token: string;
  base_url: string;
  admin_path: string;
  matrix_path: string;
  /** Seconds per request. */
  timeout: number;
  /** The longest wait in seconds for a server's rate limit (Retry-After); asked for more, synadm fails. */
  max_wait: number;
  /** The largest answer read, in MiB. */
  max_response_mib: number;
  format: OutputFormat;
  server_discovery: "well-known" | "dns";
  /** The homeserver's name, or `auto-retrieval` to discover it. */
  homeserver: string;
  ssl_verify: boolean;
  /** synadm 0.49 writes this key; only `http` is supported here. */
  protocol: "http" | "unix";
  /** A shell command printing the token (a password store), used when `token` is empty. */
  token_command: string;
  /** Extra CA certificates (PEM file) to trust, for a server signed by a private CA. */
  ca_file: string;
  /** Where to append one JSON line per changing request; off when empty. */
  audit_log: string;
  /**
   * `synadm` (the default): ask before a change exactly where synadm asks, so its
   * scripts keep working; `always`: every changing command asks (or needs `--batch`).
   */
  confirm: "synadm" | "always";
  /**
   * Where the Matrix Authentication Service serves its admin API (its public
   * base, e.g. `https://auth.example.org`); empty: the issuer the homeserver names.
   */
  mas_url: string;
  /** An access token for MAS's admin API (scope `urn:mas:admin`). */
  mas_token: string;
  /** A shell command printing the MAS token, used when `mas_token` is empty. */
  mas_token_command: string;
  /**
   * The OAuth 2.0 issuer synadm logs in at (MAS's public base); empty: the
   * issuer the homeserver's auth_metadata names, else `mas_url`.
   */
  mas_issuer: string;
  /** The ID of synadm's OAuth 2.0 client registered at MAS (device login, client credentials). */
  mas_client_id: string;
  /** That client's secret, for the client credentials grant; empty: a public client (device login only). */
  mas_client_secret: string;
  /** A shell command printing the client's secret, used when `mas_client_secret` is empty. */
  mas_client_secret_command: string;
  /** The scope asked for with the client credentials grant (space-separated). */
  mas_scopes: string;
}

export type SettingKey = keyof Settings;

/** What a fresh synadm install assumes. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  user: "",
  token: "",
  base_url: "http://localhost:8008",
  admin_path: "/_synapse/admin",
  matrix_path: "/_matrix",
  timeout: 30,
  max_wait: 300,
  max_response_mib: 64,
  format: "yaml",
  server_discovery: "well-known",
  homeserver: "auto-retrieval",
  ssl_verify: true,
  protocol: "http",
  token_command: "",
  ca_file: "",
  audit_log: "",
  confirm: "synadm",
  mas_url: "",
  mas_token: "",
  mas_token_command: "",
  mas_issuer: "",
  mas_client_id: "",
  mas_client_secret: "",
  mas_client_secret_command: "",
  mas_scopes: "urn:mas:admin",
};

/** Keys synadm itself does not know; written only when set, so the file stays synadm's. */
export const EXTENSION_KEYS: readonly SettingKey[] = [
  "protocol",
  "token_command",
  "ca_file",
  "audit_log",
  "confirm",
  "max_wait",
  "max_response_mib",
  "mas_url",
  "mas_token",
  "mas_token_command",
  "mas_issuer",
  "mas_client_id",
  "mas_client_secret",
  "mas_client_secret_command",
  "mas_scopes",
];

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** The environment variable overriding each key: `SYNADM_TOKEN`, `SYNADM_BASE_URL`... */
export function envNameOf(key: SettingKey): string {
  return `SYNADM_${key.toUpperCase()}`;
}

/**
 * Checks one value read from the file or the environment; returns the value in
 * its proper type, or a message saying what was expected.
 */
export function checkSetting(
  key: SettingKey,
  value: unknown,
): { value: Settings[SettingKey] } | { problem: string } {
  switch (key) {
    case "timeout":
      return numberUpTo(value, MAX_WAIT_SECONDS, "seconds", false);
    case "max_wait":
      return numberUpTo(value, MAX_WAIT_SECONDS, "seconds", true);
    case "max_response_mib":
      return numberUpTo(value, MAX_RESPONSE_MIB, "MiB", false);
    case "ssl_verify": {
      if (typeof value === "boolean") return { value };
      if (typeof value === "string" && /^(true|false|yes|no|1|0|on|off)$/i.test(value)) {
        return { value: /^(true|yes|1|on)$/i.test(value) };
      }
      return { problem: "expected true or false" };
    }
    case "format":
      return oneOf(value, OUTPUT_FORMATS);
    case "server_discovery":
      return oneOf(value, ["well-known", "dns"] as const);
    case "protocol":
      return oneOf(value, ["http", "unix"] as const);
    case "confirm":
      return oneOf(value, ["synadm", "always"] as const);
    default:
      if (value === null) return { value: "" };
      if (typeof value === "string") return { value };
      if (typeof value === "number") return { value: String(value) };
      return { problem: "expected text" };
  }
}

function numberUpTo(
  value: unknown,
  max: number,
  unit: string,
  zeroAllowed: boolean,
): { value: number } | { problem: string } {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number === "number" && Number.isFinite(number) && (zeroAllowed ? number >= 0 : number > 0)) {
    if (number <= max) return { value: number };
  }
  return { problem: `expected a number of ${unit} ${zeroAllowed ? "from 0" : "above 0"} up to ${max}` };
}

function oneOf<const T extends string>(
  value: unknown,
  allowed: readonly T[],
): { value: T } | { problem: string } {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return { value: value as T };
  return { problem: `expected one of ${allowed.join(", ")}` };
}
