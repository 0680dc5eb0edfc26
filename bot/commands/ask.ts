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
  option: {
    name: "question",
    description: "Your question, in your own words",
    suggest: suggestQuestions,
  },
  run(ctx) {
    const q = ctx.request.input.trim();
    if (q === "") {
      const cmd = `/${ctx.trip.command}`;
      return notice("Ask about the trip", [
        paragraph(
          `Type your question after the command: ${cmd} ask what time is the bus, or simply ${cmd} what time is the bus.`,
        ),
      ]);
    }
    return answerQuestion(ctx, q);
  },
};
