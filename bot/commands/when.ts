import { DateTime } from "luxon";
import { paragraph, type Span, text } from "../reply";
import { calendarDaysBetween, humanDistance, plural } from "../trip/time";
import type { CommandContext, TripCommand } from "./context";
import { answer, moment } from "./format";

/**
 * "Race day is in 12 days", "Race day is Sunday 6 April in Pyongyang, tomorrow there", "The race
 * was 3 days ago". Days are counted by the destination's calendar, so "today" and "tomorrow"
 * name it: a reader whose own date differs still reads something true.
 */
export function countdown({ trip, now }: Pick<CommandContext, "trip" | "now">): string {
  const start = trip.event.startAt;
  const days = calendarDaysBetween(now, start, trip.zone);
  const started = now.getTime() >= start.getTime();
  if (days > 1) return `Race day is in ${plural(days, "day")}.`;
  if (days === 1) {
    const date = DateTime.fromJSDate(start, { zone: trip.zone }).setLocale("en-GB");
    return `Race day is ${date.toFormat("cccc d LLLL")} in ${trip.zoneLabel}, tomorrow there.`;
  }
  if (days === 0 && !started)
    return `Race day is today in ${trip.zoneLabel}: the start is ${humanDistance(now, start)}.`;
  if (days === 0) return `The race started ${humanDistance(now, start).replace(/ ago$/, "")} ago.`;
  return `The race was ${plural(-days, "day")} ago.`;
}

/** "<countdown> <event> starts <moment> at <place>.", in the past tense once it has started. */
export function startSentence(ctx: Pick<CommandContext, "trip" | "now">): Span[] {
  const { trip, now } = ctx;
  const verb = now.getTime() >= trip.event.startAt.getTime() ? "started" : "starts";
  return [
    text(countdown(ctx), true),
    text(` ${trip.event.name} ${verb} `),
    // The countdown above says how far off it is: the moment adds no second one.
    moment(trip, trip.event.startAt, "datetime"),
    text(` at ${trip.event.startPlace.name}.`),
  ];
}

export const when: TripCommand = {
  name: "when",
  aliases: ["date", "start"],
  // The start, the distances and where it starts and finishes.
  shows: (e) => e.kind === "fact" || (e.kind === "place" && e.role !== undefined),
  summary: "The race date and start time, in the destination's time and yours, with a countdown",
  usage: "",
  examples: ["when"],
  run(ctx) {
    const { trip } = ctx;
    const { event } = trip;
    return answer(`When: ${event.name}`, [
      paragraph(...startSentence(ctx)),
      {
        type: "fields",
        fields: [
          { label: "Start", value: [moment(trip, event.startAt, "datetime")] },
          { label: "Start place", value: [text(event.startPlace.name)] },
          ...(event.finishPlace
            ? [{ label: "Finish", value: [text(event.finishPlace.name)] }]
            : []),
          ...(event.distances.length > 0
            ? [{ label: "Distances", value: [text(event.distances.join(", "))] }]
            : []),
        ],
      },
    ]);
  },
};
