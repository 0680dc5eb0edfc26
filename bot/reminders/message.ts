import { context, type Moment, paragraph, type Reply, type Span, text } from "../reply";
import type { ItemSnapshot, ScheduledReminder } from "../store/reminder-schedule";
import { humanDistance } from "../trip/time";

type Posted = Omit<ScheduledReminder, "dueAt" | "tripId" | "itemId">;

const momentOf = (at: Date, c: Posted["content"], relative = false): Moment => ({
  type: "moment",
  at,
  style: "datetime",
  zone: c.zone,
  zoneLabel: c.zoneLabel,
  ...(relative ? { relative } : {}),
});

const dayLine = (c: Posted["content"]) =>
  context(`${c.tripName}. The whole day: /${c.command} itinerary ${c.day}`);

/**
 * A reminder as posted into a channel: what, when (both times), where, and the notes. It says
 * how far off the item really is when it is posted, so a reminder that goes out late never
 * repeats its lead time ("1 hour before") as if it were on time.
 */
export function reminderReply(reminder: Posted, now: Date): Reply {
  const { content: c, startAt } = reminder;
  return {
    title: `Reminder: ${c.title}`,
    blocks: [
      paragraph(
        text(c.title, true),
        // One countdown, from the run's "now": no live one beside it to disagree by a minute.
        ` starts ${humanDistance(now, startAt)}: `,
        momentOf(startAt, c),
        c.place ? ` — ${c.place}` : "",
      ),
      ...(c.notes ? [paragraph(c.notes)] : []),
      dayLine(c),
    ],
    buttons: [],
    visibility: "public",
  };
}

/**
 * A change alert: an item that is close or already reminded was moved, renamed, relocated or
 * removed. Each change reads old → new; times are moments, so every reader sees both zones.
 */
export function changeReply(alert: Posted, _now: Date): Reply {
  const { content: c } = alert;
  const was = alert.change?.was;
  const now = alert.change?.now;
  if (!was) return reminderReply(alert, _now);
  if (!now) {
    return {
      title: `Cancelled: ${was.title}`,
      blocks: [
        paragraph(
          text(was.title, true),
          ", planned for ",
          momentOf(new Date(was.startAt), c),
          was.place ? ` at ${was.place}` : "",
          ", is no longer on the itinerary.",
        ),
        context(`${c.tripName}. The current plan: /${c.command} itinerary`),
      ],
      buttons: [],
      visibility: "public",
    };
  }
  const lines = changeLines(was, now, c);
  return {
    title: `Changed: ${now.title}`,
    blocks: [
      paragraph(text(now.title, true), " has changed:"),
      { type: "list", items: lines },
      dayLine(c),
    ],
    buttons: [],
    visibility: "public",
  };
}

/** "Time: old → new", "Title: …", "Place: …": only what differs. */
export function changeLines(was: ItemSnapshot, now: ItemSnapshot, c: Posted["content"]): Span[][] {
  const lines: Span[][] = [];
  if (was.startAt !== now.startAt) {
    lines.push([
      text("Time: "),
      momentOf(new Date(was.startAt), c),
      text(" → "),
      momentOf(new Date(now.startAt), c, true),
    ]);
  }
  if (was.title !== now.title) lines.push([text(`Title: ${was.title} → ${now.title}`)]);
  if ((was.place ?? "") !== (now.place ?? "")) {
    lines.push([text(`Place: ${was.place ?? "(none)"} → ${now.place ?? "(none)"}`)]);
  }
  return lines;
}
