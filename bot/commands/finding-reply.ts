import type { Ranked } from "../answer/engine";
import type { EntryKind, TripEntry } from "../answer/entries";
import { type Finding, rank, tripIndex } from "../answer/find";
import { type Block, context, paragraph, type Reply, type Span, text } from "../reply";
import { shorten } from "../text/units";
import type { Trip } from "../trip/model";
import {
  answer,
  contactSpans,
  echoed,
  itemSpans,
  moment,
  notice,
  placeSpans,
  Sources,
} from "./format";

/** What a reader types to see an entry where it lives: "faq visa", "rules photos", "itinerary 3". */
export function commandFor(trip: Trip, entry: TripEntry): string {
  const cmd = `/${trip.command}`;
  switch (entry.kind) {
    case "faq":
      return `${cmd} faq ${entry.faq.id}`;
    case "rule":
      return `${cmd} rules ${entry.topic.topic}`;
    case "item":
      return `${cmd} itinerary ${entry.item.day}`;
    case "place":
      return `${cmd} where`;
    case "fact":
      return entry.at ? `${cmd} when` : `${cmd} facts`;
    case "contact":
      // No command lists contacts: asking for the person by name finds them.
      return `${cmd} ask who is ${entry.contact.name}`;
  }
}

/** Where in the trip an entry was found, in words. */
function foundIn(trip: Trip, entry: TripEntry): string {
  switch (entry.kind) {
    case "faq":
      return "From the FAQ";
    case "rule":
      return `From the rules: ${entry.topic.title}`;
    case "item":
      return `From the itinerary, day ${entry.item.day}`;
    case "place":
      return "From the trip's places";
    case "fact":
      return `From the facts about ${trip.event.name}`;
    case "contact":
      return "From the trip's contacts";
  }
}

function titleOf(entry: TripEntry): string {
  switch (entry.kind) {
    case "faq":
      return entry.faq.question;
    case "rule":
      return `Rules: ${entry.topic.title}`;
    case "item":
      return entry.item.title;
    case "place":
      return entry.place.name;
    case "fact":
      return entry.label;
    case "contact":
      return entry.contact.name;
  }
}

function entryBlocks(trip: Trip, entry: TripEntry, sources: Sources): Block[] {
  const cite = sources.cite(entry.source);
  let spans: Span[];
  switch (entry.kind) {
    case "faq":
      spans = [text(entry.faq.answer)];
      break;
    case "rule":
      spans = [text(entry.rule, true)];
      break;
    case "item":
      // The item's own time as a moment: every reader sees the destination's time and theirs.
      spans = itemSpans(entry.item, "datetime");
      break;
    case "place":
      spans = placeSpans(entry.place);
      break;
    case "fact":
      spans = entry.at
        ? [text(entry.text), text(" "), moment(trip, entry.at, "datetime", true)]
        : [text(entry.text)];
      break;
    case "contact":
      spans = contactSpans(entry.contact);
      break;
  }
  return [
    paragraph(...spans, cite),
    context(`${foundIn(trip, entry)} · ${commandFor(trip, entry)}`),
  ];
}

const short = (s: string, max = 120) => shorten(s, max);

/** The one line an unsure or unanswered reply ends with: who sees the question now. */
function organisersLine(recorded: boolean): Block {
  return paragraph(
    recorded
      ? "Not what you asked? Your question has been passed to the organisers."
      : "Not what you asked? Ask the organisers.",
  );
}

/**
 * The trip's first contact who can be reached, for a question the trip does not answer: "I don't
 * know, here is who to ask". Empty when the trip lists nobody with a phone or an email.
 */
function whoToAsk(trip: Trip): Block[] {
  const first = (trip.file.contacts ?? []).find((c) => c.phone || c.email);
  return first ? [paragraph(text("Who to ask: "), ...contactSpans(first))] : [];
}

/**
 * Entries of one kind that words name, best first, with the command that shows each: for a
 * command whose argument named none of its own ("itinerary dinner", "rules money").
 */
