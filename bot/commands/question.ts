import { type Finding, findAnswer, hasContent } from "../answer/find";
import type { Reply } from "../reply";
import type { CommandContext } from "./context";
import { asksWhatIsOn, dayInQuestion } from "./day-in-question";
import { readDay } from "./day-query";
import { findingReply } from "./finding-reply";
import { itinerary } from "./itinerary";
import { next, upcomingNamed } from "./next";
import { clockIn, findingOf, itemsAt } from "./time-in-question";

/** A mention typed into a question (`<@123>`, `<@&9>`, `<#C1>`) carries someone's id. */
const MENTION = /<(@[!&]?|#)[^<>\s]*>/g;

/** The question as kept for the organisers: what was asked, not whose ids it named. */
const withoutMentions = (question: string): string =>
  question.replace(MENTION, (_, kind: string) => (kind === "#" ? "#channel" : "@someone"));

/**
 * What a question asks: a reply of its own (a day's itinerary for "whats on tomorrow", the next
 * bus for "when is the next bus"), or what the trip says about it.
 */
export type Reading = { reply: Reply } | { finding: Finding };

/** A weekday's short name, which is also a word: "sun", "sat", "wed", "mon". */
const SHORT_WEEKDAY = /^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\??$/i;

/** "the next bus", not "next to the hotel" nor "next year". */
const NEXT = /\b(?:the |our |my )?next\b(?! (?:to|door|year|week|month|time|trip)\b)/;

/**
 * Reads a question in the traveller's own words. A question that is all of it a day ("sat",
 * "3", "4/5", "the 6th", "wedding day") or of nothing but a day ("what are we doing on
 * saturday") is that day's itinerary; a day it names ("dinner on day 3", "what time do we
 * leave tomorrow") narrows the itinerary to that day.
 */
export async function readQuestion(ctx: CommandContext, question: string): Promise<Reading> {
  const { trip, request, now } = ctx;
  const whole = await readDay(trip, question, now, { whole: true });
  // "sun" or "wed" alone may be the sun or a wedding: the trip's own entry about it wins.
  const wordToo = SHORT_WEEKDAY.test(question.trim()) && findAnswer(trip, question).sure;
  if (!("unknown" in whole) && !wordToo) {
    return { reply: await itinerary.run({ ...ctx, request: { ...request, input: question } }) };
  }
  const day = await dayInQuestion(trip, question, now);
  if (day && asksWhatIsOn(day.rest)) {
    return { reply: await itinerary.run({ ...ctx, request: { ...request, input: day.asked } }) };
  }
  // "whats happening at 6pm (on saturday)": the item that starts then.
  const clock = clockIn(question);
  const on = day && "found" in day.read ? day.read.found.number : undefined;
  if (clock && asksWhatIsOn((day?.rest ?? question).replace(clock.words, " "))) {
    const items = itemsAt(trip, clock.at, on);
    if (items.length > 0) return { finding: findingOf(trip, items) };
  }
  // "when is the next bus": the first of the buses still to come, as `next bus` shows it.
  const what = day ? "" : question.replace(NEXT, " ");
  if (what !== question && upcomingNamed(trip, what, now).length > 0) {
    return { reply: await next.run({ ...ctx, request: { ...request, input: what } }) };
  }
  return {
    finding:
      day && "found" in day.read
        ? findAnswer(trip, day.search, day.read.found.number)
        : findAnswer(trip, question),
  };
}

/**
 * Answers a question in the traveller's own words from the whole trip. When the bot is not
 * sure, or the trip has no answer, the question is kept for the organisers (`questions`).
 * `reading`: the question already read, by a caller that looked before answering.
 */
export async function answerQuestion(
  ctx: CommandContext,
  question: string,
  reading?: Reading,
): Promise<Reply> {
  const { trip, request, services, now } = ctx;
  const read = reading ?? (await readQuestion(ctx, question));
  if ("reply" in read) return read.reply;
  const { finding } = read;
  let recorded = false;
  // Only what someone could answer is kept: "???" or "hi" is not a question for organisers.
  if (!finding.sure && services.questions && hasContent(trip, question)) {
    try {
      await services.questions.record({
        tripId: trip.id,
        text: withoutMentions(question).trim().slice(0, 500),
        platform: request.platform,
        channelId: request.channel.id,
        askedAt: now,
      });
      recorded = true;
    } catch (e) {
      // The traveller still gets the choices; only the organisers' list misses this one.
      console.warn("could not record an unanswered question", e);
    }
  }
  return findingReply(trip, question, finding, recorded);
}
