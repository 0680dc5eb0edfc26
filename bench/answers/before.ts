import { Matcher } from "../../bot/search/matcher";
import type { Trip } from "../../bot/trip/model";

/**
 * The baseline: how `faq <question>` answered before the whole-trip search (commit f772427),
 * kept here verbatim so the benchmark can compare on the same questions. It searched the FAQ
 * only and answered whenever the best entry held half of the question's words.
 */
export function faqBefore(trip: Trip, question: string): { answer?: string; nearest: string[] } {
  const matcher = new Matcher(
    trip.faq.map((f) => ({
      id: f.id,
      fields: [
        { text: `${f.id} ${f.keywords.join(" ")}`, weight: 3 },
        { text: f.question, weight: 2 },
        { text: f.answer, weight: 1 },
      ],
    })),
  );
  const byId = trip.faq.find((f) => f.id === question.trim().toLowerCase());
  if (byId) return { answer: `faq:${byId.id}`, nearest: [] };
  const matches = matcher.search(question, 5);
  const top = matches[0];
  if (!top || top.coverage < 0.5) {
    return { nearest: matches.slice(0, 3).map((m) => `faq:${m.id}`) };
  }
  return { answer: `faq:${top.id}`, nearest: [] };
}
