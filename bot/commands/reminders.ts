import type { Mention } from "../delivery";
import { describeLead, remindersOf } from "../reminders/schedule";
import { type Block, paragraph, type Reply, text } from "../reply";
import type { ChannelDeliveryState, ChannelStore } from "../store/channel-store";
import type { Trip } from "../trip/model";
import type { CommandContext, TripCommand } from "./context";
import { echoed, moment, notice } from "./format";
import { isOrganiser, maySwitchOff, organisersOnly, unavailable } from "./organisers";

const UPCOMING_SHOWN = 3;

/** A role (Discord) or user group (Slack) id: letters and digits only, so it renders inert. */
const GROUP_ID = /^[A-Za-z0-9]{1,32}$/;

/** "on", "on mention=here", "on mention=123456789012345678", "on mention=off". */
function parseAction(
  input: string,
): { action: string; mention?: Mention | null } | { error: string } {
  const [action = "status", ...rest] = input.trim().split(/\s+/).filter(Boolean);
  const options = rest.map((r) => /^mention=(.*)$/i.exec(r));
  if (options.some((o) => !o) || options.length > 1) {
    return { error: `Only "mention=…" may follow "${echoed(action.toLowerCase())}".` };
  }
  const value = options[0]?.[1]?.replace(/^[<@&!]+|>$/g, "");
  if (value === undefined) return { action: action.toLowerCase() };
  if (action.toLowerCase() !== "on") return { error: `"mention=…" goes with "on".` };
  if (/^(off|none)$/i.test(value)) return { action: "on", mention: null };
  if (/^here$/i.test(value)) return { action: "on", mention: { kind: "here" } };
  if (GROUP_ID.test(value)) return { action: "on", mention: { kind: "role", id: value } };
  return { error: `"${value}" is not "here", "off" or a role id.` };
}

const mentionText = (m: Mention | undefined) =>
  !m ? "nobody" : m.kind === "here" ? "@here" : `the role or group ${m.id}`;

function lastRunBlocks(trip: Trip, state: ChannelDeliveryState, now: Date): Block[] {
  const run = state.lastRun;
  const blocks: Block[] = [];
  if (run) {
    blocks.push(
      paragraph(
        "Last run here (",
        moment(trip, run.at, "datetime"),
        `): ${run.sent} sent, ${run.missed} missed${run.deferred ? `, ${run.deferred} left for the next run` : ""}.`,
      ),
    );
    if (run.reasons.length) {
      blocks.push({ type: "list", items: run.reasons.map((r) => [text(r)]) });
    }
  }
  if (state.notBefore && state.notBefore.getTime() > now.getTime()) {
    blocks.push(
      paragraph(
        "The platform asked to wait before posting here until ",
        moment(trip, state.notBefore, "time"),
        ".",
      ),
    );
  }
  return blocks;
}

/** Why no reminder is left to send, as the itinerary stands. */
function noRemindersLeft(trip: Trip, now: Date): string {
  if (trip.itinerary.length === 0) {
    return "No reminders to send yet: the itinerary has no items. They follow once it does.";
  }
  if (trip.itinerary.every((i) => i.startAt.getTime() <= now.getTime())) {
    return "No reminders are left to send: every itinerary item has started.";
  }
  return "No reminders are left to send: every reminder time of the items still to come has passed.";
}

