// A user's rooms (User Admin API): the rooms joined, every membership, and the
// counts of invites sent and rooms joined since a time.
import { defineParameters, optionWithDefault, toggleWithDefault } from "../../framework/spec.ts";
import { text } from "../../framework/values.ts";
import { defineCommand } from "../../runtime/command.ts";
import { userIdArgument as userId } from "../../runtime/options/user-id.ts";

export const membershipParameters = defineParameters({
  options: {
    aliases: toggleWithDefault(
      "--aliases",
      "--ids",
      "Show rooms by their aliases, or by room ID.  [default: aliases]",
      true,
    ),
  },
  args: { userId },
});

export const membershipsParameters = defineParameters({ options: {}, args: { userId } });

export const sinceParameters = defineParameters({
  options: {
    since: optionWithDefault(
      "--since",
      text,
      "Count from this time: a date, epoch ms or a duration ago (30d).",
      "0",
    ),
  },
  args: { userId },
});

const run = () => import("./memberships.run.ts");

export const membershipCommand = defineCommand({
  name: "membership",
  summary: "List the rooms a user has joined.",
  ...membershipParameters,
  examples: [["synadm user membership alice --ids", "The IDs of the rooms alice is in"]],
  load: () => run().then((m) => m.membership),
});

export const membershipsCommand = defineCommand({
  name: "memberships",
  summary: "List every room a user has a membership in, with its state (join, invite, leave, ban).",
  ...membershipsParameters,
  examples: [
    ["synadm user memberships alice", "Every room alice joined, left, was invited to or banned from"],
  ],
  load: () => run().then((m) => m.memberships),
});

export const sentInviteCountCommand = defineCommand({
  name: "sent-invite-count",
  summary: "Count the invites a user sent since a time.",
  ...sinceParameters,
  examples: [["synadm user sent-invite-count alice --since 1d", "Invites alice sent in the last day"]],
  load: () => run().then((m) => m.sentInviteCount),
});

export const joinedRoomCountCommand = defineCommand({
  name: "joined-room-count",
  summary: "Count the rooms a user joined since a time.",
  ...sinceParameters,
  examples: [["synadm user joined-room-count alice --since 7d", "Rooms alice joined this week"]],
  load: () => run().then((m) => m.joinedRoomCount),
});