export function matchingEntries(trip: Trip, words: string, kind: EntryKind): Block[] {
  const matching = entriesNamed(trip, words, kind).slice(0, 3);
  return matching.length > 0 ? [paragraph("These match it:"), choicesList(trip, matching)] : [];
}

/** Entries of one kind that cover at least half of `words`, best first. */
export function entriesNamed(trip: Trip, words: string, kind: EntryKind): Ranked[] {
  // Ranked, not decided: a FAQ answer that surely answers "money" must not hide the rule on it.
  return rank(tripIndex(trip).search(words, 12), words).filter(
    (r) => r.entry.kind === kind && r.coverage >= 0.5,
  );
}

/** The closest entries, each with the exact command that shows it. */
export function choicesList(trip: Trip, choices: readonly Ranked[]): Block {
  return {
    type: "list",
    items: choices.map((c) => [
      text(short(c.entry.label), true),
      text(` — ${commandFor(trip, c.entry)}`),
    ]),
  };
}

/** The reply to a question: the entry found with its source, or an honest "not sure". */
export function findingReply(
  trip: Trip,
  question: string,
  finding: Finding,
  recorded: boolean,
): Reply {
  if (finding.sure) {
    const sources = new Sources();
    const { best } = finding;
    // A topic's rules answered together ("race rules") read as one list under its title.
    const sameTopic = (r: Ranked) =>
      best.entry.kind === "rule" && r.entry.kind === "rule" && r.entry.topic === best.entry.topic;
    if (finding.also.length > 0 && finding.also.every(sameTopic)) {
      const rules = [best, ...finding.also];
      return answer(titleOf(best.entry), [
        {
          type: "list",
          items: rules.map((r) => [
            text(r.entry.kind === "rule" ? r.entry.rule : r.entry.label),
            text(sources.cite(r.entry.source)),
          ]),
        },
        context(`${foundIn(trip, best.entry)} · ${commandFor(trip, best.entry)}`),
        ...sources.block(),
      ]);
    }
    const blocks = entryBlocks(trip, best.entry, sources);
    for (const also of finding.also) {
      blocks.push(
        { type: "heading", text: also.entry.kind === "rule" ? "Also in the rules" : "Also" },
        ...entryBlocks(trip, also.entry, sources),
      );
    }
    return answer(titleOf(best.entry), [...blocks, ...sources.block()]);
  }
  const asked = echoed(question);
  if (finding.choices.length === 0) {
    return notice(`No answer in the trip for "${asked}"`, [
      paragraph(`The trip's FAQ, rules, itinerary and places say nothing about this.`),
      paragraph(
        recorded ? "Your question has been passed to the organisers." : "Ask the organisers.",
      ),
      ...whoToAsk(trip),
    ]);
  }
  if (finding.likely) return guessReply(trip, asked, finding.likely, finding.choices, recorded);
  return notice(`Not sure: "${asked}"`, [
    paragraph("I am not sure which of these answers it:"),
    choicesList(trip, finding.choices),
    organisersLine(recorded),
  ]);
}

/**
 * Unsure, but one entry stands out: it is shown in full, so a right guess needs no second
 * command, and said plainly to be a guess, with the other choices below it.
 */
function guessReply(
  trip: Trip,
  asked: string,
  likely: Ranked,
  choices: readonly Ranked[],
  recorded: boolean,
): Reply {
  const sources = new Sources();
  const others = choices.filter((c) => c.entry.id !== likely.entry.id);
  return notice(`Not sure: "${asked}"`, [
    paragraph(text("Maybe this", true), " (I am not sure it is what you asked):"),
    { type: "heading", text: short(titleOf(likely.entry)) },
    ...entryBlocks(trip, likely.entry, sources),
    ...(others.length > 0 ? [paragraph("Or one of these:"), choicesList(trip, others)] : []),
    organisersLine(recorded),
    ...sources.block(),
  ]);
}
