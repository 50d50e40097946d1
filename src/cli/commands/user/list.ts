// List Accounts (v2 and v3) of the User Admin API, and synadm's search on top of it.
import { USER_ORDERS } from "../../../api/orders.ts";
import { argument, defineParameters, flag, option, repeatable, toggle } from "../../framework/spec.ts";
import { choice, text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { listTimes } from "../../runtime/options/datetime.ts";
import { allPagesOption, pagingOptions, reverseOption } from "../../runtime/options/paging.ts";

const name = option("-n, --name", text, "Only users whose localpart or display name contains this.");
const userId = option("-i, --user-id", text, "Only users whose ID contains this.");

export const listParameters = defineParameters({
  options: {
    ...pagingOptions("Users"),
    guests: toggle("-g, --guests", "-G, --no-guests", "Include, or leave out, guest users."),
    deactivated: flag("-d, --deactivated", "Include deactivated and erased users."),
    admins: toggle(
      "-a, --admins",
      "-A, --non-admins",
      "Only admins, or only non-admins; both when not given.",
    ),
    orderBy: option("--sort-by", choice(USER_ORDERS), "Sort by this field."),
    reverse: reverseOption("--reverse"),
    notUserType: repeatable(
      "--exclude-user-type",
      text,
      'Leave out users of this type: "bot", "support", or "" for users without a type.',
    ),
    locked: flag("-L, --locked", "Include locked users."),
    name,
    userId,
    all: allPagesOption("user"),
    datetime: listTimes,
  },
  args: {},
  rules: {
    exclusive: [["name", "userId"]],
    sections: [{ title: "Search options [mutually exclusive]", options: ["name", "userId"] }],
  },
});

export const listV3Parameters = defineParameters({
  options: {
    ...pagingOptions("Users"),
    deactivated: toggle(
      "--only-deactivated",
      "--no-deactivated",
      "Only deactivated users, or no deactivated users; all users when not given.",
    ),
    name,
    userId,
    datetime: listTimes,
  },
  args: {},
  rules: { exclusive: [["name", "userId"]] },
});

export const searchParameters = defineParameters({
  options: {
    ...pagingOptions("Users"),
    datetime: listTimes,
  },
  args: { searchTerm: argument("SEARCH_TERM", text) },
});

const run = () => import("./list.run.ts");

export const listCommand = defineCommand({
  name: "list",
  summary: "List users, or search them.",
  ...listParameters,
  examples: [
    ["synadm user list -d -n bob", "Users named like bob, deactivated ones included"],
    [
      "synadm -o json user list --all -n spam | jq -r '.users[].name'",
      "The IDs of every user named like spam",
    ],
  ],
  load: () => run().then((m) => m.listUsers),
});

export const listV3Command = defineCommand({
  name: "list-v3",
  summary: "List users with the v3 API, which can show only deactivated users.",
  ...listV3Parameters,
  examples: [["synadm user list-v3 --only-deactivated", "Deactivated accounts only"]],
  load: () => run().then((m) => m.listUsersV3),
});

export const searchCommand = defineCommand({
  name: "search",
  summary: "Search users by name, including deactivated and guest users, ignoring case.",
  ...searchParameters,
  examples: [["synadm user search smith", "Users with 'smith' in their ID or name, any case"]],
  load: () => run().then((m) => m.searchUsers),
});
