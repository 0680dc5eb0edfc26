import { failedPostText, postFromCommand } from "../posting";
import { type Block, paragraph, type Reply, text } from "../reply";
import { Matcher } from "../search/matcher";
import type { Trip } from "../trip/model";
import type { FaqEntry } from "../trip/schema";
import { plural } from "../trip/time";
import type { CommandContext, Suggestion, TripCommand } from "./context";
import { answer, notice, Sources } from "./format";
import { isOrganiser, organisersOnly } from "./organisers";
import { answerQuestion } from "./question";

const matchers = new WeakMap<Trip, Matcher>();

export function faqMatcher(trip: Trip): Matcher {
  let m = matchers.get(trip);
  if (!m) {
    m = new Matcher(
      trip.faq.map((f) => ({
        id: f.id,
        fields: [
          { text: `${f.id} ${f.keywords.join(" ")}`, weight: 3 },
          { text: f.question, weight: 2 },
          { text: f.answer, weight: 1 },
        ],
      })),
    );
    matchers.set(trip, m);
  }
  return m;
}

/** FAQ questions for autocomplete, ranked by the FAQ matcher. */
export function suggestQuestions(trip: Trip, partial: string): Suggestion[] {
  const toSuggestion = (f: FaqEntry) => ({ label: f.question, value: f.id });
  if (partial.trim() === "") return trip.faq.map(toSuggestion);
  return faqMatcher(trip)
    .search(partial, 25)
    .map((m) => toSuggestion(trip.faq.find((f) => f.id === m.id) as FaqEntry));
}

/** The whole FAQ as one public post, a heading per question so platforms split between them. */
export function faqPostReply(trip: Trip): Reply {
  const sources = new Sources();
  const blocks: Block[] = trip.faq.flatMap((f): Block[] => [
    { type: "heading", text: f.question },
    paragraph(f.answer, sources.cite(f.source)),
  ]);
  return {
    title: `${trip.name}: questions and answers`,
    blocks: [...blocks, ...sources.block()],
    buttons: [],
    visibility: "public",
  };
}

async function postFaq({ trip, request, services }: CommandContext): Promise<Reply> {
  if (!isOrganiser(trip, request)) return organisersOnly("post the FAQ in the channel", request);
  const post = faqPostReply(trip);
  // Without a way to post (the terminal), the post itself is the answer.
  if (!services.poster) return post;
  const outcome = await postFromCommand(services.poster, request.channel.id, post);
  if (!outcome.ok) {
    return notice("The FAQ could not be posted", [
      paragraph(
        outcome.parts > 0 ? `Only ${outcome.parts} of its messages were posted. ` : "",
        failedPostText(outcome, "its next message"),
      ),
    ]);
  }
  return notice("FAQ posted", [
    paragraph(
      `Posted all ${trip.faq.length} questions in this channel (${plural(outcome.parts, "message")}).`,
    ),
  ]);
}

export const faq: TripCommand = {
  name: "faq",
  aliases: ["question", "q"],
  summary: "Answers to travellers' questions (visa, money, phones…); organisers: faq post",
  usage: "[question]",
  examples: ["faq", "faq visa", "faq Will my phone work?", "faq post"],
  examplesFor: (trip) => ["faq", ...trip.faq.slice(0, 1).map((f) => `faq ${f.id}`)],
  takesLong: (input) => input.trim().toLowerCase() === "post",
  option: {
    name: "question",
    description: "Your question, or a word like visa",
    suggest: suggestQuestions,
  },
  run(ctx) {
    const { trip, request } = ctx;
    const cmd = `/${trip.command} faq`;
    const q = request.input.trim();
    if (q.toLowerCase() === "post") return postFaq(ctx);
    const questionList = (entries: FaqEntry[]): Block => ({
      type: "list",
      items: entries.map((f) => [text(f.question)]),
    });
    if (q === "" && trip.faq.length === 0) {
      return notice("FAQ", [paragraph("The organiser has not published any questions yet.")]);
    }
    if (q === "") {
      return answer("Frequently asked questions", [
        paragraph(`Ask any of these, or in your own words, with ${cmd} <question>:`),
        questionList(trip.faq),
      ]);
    }
    return answerQuestion(ctx, q);
  },
};
