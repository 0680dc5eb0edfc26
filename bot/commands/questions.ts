import { Vocabulary } from "../answer/text";
import { paragraph, text } from "../reply";
import { type AskedQuestion, QUESTION_RETENTION_DAYS } from "../store/question-store";
import { plural } from "../trip/time";
import type { TripCommand } from "./context";
import { answer, notice } from "./format";
import { isOrganiser, organisersOnly, unavailable } from "./organisers";

/** How many groups a listing shows: a list of this many short lines fits every platform. */
export const MAX_QUESTION_GROUPS = 20;
const MAX_QUESTION_LENGTH = 120;

/** Built on first use: reading the built-in phrases is time a cold `/marathon when` skips. */
let vocabulary: Vocabulary | undefined;
function questionVocabulary(): Vocabulary {
  vocabulary ??= new Vocabulary();
  return vocabulary;
}

/** One key for the ways a question is typed: "Can I bring a drone?" and "drones??" group. */
export function questionKey(question: string): string {
  const key = [
    ...new Set(
      questionVocabulary()
        .analyse(question, true)
        .map((t) => t.stem ?? t.groups[0] ?? t.word),
    ),
  ]
    .sort()
    .join(" ");
  return key === "" ? question.trim().toLowerCase() : key;
}

export interface QuestionGroup {
  /** The latest wording. */
  text: string;
  count: number;
  lastAskedAt: Date;
}

/** Questions grouped by what they ask, most asked first, then the most recent. */
export function groupQuestions(questions: readonly AskedQuestion[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const q of questions) {
    const key = questionKey(q.text);
    const group = groups.get(key);
    if (!group) groups.set(key, { text: q.text, count: 1, lastAskedAt: q.askedAt });
    else {
      group.count++;
      if (q.askedAt > group.lastAskedAt) {
        group.lastAskedAt = q.askedAt;
        group.text = q.text;
      }
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime(),
  );
}

const short = (s: string) =>
  s.length <= MAX_QUESTION_LENGTH ? s : `${s.slice(0, MAX_QUESTION_LENGTH - 1)}…`;

export const questions: TripCommand = {
  name: "questions",
  aliases: ["asked", "unanswered"],
  summary: "Organisers: what travellers asked that the bot could not answer, most asked first",
  usage: "",
  examples: ["questions"],
  organisers: true,
  async run({ trip, request, services, now }) {
    if (!isOrganiser(trip, request))
      return organisersOnly("see the questions travellers asked", request);
    if (!services.questions) return unavailable("The list of asked questions");
    const groups = groupQuestions(await services.questions.list(trip.id, now));
    if (groups.length === 0) {
      return notice("No unanswered questions", [
        paragraph(
          `Nobody asked anything the bot could not answer in the last ${QUESTION_RETENTION_DAYS} days.`,
        ),
      ]);
    }
    const shown = groups.slice(0, MAX_QUESTION_GROUPS);
    const total = groups.reduce((n, g) => n + g.count, 0);
    return {
      ...answer("Questions travellers asked", [
        paragraph(
          `${plural(total, "question")} the bot was not sure of in the last ${QUESTION_RETENTION_DAYS} days, most asked first.`,
          " Answer them in the trip file's faq (with also: for other wordings) and load it again.",
        ),
        {
          type: "list",
          items: shown.map((g) => [text(`${g.count}×`, true), text(` ${short(g.text)}`)]),
        },
        ...(groups.length > shown.length
          ? [paragraph(`…and ${plural(groups.length - shown.length, "other question")}.`)]
          : []),
      ]),
      buttons: [],
    };
  },
};
