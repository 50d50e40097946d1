import { NotFoundError } from "../../api/errors.ts";
import { CliError, ExitCode } from "./errors.ts";

/**
 * The Admin API endpoints Synapse does not register when it delegates auth to
 * MAS (`matrix_authentication_service.enabled`), each with what to use instead.
 * Matched on the path after the admin prefix, which is configurable.
 */
const UNSERVED: readonly { readonly path: RegExp; readonly method?: string; readonly instead: string }[] = [
  {
    path: /\/v1\/users\/[^/]+\/admin$/,
    method: "GET",
    instead:
      "MAS decides who is an admin: `synadm user server-admin show` asks MAS (as does `synadm mas user show`)",
  },
  {
    path: /\/v1\/users\/[^/]+\/admin$/,
    instead:
      "make or unmake admins in MAS: `synadm user server-admin grant|revoke` do (as does `synadm mas user set-admin`)",
  },
  {
    path: /\/v1\/users\/[^/]+\/login$/,
    instead:
      "for a token acting as the user, `synadm user login` creates a personal session in MAS " +
      "(as does `synadm mas personal-session create`)",
  },
  {
    path: /\/v1\/registration_tokens(?:\/.*)?$/,
    instead: "registration tokens are MAS's: `synadm regtok` uses them (as does `synadm mas regtok`)",
  },
  {
    path: /\/v1\/reset_password\/[^/]+$/,
    instead:
      "passwords are MAS's: `synadm user password` sets them there (as does `synadm mas user set-password`)",
  },
  {
    path: /\/v1\/register$/,
    instead:
      "users are created in MAS: `synadm user register` and `synadm user modify` do (as does `synadm mas user create`)",
  },
  {
    path: /\/v1\/account_validity\/validity$/,
    instead:
      "MAS has no account validity; stop an account with `synadm mas user lock` or `synadm mas user deactivate`",
  },
];

/** What to use instead of an endpoint Synapse does not serve under MAS, if it is one. */
export function insteadUnderMas(method: string, pathAndQuery: string): string | undefined {
  const path = pathAndQuery.split("?")[0] ?? "";
  return UNSERVED.find((entry) => entry.path.test(path) && (!entry.method || entry.method === method))
    ?.instead;
}

/**
 * Turns Synapse's bare "Unrecognized request" for an endpoint it leaves out
 * under MAS into a message saying why and what to use, once the server is
 * known (from the cache, or asked) to delegate auth; otherwise answers the
 * error as it was. synadm's own commands go to MAS there (mas-routing.ts):
 * this explains what reaches Synapse anyway, `synadm raw` calls above all.
 */
export async function explainUnservedUnderMas(
  error: unknown,
  /** The server's base URL if it delegates auth, else undefined. */
  delegatingServer: () => Promise<string | undefined>,
): Promise<unknown> {
  if (!(error instanceof NotFoundError) || error.errcode !== "M_UNRECOGNIZED") return error;
  const instead = insteadUnderMas(error.request.method, error.request.path);
  if (!instead) return error;
  let baseUrl: string | undefined;
  try {
    baseUrl = await delegatingServer();
  } catch {
    return error;
  }
  if (!baseUrl) return error;
  return new CliError(
    `${baseUrl} delegates auth to the Matrix Authentication Service, so Synapse does not serve ` +
      `${error.request.method} ${error.request.path.split("?")[0]}; ${instead}`,
    ExitCode.failed,
  );
}
