import { MasAdmin } from "../../src/api/mas-admin.ts";
import { MasStandIn } from "./mas-stand-in.ts";

/** A MAS client answered in process by a fresh stand-in (no retries: a test sees each answer). */
export function inProcessMas(): { mas: MasAdmin; standIn: MasStandIn } {
  const standIn = new MasStandIn();
  const mas = new MasAdmin({
    baseUrl: "https://auth.example.org",
    accessToken: standIn.token,
    transport: standIn.transport(),
    retry: { maxRetries: 0 },
  });
  return { mas, standIn };
}
