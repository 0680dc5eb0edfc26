import { DateTime } from "luxon";
import { paragraph, type Span, text } from "../reply";
import { calendarDaysBetween, humanDistance, plural } from "../trip/time";
import type { CommandContext, TripCommand } from "./context";
import { answer, isRace, moment } from "./format";

/**
 * "Race day is in 12 days", "Race day is Sunday 6 April in Pyongyang, tomorrow there", "The race
 * was 3 days ago"; for an event that is no race (it has no distances: a dive week, a festival),
 * "12 days to go", "Tomorrow in Egypt: Saturday 10 October". Days are counted by the
 * destination's calendar, so "today" and "tomorrow" name it: a reader whose own date differs
 * still reads something true.
 */
export function countdown({ trip, now }: Pick<CommandContext, "trip" | "now">): string {
  const start = trip.event.startAt;
  const days = calendarDaysBetween(now, start, trip.zone);
  const started = now.getTime() >= start.getTime();
  const race = isRace(trip);
  if (days > 1)
    return race ? `Race day is in ${plural(days, "day")}.` : `${plural(days, "day")} to go.`;
  if (days === 1) {
    const date = DateTime.fromJSDate(start, { zone: trip.zone }).setLocale("en-GB");
    const day = date.toFormat("cccc d LLLL");
    return race
      ? `Race day is ${day} in ${trip.zoneLabel}, tomorrow there.`
      : `Tomorrow in ${trip.zoneLabel}: ${day}.`;
  }
  if (days === 0 && !started) {
    const when = `the start is ${humanDistance(now, start)}`;
    return race
      ? `Race day is today in ${trip.zoneLabel}: ${when}.`
      : `Today in ${trip.zoneLabel}: ${when}.`;
  }
  const it = race ? "The race" : "It";
  if (days === 0) return `${it} started ${humanDistance(now, start).replace(/ ago$/, "")} ago.`;
  return `${it} was ${plural(-days, "day")} ago.`;
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
  summary: "The event's date and start time, in the destination's time and yours, with a countdown",
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
