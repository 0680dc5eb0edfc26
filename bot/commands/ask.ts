import { paragraph } from "../reply";
import type { TripCommand } from "./context";
import { suggestQuestions } from "./faq";
import { notice } from "./format";
import { answerQuestion } from "./question";

export const ask: TripCommand = {
  name: "ask",
  aliases: [],
  summary: "Ask anything about the trip in your own words",
  usage: "<question>",
  examples: ["ask what time is the bus", "ask can I bring a drone"],
  examplesFor: (trip) => trip.faq.slice(0, 2).map((f) => `ask ${f.question}`),
  option: {
    name: "question",
    description: "Your question, in your own words",
    suggest: suggestQuestions,
  },
  run(ctx) {
    const q = ctx.request.input.trim();
    if (q === "") {
      // The trip's own first question makes the example: "the bus" means nothing at a wedding.
      // Only "ask <question>" works on every platform (Discord has no free text after /marathon).
      const example = ctx.trip.faq[0]?.question ?? "what time do we leave?";
      return notice("Ask about the trip", [
        paragraph(
          `Type your question after the command, in your own words: /${ctx.trip.command} ask ${example}`,
        ),
      ]);
    }
    return answerQuestion(ctx, q);
  },
};
