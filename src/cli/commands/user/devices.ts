// A user's devices (User Admin API: User devices), and pruning the old ones.
import {
  argument,
  defineGroup,
  defineParameters,
  flag,
  option,
  optionWithDefault,
  variadicArgument,
} from "../../framework/spec.ts";
import { integerAtLeast, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { bulkOptions } from "../../runtime/options/bulk.ts";
import { datetimeOption, listTimes } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { userIdArgument as userId } from "../../runtime/options/user-id.ts";

const deviceId = argument("DEVICE_ID", text);

export const listDevicesParameters = defineParameters({
  options: { datetime: listTimes },
  args: { userId },
});
export const deviceParameters = defineParameters({ options: {}, args: { userId, deviceId } });
export const renameDeviceParameters = defineParameters({
  options: {},
  args: { userId, deviceId, name: argument("NAME", text) },
});
export const deleteDevicesParameters = defineParameters({
  options: { dryRun },
  args: { userId, deviceIds: variadicArgument("DEVICE_ID", text) },
});

const pruneBulk = bulkOptions("Device deletes");
export const pruneDevicesParameters = defineParameters({
  options: {
    listOnly: flag("-l, --list-only, --dry-run", "Only list the devices that would be deleted."),
    minDays: optionWithDefault(
      "-d, --min-days",
      integerAtLeast(0),
      "Only devices not seen for this many days.",
      90,
    ),
    minSurviving: optionWithDefault(
      "-s, --min-surviving",
      integerAtLeast(0),
      "Always keep at least this many devices.",
      1,
    ),
    deviceId: option("-i, --device-id", text, "Only this device."),
    datetime: datetimeOption("'last seen'"),
    // Its own -l/--dry-run lists the devices, as synadm's did.
    concurrency: pruneBulk.concurrency,
    resume: pruneBulk.resume,
    restart: pruneBulk.restart,
    summary: pruneBulk.summary,
  },
  args: { userId },
});

const run = () => import("./devices.run.ts");

export const deviceGroup = defineGroup({
  name: "device",
  summary: "List, show, create, rename and delete a user's devices.",
  commands: [
    defineCommand({
      name: "list",
      summary: "List a user's devices.",
      ...listDevicesParameters,
      examples: [["synadm user device list alice", "Alice's devices and when each was last seen"]],
      load: () => run().then((m) => m.listDevices),
    }),
    defineCommand({
      name: "show",
      summary: "Show one device.",
      ...deviceParameters,
      examples: [["synadm user device show alice ABCDEFGHIJ", "One device of alice"]],
      load: () => run().then((m) => m.showDevice),
    }),
    defineCommand({
      name: "create",
      summary: "Create a device for a user.",
      ...deviceParameters,
      examples: [["synadm user device create alice BRIDGE01", "A device with the ID you choose"]],
      load: () => run().then((m) => m.createDevice),
    }),
    defineCommand({
      name: "rename",
      summary: "Change a device's display name.",
      ...renameDeviceParameters,
      examples: [["synadm user device rename alice ABCDEFGHIJ 'Old laptop'", "Change its display name"]],
      load: () => run().then((m) => m.renameDevice),
    }),
    defineCommand({
      name: "delete",
      summary: "Delete one or more devices and their access tokens.",
      ...deleteDevicesParameters,
      examples: [
        ["synadm user device delete alice ABCDEFGHIJ KLMNOPQRST", "Delete two devices and log them out"],
      ],
      load: () => run().then((m) => m.deleteDevices),
    }),
  ],
});

export const pruneDevicesCommand = defineCommand({
  name: "prune-devices",
  summary: "Delete a user's old devices (and their access tokens).",
  description:
    "Delete a user's devices not seen for --min-days days, oldest first, always keeping --min-surviving devices. " +
    "Deleting devices affects end-to-end encryption for the user.",
  ...pruneDevicesParameters,
  examples: [
    ["synadm user prune-devices alice -l", "The devices it would delete"],
    ["synadm --batch user prune-devices alice -d 30 -s 2", "Delete devices unused for 30 days, keep two"],
  ],
  load: () => run().then((m) => m.pruneDevices),
});
