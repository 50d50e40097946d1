// The read-only probe of each admin API area, and what its answer says about the route to it.
import { ApiError, ConnectionError, InvalidResponseError, TimeoutError } from "../../../api/errors.ts";
import type { Severity } from "./findings.ts";

/** One admin API area and the request that shows which process answers for it. */
export interface RouteProbe {
  readonly area: string;
  /** Under the admin prefix, with its query. */
  readonly path: string;
  /** The route (a proxy location regex, as Synapse's worker docs write them) that must reach the serving process. */
  readonly route: string;
  /** The process that serves the area in a worker deployment. */
  readonly servedBy: string;
}

const MAIN = "the main process";
const MEDIA = "your media worker (the media repository process; main if you run none)";

/**
 * The probes: one cheap GET per area. `me` is the token's user and `server`
 * its server name (for the media probe, which asks for media that does not exist).
 */
export function routeProbes(me: string, server: string): RouteProbe[] {
  const user = encodeURIComponent(me);
  return [
    { area: "users", path: "/v2/users?limit=1", route: "^/_synapse/admin/v2/users", servedBy: MAIN },
    { area: "rooms", path: "/v1/rooms?limit=1", route: "^/_synapse/admin/v1/rooms", servedBy: MAIN },
    {
      area: "media",
      path: `/v1/media/${encodeURIComponent(server)}/synadm-doctor-probe`,
      route: "^/_synapse/admin/v1/media/",
      servedBy: MEDIA,
    },
    {
      area: "user media",
      path: `/v1/users/${user}/media?limit=1`,
      route: "^/_synapse/admin/v1/users/.*/media$",
      servedBy: MEDIA,
    },
    {
      area: "federation",
      path: "/v1/federation/destinations?limit=1",
      route: "^/_synapse/admin/v1/federation/",
      servedBy: MAIN,
    },
    {
      area: "event reports",
      path: "/v1/event_reports?limit=1",
      route: "^/_synapse/admin/v1/event_reports",
      servedBy: MAIN,
    },
    {
      area: "registration tokens",
      path: "/v1/registration_tokens",
      route: "^/_synapse/admin/v1/registration_tokens",
      servedBy: MAIN,
    },
    {
      area: "background updates",
      path: "/v1/background_updates/status",
      route: "^/_synapse/admin/v1/background_updates/",
      servedBy: MAIN,
    },
    {
      area: "scheduled tasks",
      path: "/v1/scheduled_tasks",
      route: "^/_synapse/admin/v1/scheduled_tasks",
      servedBy: MAIN,
    },
    {
      area: "statistics",
      path: "/v1/statistics/users/media?limit=1",
      route: "^/_synapse/admin/v1/statistics/",
      servedBy: MAIN,
    },
    {
      area: "experimental features",
      path: `/v1/experimental_features/${user}`,
      route: "^/_synapse/admin/v1/experimental_features/",
      servedBy: MAIN,
    },
  ];
}

/** What a probe's answer (or failure) says: severity, message and action. */
export function judgeRoute(
  probe: RouteProbe,
  outcome: { ok: true; status?: number } | { ok: false; error: unknown },
): { severity: Severity; message: string; action?: string } {
  const where = `${probe.area} admin requests`;
  if (outcome.ok) return { severity: "ok", message: `${where} reach a process that serves them` };
  const { error } = outcome;
  const fixRoute = `route ${probe.route} to ${probe.servedBy}`;
  if (error instanceof ApiError) {
    const matrix = typeof error.body === "object" && error.body !== null && error.errcode !== undefined;
    if (matrix && error.errcode === "M_UNRECOGNIZED") {
      // Synapse's answer for a path no servlet of this process registered: a worker (or main) that does not serve it.
      return {
        severity: "error",
        message: `${where} reach a process that does not serve them (HTTP ${error.status} M_UNRECOGNIZED: ${error.error ?? ""})`,
        action: `${fixRoute} (or the server is older than this endpoint)`,
      };
    }
    if (matrix && error.status < 500) {
      // Synapse's own refusal (not found, forbidden, bad request): the servlet exists, so the route is right.
      return {
        severity: "ok",
        message: `${where} reach a process that serves them (it answered ${error.status} ${error.errcode})`,
      };
    }
    if (matrix) {
      return {
        severity: "error",
        message: `${where} fail on the server: HTTP ${error.status} ${error.errcode}: ${error.error ?? ""}`,
        action: `read the log of the process behind ${probe.route}`,
      };
    }
    if (error.status === 502 || error.status === 503 || error.status === 504) {
      return {
        severity: "error",
        message: `${where} reach the proxy but not a running process behind it (HTTP ${error.status}: a stopped worker?)`,
        action: `start the process behind ${probe.route}, or ${fixRoute}`,
      };
    }
    return {
      severity: "error",
      message: `${where} are answered by something that is not Synapse (HTTP ${error.status}, not a Matrix error)`,
      action: fixRoute,
    };
  }
  if (error instanceof InvalidResponseError) {
    return {
      severity: "error",
      message: `${where} are answered by something that is not Synapse (HTTP ${error.status}, not JSON)`,
      action: fixRoute,
    };
  }
  if (error instanceof TimeoutError) {
    return {
      severity: "error",
      message: `${where} got no answer within ${error.timeoutMs / 1000} s`,
      action: `check the process behind ${probe.route} (is it overloaded or stopped?)`,
    };
  }
  if (error instanceof ConnectionError) {
    return {
      severity: "error",
      message: `${where} failed: ${error.message}`,
      action: `check the proxy's route ${probe.route}`,
    };
  }
  return { severity: "error", message: `${where} failed: ${(error as Error).message}` };
}
