import { describeLead, remindersOf } from "../reminders/schedule";
import { type Block, paragraph, text } from "../reply";
import type { TripCommand } from "./context";
import { moment, notice } from "./format";
import { isOrganiser, organisersOnly, unavailable } from "./organisers";

const UPCOMING_SHOWN = 3;

export const reminders: TripCommand = {
  name: "reminders",
  aliases: ["reminder"],
  summary: "Organisers: turn itinerary reminders in this channel on or off, or see their status",
  usage: "on | off | status",
  examples: ["reminders on", "reminders status"],
  organisers: true,
  option: {
    name: "action",
    description: "on, off or status",
    suggest: () => ["on", "off", "status"].map((v) => ({ label: v, value: v })),
  },
  async run({ trip, now, request, services }) {
    const action = request.input.trim().toLowerCase() || "status";
    const { channels } = services;
    if (!channels) return unavailable("Reminders");
    const channel = request.channel.id;
    const upcoming = remindersOf(trip)
      .filter((r) => r.dueAt.getTime() > now.getTime())
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .slice(0, UPCOMING_SHOWN);
    const next: Block[] = upcoming.length
      ? [
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
        ]
      : [paragraph("No reminders are left to send: every itinerary item has started.")];
    if (action === "status") {
      const on = await channels.isSubscribed(trip.id, request.platform, channel);
      return notice(
        `Reminders are ${on ? "on" : "off"} here`,
        on
          ? next
          : [
              paragraph(
                `An organiser turns them on with `,
                text(`/${trip.command} reminders on`, true),
                ".",
              ),
            ],
      );
    }
    if (action !== "on" && action !== "off") {
      return notice(`Unknown reminders action "${action}"`, [
        paragraph(`Use /${trip.command} reminders on, off or status.`),
      ]);
    }
    if (!isOrganiser(trip, request)) return organisersOnly(`turn reminders ${action}`);
    // A channel that answered from the only trip by default is linked to it for good, so its
    // reminders keep coming when a second trip is loaded.
    if (action === "on" && (await channels.linkedTrip(request.platform, channel)) !== trip.id) {
      await channels.link(
        request.platform,
        channel,
        trip.id,
        request.user.id,
        request.workspace?.id,
      );
    }
    await channels.setSubscribed(
      trip.id,
      request.platform,
      channel,
      action === "on",
      request.user.id,
    );
    return notice(
      action === "on" ? "Reminders are on" : "Reminders are off",
      action === "on"
        ? next
        : [paragraph("No more itinerary reminders will be posted in this channel.")],
    );
  },
};
