import { context, type Moment, paragraph, type Reply, text } from "../reply";
import type { ScheduledReminder } from "../store/reminder-schedule";
import { humanDistance } from "../trip/time";
import { describeLead } from "./schedule";

/** A reminder as posted into a channel: what, when (both times), where, and the notes. */
export function reminderReply(
  reminder: Omit<ScheduledReminder, "dueAt" | "tripId" | "itemId">,
  now: Date,
): Reply {
  const { content: c, startAt } = reminder;
  const when: Moment = {
    type: "moment",
    at: startAt,
    style: "datetime",
    zone: c.zone,
    zoneLabel: c.zoneLabel,
    relative: true,
  };
  return {
    title: `Reminder: ${c.title}`,
    blocks: [
      paragraph(
        text(c.title, true),
        ` starts ${humanDistance(now, startAt)}: `,
        when,
        c.place ? ` — ${c.place}` : "",
      ),
      ...(c.notes ? [paragraph(c.notes)] : []),
      context(
        `${c.tripName}. Reminder ${describeLead(reminder.leadMinutes)} before; the whole day: /${c.command} itinerary ${c.day}`,
      ),
    ],
    buttons: [],
    visibility: "public",
  };
}
