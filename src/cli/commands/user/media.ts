// User media (User Admin API): list and delete the media a user uploaded.
import { MEDIA_ORDERS } from "../../../api/orders.ts";
import { defineParameters } from "../../framework/spec.ts";
import { defineCommand } from "../../runtime/command.ts";
import { datetimeOption } from "../../runtime/options/datetime.ts";
import { dryRun } from "../../runtime/options/dry-run.ts";
import { orderByOption } from "../../runtime/options/order-by.ts";
import { pagingOptions, reverseOption } from "../../runtime/options/paging.ts";
import { userIdArgument as userId } from "../../runtime/options/user-id.ts";

export const mediaParameters = defineParameters({
  options: {
    ...pagingOptions("Media"),
    orderBy: orderByOption(MEDIA_ORDERS, "Sort by this field (only media_id and created_ts are indexed)."),
    reverse: reverseOption(),
    datetime: datetimeOption("creation and last access"),
  },
  args: { userId },
});

export const deleteMediaParameters = defineParameters({ options: { dryRun }, args: { userId } });

const run = () => import("./media.run.ts");

export const mediaCommand = defineCommand({
  name: "media",
  summary: "List the media a user uploaded.",
  ...mediaParameters,
  examples: [["synadm user media alice -s media_length -r", "Alice's uploads, largest first"]],
  load: () => run().then((m) => m.userMedia),
});

export const deleteMediaCommand = defineCommand({
  name: "delete-media",
  summary: "Delete every media file a user uploaded.",
  ...deleteMediaParameters,
  examples: [["synadm user delete-media @spammer:example.org", "Delete everything a spammer uploaded"]],
  load: () => run().then((m) => m.deleteUserMedia),
});
