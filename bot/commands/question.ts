import { findAnswer, hasContent } from "../answer/find";
import type { Reply } from "../reply";
import type { CommandContext } from "./context";
import { readDay } from "./day-query";
import { findingReply } from "./finding-reply";
import { itinerary } from "./itinerary";

/**
 * "tmrw", "what's on saturday", "5th april": a question that is all of it a day is answered as
 * `itinerary` answers it (the search would find one item of that day, or nothing).
 */
export async function dayAsked(ctx: CommandContext, question: string): Promise<Reply | undefined> {
  const day = await readDay(ctx.trip, question, ctx.now, { whole: true });
  if ("unknown" in day) return undefined;
  return itinerary.run({
    ...ctx,
    request: { ...ctx.request, command: "itinerary", input: question },
  });
}

/** A mention typed into a question (`<@123>`, `<@&9>`, `<#C1>`) carries someone's id. */
const MENTION = /<(@[!&]?|#)[^<>\s]*>/g;

/** The question as kept for the organisers: what was asked, not whose ids it named. */
const withoutMentions = (question: string): string =>
  question.replace(MENTION, (_, kind: string) => (kind === "#" ? "#channel" : "@someone"));

/**
 * Answers a question in the traveller's own words from the whole trip. When the bot is not
 * sure, or the trip has no answer, the question is kept for the organisers (`questions`).
 */
export async function answerQuestion(ctx: CommandContext, question: string): Promise<Reply> {
  const { trip, request, services, now } = ctx;
  const day = await dayAsked(ctx, question);
  if (day) return day;
  const finding = findAnswer(trip, question);
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