/** The next few reminders of the trip still to come, or a line saying none are left. */
function nextReminderBlocks(trip: Trip, now: Date): Block[] {
  const upcoming = remindersOf(trip)
    .filter((r) => r.dueAt.getTime() > now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .slice(0, UPCOMING_SHOWN);
  if (!upcoming.length) return [paragraph(noRemindersLeft(trip, now))];
  return [
    paragraph("Next reminders:"),
    {
      type: "list",
      items: upcoming.map((r) => [
        moment(trip, r.dueAt, "datetime", true),
        text(
          `: ${trip.itinerary.find((i) => i.id === r.itemId)?.title ?? r.itemId}, ${describeLead(r.leadMinutes)} before`,
        ),
      ]),
    },
  ];
}

/** "reminders status": on or off here, who they ping, what's next and how the last run went. */
async function statusReply(
  { trip, now, request }: CommandContext,
  channels: ChannelStore,
): Promise<Reply> {
  const channel = request.channel.id;
  const on = await channels.isSubscribed(trip.id, request.platform, channel);
  const [subscription, state] = await Promise.all([
    on
      ? channels
          .subscriptions(trip.id)
          .then((all) =>
            all.find((s) => s.platform === request.platform && s.channelId === channel),
          )
      : undefined,
    channels.deliveryState(request.platform, channel),
  ]);
  return notice(`Reminders are ${on ? "on" : "off"} here`, [
    ...(on
      ? [
          ...nextReminderBlocks(trip, now),
          paragraph(`Reminders and change alerts ping ${mentionText(subscription?.mention)}.`),
        ]
      : [
          paragraph(
            `An organiser turns them on with `,
            text(`/${trip.command} reminders on`, true),
            ".",
          ),
        ]),
    ...lastRunBlocks(trip, state, now),
  ]);
}

/** "reminders on|off [mention=…]", by an organiser. */
async function turnReminders(
  { trip, now, request }: CommandContext,
  channels: ChannelStore,
  action: "on" | "off",
  mention: Mention | null | undefined,
): Promise<Reply> {
  const allowed = action === "on" ? isOrganiser(trip, request) : maySwitchOff(trip, request);
  if (!allowed) return organisersOnly(`turn reminders ${action}`, request);
  const channel = request.channel.id;
  // A channel that answered from the only trip by default is linked to it for good, so its
  // reminders keep coming when a second trip is loaded.
  if (action === "on" && (await channels.linkedTrip(request.platform, channel)) !== trip.id) {
    await channels.link(request.platform, channel, trip.id, request.user.id, request.workspace?.id);
  }
  await channels.setSubscribed(
    trip.id,
    request.platform,
    channel,
    action === "on",
    request.user.id,
    mention !== undefined ? { mention } : {},
  );
  if (action === "off") {
    return notice("Reminders are off", [
      paragraph("No more itinerary reminders will be posted in this channel."),
    ]);
  }
  const pinging =
    mention === undefined
      ? []
      : [paragraph(`Reminders and change alerts here ping ${mentionText(mention ?? undefined)}.`)];
  return notice("Reminders are on", [...pinging, ...nextReminderBlocks(trip, now)]);
}

export const reminders: TripCommand = {
  name: "reminders",
  aliases: ["reminder"],
  summary: "Organisers: turn itinerary reminders in this channel on or off, or see their status",
  usage: "on [mention=here | mention=<role id> | mention=off] | off | status",
  examples: ["reminders on", "reminders on mention=here", "reminders status"],
  organisers: true,
  option: {
    name: "action",
    description: "on, off or status; on mention=here pings the channel",
    suggest: () =>
      ["on", "on mention=here", "on mention=off", "off", "status"].map((v) => ({
        label: v,
        value: v,
      })),
  },
  async run(ctx) {
    const { trip, request, services } = ctx;
    const parsed = parseAction(request.input);
    const { channels } = services;
    if (!channels) return unavailable("Reminders");
    if ("error" in parsed) {
      return notice("That reminders setting is not one I know", [
        paragraph(parsed.error),
        paragraph(
          `Use /${trip.command} reminders on, on mention=here, on mention=<role id>, on mention=off, off or status.`,
        ),
      ]);
    }
    const { action } = parsed;
    if (action === "status") return statusReply(ctx, channels);
    if (action !== "on" && action !== "off") {
      return notice(`Unknown reminders action "${echoed(action)}"`, [
        paragraph(`Use /${trip.command} reminders on, off or status.`),
      ]);
    }
    return turnReminders(ctx, channels, action, parsed.mention);
  },
};
