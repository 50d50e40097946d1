// The one place that decides whether synadm's own commands go to the Matrix
// Authentication Service's admin API instead of Synapse's: when the server
// delegates auth to MAS, Synapse no longer serves its account endpoints
// (passwords, the admin flag, login-as, registration, registration tokens,
// account validity), and a deactivation made in Synapse alone leaves the
// account usable in MAS.
import { MasApiError } from "../../api/errors.ts";
import type { CommandContext } from "./context.ts";
import { CliError, ExitCode } from "./errors.ts";

/**
 * Whether the configured server delegates auth to MAS, from the cached answer
 * (a week per base URL), else asked once and cached: on a server without MAS
 * this costs no request once the answer is known. When the question itself
 * fails, the command goes to Synapse as before; if Synapse then does not
 * serve the endpoint, that error is explained (see unserved-under-mas.ts).
 */
export async function underMas(context: CommandContext): Promise<boolean> {
  try {
    return (await context.authDelegation()).delegated;
  } catch (error) {
    context.log.debug(
      `could not tell whether the server delegates auth to MAS (${(error as Error).message}); using Synapse`,
    );
    return false;
  }
}

/**
 * {@link underMas} asked on first `await` only, then the same answer: for
 * runs that route per item and should ask nothing when no item is done.
 */
export function lazyUnderMas(context: CommandContext): PromiseLike<boolean> {
  let answer: Promise<boolean> | undefined;
  return {
    // biome-ignore lint/suspicious/noThenProperty: a lazy promise-like, awaited by its users.
    then: (onFulfilled, onRejected) => {
      answer ??= underMas(context);
      return answer.then(onFulfilled, onRejected);
    },
  };
}

/**
 * MAS refusing synadm's MAS token becomes one line naming the setting and the
 * scope: the token is `mas_token` / `mas_token_command`, not Synapse's `token`.
 */
export function explainMasRefusal(error: unknown): unknown {
  if (!(error instanceof MasApiError) || (error.status !== 401 && error.status !== 403)) return error;
  const refused = error.status === 401 ? "did not accept" : "refused";
  return new CliError(
    `${error.message}; MAS ${refused} the MAS admin token: mas_token or mas_token_command ` +
      "(SYNADM_MAS_TOKEN), or the token of mas_client_id's client credentials or of `synadm mas login`, " +
      "must be a valid MAS access token with the scope urn:mas:admin",
    ExitCode.failed,
  );
}
