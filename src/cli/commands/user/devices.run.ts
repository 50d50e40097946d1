import type { Device } from "../../../api/resources/users.ts";
import { daysAgo } from "../../../api/time.ts";
import type { RunFor } from "../../runtime/command.ts";
import { changeAfterConfirmation } from "../../runtime/confirm.ts";
import type { CommandContext } from "../../runtime/context.ts";
import { lazyUnderMas, underMas } from "../../runtime/mas-routing.ts";
import { document, listIn } from "../../runtime/output/result.ts";
import type {
  deleteDevicesParameters,
  deviceParameters,
  listDevicesParameters,
  pruneDevicesParameters,
  renameDeviceParameters,
} from "./devices.ts";

export const listDevices: RunFor<typeof listDevicesParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return listIn(await (await context.admin()).users.devices(userId), "devices");
};

export const showDevice: RunFor<typeof deviceParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.device(userId, args.deviceId));
};

export const createDevice: RunFor<typeof deviceParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(await (await context.admin()).users.createDevice(userId, args.deviceId));
};

export const renameDevice: RunFor<typeof renameDeviceParameters> = async (context, { args }) => {
  const userId = await context.userId(args.userId);
  return document(
    await (await context.admin()).users.renameDevice(userId, args.deviceId, { displayName: args.name }),
  );
};

export const deleteDevices: RunFor<typeof deleteDevicesParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const { users } = await context.admin();
  const ids = args.deviceIds;
  // Refused before anything is asked, MAS included: such an ID would name another endpoint.
  const { checkPathSegments, path } = await import("../../../api/path.ts");
  for (const id of ids) checkPathSegments(path`/v2/users/${userId}/devices/${id}`);
  const action = `Delete ${ids.length} device(s) of ${userId} (${ids.join(", ")}) and their access tokens`;
  const result = await changeAfterConfirmation(context, options.dryRun, action, async () => {
    if (await underMas(context)) {
      const { endDeviceSessions } = await import("../../runtime/mas-accounts.ts");
      noteEndedInMas(context, await endDeviceSessions(context, userId, ids));
    }
    return ids.length === 1 ? users.deleteDevice(userId, ids[0]!) : users.deleteDevices(userId, ids);
  });
  return result ? document(result) : undefined;
};

/**
 * Under MAS a device is one of MAS's sessions: deleted in Synapse alone, its
 * token would stay valid at MAS and MAS would sync the device back. So its
 * sessions are ended in MAS first; this says how many.
 */
function noteEndedInMas(context: CommandContext, ended: number): void {
  context.note(`Ended ${ended} MAS session(s) of the deleted device(s) (the server delegates auth to MAS).`);
}

/** Which devices to delete: oldest first, never leaving fewer than `minSurviving`. */
export function selectDevices(
  devices: readonly Device[],
  options: { minDays: number; minSurviving: number; deviceId: string | undefined },
  now: number = Date.now(),
): Device[] {
  const oldestFirst = [...devices].sort((a, b) => (a.last_seen_ts ?? 0) - (b.last_seen_ts ?? 0));
  const seenSince = daysAgo(options.minDays, now);
  const selected: Device[] = [];
  for (const device of oldestFirst) {
    if (devices.length - selected.length <= options.minSurviving) break;
    if (options.deviceId !== undefined) {
      if (device.device_id === options.deviceId) selected.push(device);
      continue;
    }
    // synadm selected nothing with --min-days 0; here 0 means "regardless of age".
    if ((device.last_seen_ts ?? 0) <= seenSince || options.minDays === 0) selected.push(device);
  }
  return selected;
}

/**
 * Why a device selected for deletion is no longer to be deleted (gone, used
 * since, or the last ones the user must keep), or `undefined` while it still is.
 */
export function noLongerToDelete(
  current: readonly Device[],
  deviceId: string,
  options: { minDays: number; minSurviving: number; deviceId: string | undefined },
  now: number = Date.now(),
): string | undefined {
  const device = current.find((d) => d.device_id === deviceId);
  if (!device) return "no longer exists";
  if (current.length <= options.minSurviving)
    return `the user has ${current.length} device(s) left, --min-surviving is ${options.minSurviving}`;
  const chosenByAge = options.deviceId === undefined && options.minDays !== 0;
  if (chosenByAge && (device.last_seen_ts ?? 0) > daysAgo(options.minDays, now))
    return `used within the last ${options.minDays} day(s), since it was chosen`;
  return undefined;
}

/** Runs the actions given to it one after the other, in order. */
function serially(): <T>(action: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (action) => {
    const next = last.then(action);
    last = next.catch(() => undefined);
    return next;
  };
}

// synadm's choice of the fields its --datetime shows as local times.
const TIME_FIELDS = ["last_seen_ts"];

export const pruneDevices: RunFor<typeof pruneDevicesParameters> = async (context, { options, args }) => {
  const userId = await context.userId(args.userId);
  const admin = await context.admin();
  const { devices } = await admin.users.devices(userId);
  const selected = selectDevices(devices, options);
  context.note(`${userId}: ${selected.length} of ${devices.length} device(s) selected for deletion.`);
  if (selected.length === 0 || options.listOnly) return document(selected, { timeFields: TIME_FIELDS });
  const oneAtATime = serially();
  // Asked only when a device is deleted; under MAS, each device's MAS sessions end before it is.
  const masUsed = lazyUnderMas(context);
  let endInMas: ((deviceIds: readonly string[], signal?: AbortSignal) => Promise<number>) | undefined;
  let endedInMas: number | undefined;
  // Loaded only here: the device commands that list or show do without the bulk engine.
  const { runBulkCommand } = await import("../../runtime/bulk/run-bulk-command.ts");
  try {
    return await runBulkCommand(context, {
      command: "user prune-devices",
      identity: {
        userId,
        minDays: options.minDays,
        minSurviving: options.minSurviving,
        deviceId: options.deviceId,
      },
      itemField: "device_id",
      noun: "device(s)",
      question: (count) => `Delete ${count} device(s) of ${userId} and their access tokens?`,
      askPolicy: "when-configured",
      selectItems: async () => selected.map((device) => device.device_id),
      // One request per device (not one for all) so that progress, failures and --resume are per device;
      // one device at a time, each checked again first, so that no run leaves fewer than --min-surviving.
      perform: (deviceId, signal, run) =>
        oneAtATime(async () => {
          const { devices: current } = await admin.users.devices(userId, { signal });
          const why = noLongerToDelete(current, deviceId, options);
          if (why) return run.skip(why);
          if (await masUsed) {
            endInMas ??= (await import("../../runtime/mas-accounts.ts")).deviceSessionEnder(context, userId);
            endedInMas = (endedInMas ?? 0) + (await endInMas([deviceId], signal));
          }
          await admin.users.deleteDevice(userId, deviceId, { signal });
          return undefined;
        }),
      options: { ...options, dryRun: false },
      // As synadm: the devices deleted; a device that could not be deleted says why.
      synadmDocument: (summary) => {
        const errors = new Map<unknown, Record<string, unknown>>(
          summary.failed.map((f) => [f["device_id"], { error: f["error"] }]),
        );
        for (const s of summary.skipped) errors.set(s["device_id"], { skipped: s["reason"] });
        return selected.map((device) => ({ ...device, ...errors.get(device.device_id) }));
      },
      timeFields: TIME_FIELDS,
    });
  } finally {
    if (endedInMas !== undefined) noteEndedInMas(context, endedInMas);
  }
};
