import type { Trip } from "../trip/model";
import type { Ranked } from "./engine";
import { TripIndex } from "./engine";
import { type TripEntry, tripEntries } from "./entries";

/**
 * Deciding what a question's answer is, and whether the bot is sure of it. A confident wrong
 * answer is the worst outcome, so the bot answers only when the best entry covers most of the
 * question and stands clearly above the next, or is a prohibition well ahead that answers a
 * "can I…"; otherwise it offers the closest entries, the first in full when it stands out.
 */

/** Whether a question holds any word that could match: "???" does not. */
export function hasContent(trip: Trip, question: string): boolean {
  return tripIndex(trip).vocabulary.analyse(question, true).length > 0;
}

export type Finding =
  /** `also`: a prohibition that bears on the question, or an entry saying the same thing. */
  | { sure: true; best: Ranked; also: Ranked[] }
  /** `likely`: the first choice, when it stands out enough to be shown in full as a guess. */
  | { sure: false; choices: Ranked[]; likely?: Ranked };

/** How much of the question the best entry must cover to answer without asking back. */
export const MIN_COVERAGE = 0.6;
/** How far above the runner-up the best entry must score to be sure of it. */
export const MIN_LEAD = 1.2;
/**
 * An entry that covers the whole question needs a smaller lead: what is left between it and
 * the runner-up is how well each names it, not whether it answers what was asked.
 */
export const FULL_COVERAGE = 0.9;
export const FULL_LEAD = 1.1;
/**
 * An entry that covers only part of the question must lead the runner-up by this much, however
 * it stands out otherwise: the words it leaves out may be what was asked ("night skiing after
 * closing" is not answered by a rule on closed gates that ties with the one on closing time).
 * Chosen on the trade-off curve of bench/answers/margins.ts over all the tuning sets.
 */
export const PARTIAL_LEAD = 1.5;
/** How much more of the question the best entry must cover to be sure of it when close. */
export const COVERAGE_GAP = 0.3;
/** How much two entries' words must overlap to count as saying the same thing. */
export const SAME_CONTENT = 0.65;
/** How many closest entries an unsure answer offers. */
export const MAX_CHOICES = 3;
/** How many an unsure "can I…" offers when more rules of the same topics bear on it. */
export const MAX_PERMISSION_CHOICES = 6;
/**
 * A prohibition is the answer to a "can I…" it matches when it covers this much of the question
 * and scores this many times the runner-up: showing it is safe even when the traveller meant
 * something close, and hiding it among choices is what makes a traveller miss it.
 */
export const FORBID_COVERAGE = 0.3;
export const FORBID_LEAD = 2;
/** An unsure reply shows its first choice in full when it covers this much and leads at all. */
export const LIKELY_COVERAGE = 0.3;
export const LIKELY_LEAD = 1.1;

/** "can I…", "am I allowed…", "is it ok to…": a question a prohibition answers. */
const PERMISSION =
  /^(?:can|may|could|should|am i allowed|are we allowed|is it (?:ok|okay|allowed|possible|legal|fine))\b|\b(?:allowed|permitted|ok to|okay to|legal to)\b/i;

/** Whether a question asks if something is allowed, which a rule answers before the FAQ does. */
export function asksPermission(question: string): boolean {
  return PERMISSION.test(question.trim().toLowerCase());
}

/** Questions about a time, which the itinerary answers, and about a place. */
const WHEN = /\b(?:when|times?|what day|which day|what date|which date|how early|at what)\b/;
const WHERE = /\bwhere\b/;
/** Questions about a quantity, which an entry holding a number answers. */
const QUANTITY = /\bhow (?:many|much|long|far|high|big|steep|hot|cold|old|early|late)\b/;
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|dozen|dozens|million|half)\b/i;
/** A clock time ("08:30") is no quantity: "how many stages" is not answered by a concert at 20:00. */
const CLOCK = /\b\d{1,2}[:.]\d{2}\b/g;
const holdsNumber = (e: TripEntry) => NUMBER.test(answerText(e).replace(CLOCK, " "));
/** Questions for a person to reach, which a contact answers: "who do I call", "guide's number". */
const WHO =
  /^(?:who|whom)\b|\b(?:number|phone|mobile|cell|email|e-mail|contact|contacts|call|ring|text|reach|whatsapp)\b/;

const FAQ_LIFT = 1.15;
const QUANTITY_LIFT = 1.3;
/** Modest: a contact's reach words already match such a question; this only breaks near ties. */
const WHO_LIFT = 1.3;

/** What an entry tells the reader (its answer, not the words it is found by). */
function answerText(e: TripEntry): string {
  switch (e.kind) {
    case "faq":
      return e.faq.answer;
    case "rule":
      return e.rule;
    case "item":
      return `${e.item.title} ${e.item.notes ?? ""}`;
    case "place":
      return `${e.place.name} ${e.place.description ?? ""}`;
    case "fact":
      return e.text;
    case "contact":
      // Not the phone number: its digits answer no "how many".
      return `${e.contact.name} ${e.contact.role ?? ""}`;
  }
}

const indexes = new WeakMap<Trip, TripIndex>();

/** The trip's search index, built once per trip object so a warm container reuses it. */
export function tripIndex(trip: Trip): TripIndex {
  let index = indexes.get(trip);
  if (!index) {
    index = new TripIndex(tripEntries(trip));
    indexes.set(trip, index);
  }
  return index;
}

/** Ranks with prohibitions lifted: a rule that forbids outranks an answer that permits. */
export function rank(ranked: readonly Ranked[], question: string): Ranked[] {
  const q = question.trim().toLowerCase();
  const forbid = asksPermission(q) ? 1.6 : 1.05;
  const when = WHEN.test(q) ? 1.5 : 1;
  const where = WHERE.test(q) ? 1.3 : 1;
  const quantity = QUANTITY.test(q);
  const who = WHO.test(q) ? WHO_LIFT : 1;
  const lift = (r: Ranked): number =>
    (quantity && holdsNumber(r.entry) ? QUANTITY_LIFT : 1) * kindLift(r);
  const kindLift = (r: Ranked): number => {
    const e = r.entry;
    if (e.kind === "rule") return e.prohibition ? forbid : 1;
    if (e.kind === "item") return when;
    if (e.kind === "fact") return e.at ? when : 1;
    if (e.kind === "place") return where;
    if (e.kind === "contact") return who;
    // The FAQ is what organisers wrote to answer questions: it wins a near tie.
    return FAQ_LIFT;
  };
  return (
    ranked
      // An entry that answers all of the question beats one that matches a part of it strongly.
      .map((r) => ({ ...r, score: r.score * lift(r) * (0.4 + 0.6 * r.coverage) }))
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
  );
}

export function decide(
  ranked: readonly Ranked[],
  overlap: (a: TripEntry, b: TripEntry) => number = () => 0,
  question = "",
): Finding {
  const [best, second] = ranked;
  const choices = ranked.filter((r) => r.coverage > 0).slice(0, MAX_CHOICES);
  if (!best) return { sure: false, choices };
  // Two entries that say the same thing (a FAQ answer and the rule it restates) are no
  // dilemma: answer with both, however close they score.
  const same =
    second !== undefined &&
    second.coverage >= MIN_COVERAGE &&
    overlap(best.entry, second.entry) >= SAME_CONTENT;
  const sure = (also: Ranked[]): Finding => ({ sure: true, best, also: same ? [second] : also });
  if (forbidsWhatIsAsked(best, second, question)) return sure([]);
  const partialAndClose =
    best.coverage < FULL_COVERAGE &&
    second !== undefined &&
    best.score < second.score * PARTIAL_LEAD;
  if (
    best.coverage >= MIN_COVERAGE &&
    !partialAndClose &&
    !untimedForWhen(best, question) &&
    !innumerateForQuantity(best, question) &&
    !unaskedForPerson(best, question) &&
    !silentOnPermission(best, question)
  ) {
    if (standsClear(best, second)) return sure(prohibitionBeside(ranked, question));
    if (same) return sure([]);
    const topic = wholeTopic(ranked);
    if (topic.length > 1) return { sure: true, best, also: topic.slice(1) };
    const held =
      second && WHERE.test(question.toLowerCase()) ? placeAndItemThere(best, second) : [];
    if (held.length === 2)
      return { sure: true, best: held[0] as Ranked, also: [held[1] as Ranked] };
  }
  const likely =
    best.coverage >= LIKELY_COVERAGE && (!second || best.score >= second.score * LIKELY_LEAD);
  const offered = asksPermission(question)
    ? withTheirTopics(withBearingRule(choices, ranked), ranked)
    : choices;
  return likely
    ? { sure: false, choices: offered, likely: best }
    : { sure: false, choices: offered };
}

/**
 * An unsure "can I…" whose closest entries hold no rule also offers the first rule that forbids
 * or requires something about what it names, however weakly it matches: "can I cut the
 * wristband off" must show "wear your wristband until…", even behind the check-in item.
 */
function withBearingRule(choices: readonly Ranked[], ranked: readonly Ranked[]): Ranked[] {
  const binding = (r: Ranked) =>
    r.entry.kind === "rule" && (r.entry.prohibition || r.entry.restriction);
  if (choices.some(binding)) return [...choices];
  const rule = ranked.find((r) => binding(r) && r.matched.slice(1).some(Boolean));
  return rule ? [...choices, rule] : [...choices];
}

/**
 * An unsure "can I…" offered rules also lists the other rules of their topics that the question
 * touches: a traveller asking whether something is allowed sees every rule it might break, not
 * the three that happened to rank first.
 */
function withTheirTopics(choices: readonly Ranked[], ranked: readonly Ranked[]): Ranked[] {
  const topics = new Set(choices.flatMap((c) => (c.entry.kind === "rule" ? [c.entry.topic] : [])));
  const more = ranked.filter(
    (r) =>
      r.entry.kind === "rule" &&
      topics.has(r.entry.topic) &&
      r.coverage > 0 &&
      !choices.some((c) => c.entry === r.entry),
  );
  return [...choices, ...more].slice(0, MAX_PERMISSION_CHOICES);
}

/**
 * A fact or a place does not say whether something is allowed: "can I climb Kilimanjaro" is not
 * answered by how many reach its summit. It may still be offered, first, as a guess.
 */
function silentOnPermission(best: Ranked, question: string): boolean {
  return (best.entry.kind === "fact" || best.entry.kind === "place") && asksPermission(question);
}

/**
 * A place does not say when: "when do we go to the airport" is not answered by the airport. Nor
 * is a rule or FAQ answer that names no time of any kind ("declare cameras on arrival" does not
 * say when we arrive), though it may still be offered, first, as a guess.
 */
function untimedForWhen(best: Ranked, question: string): boolean {
  if (!WHEN.test(question.toLowerCase())) return false;
  const e = best.entry;
  if (e.kind === "place") return true;
  return (e.kind === "rule" || e.kind === "faq") && !TIMELY.test(answerText(e));
}

/** Questions for an amount, which only an entry holding a number answers. */
const AMOUNT = /\bhow (?:many|much|long|far|high|big|steep|old)\b/;

/**
 * "How much does the trip cost" is not answered by a FAQ on money that names no sum, nor "how
 * big is the Masai Mara" by one on the big five. An item answers "how long" with its times (not
 * "how much"); an entry without a number may still be offered, first, as a guess.
 */
function innumerateForQuantity(best: Ranked, question: string): boolean {
  const q = question.toLowerCase();
  if (!AMOUNT.test(q) || holdsNumber(best.entry)) return false;
  return !(best.entry.kind === "item" && /\bhow long\b/.test(q));
}

/**
 * A contact answers who to ask or how to reach someone ("who do I call", "guide's number"), not
 * whatever its role's words touch ("call him if you get lost" is no answer to "what if I get
 * lost"); it may still be offered, first, as a guess.
 */
function unaskedForPerson(best: Ranked, question: string): boolean {
  return best.entry.kind === "contact" && !WHO.test(question.trim().toLowerCase());
}

/** Words that say when, in a rule or a FAQ answer: a clock time, a day, a part of the day. */
const TIMELY =
  /\d|\b(?:morning|afternoon|evening|night|noon|midnight|dawn|dusk|sunrise|sunset|day|days|daily|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|before|after|until|when|first|last)\b/i;

/**
 * The rules of one topic, when the question names the topic rather than any one rule ("race
 * rules"): they lead the ranking together, each covering the question, none clearly first.
 * Empty otherwise.
 */
function wholeTopic(ranked: readonly Ranked[]): Ranked[] {
  const [best] = ranked;
  if (best?.entry.kind !== "rule") return [];
  const { topic } = best.entry;
  const lead = ranked.slice(0, topic.rules.length);
  const all = lead.every(
    (r) => r.entry.kind === "rule" && r.entry.topic === topic && r.coverage >= FULL_COVERAGE,
  );
  return all && lead.length === topic.rules.length ? lead : [];
}

/** Clearly above the runner-up, or close behind it but answering clearly more of the question. */
function standsClear(best: Ranked, second: Ranked | undefined): boolean {
  const lead = best.coverage >= FULL_COVERAGE && !kindTie(best, second) ? FULL_LEAD : MIN_LEAD;
  if (!second || best.score >= second.score * lead) return true;
  return best.coverage - second.coverage >= COVERAGE_GAP;
}

/**
 * The runner-up answers the whole question too, but is another kind of entry (a place beside a
 * FAQ answer, a FAQ answer beside a rule): what puts the best ahead is then mostly the lift its
 * kind gets, a prior rather than evidence, so the smaller lead of a whole answer is not enough.
 */
function kindTie(best: Ranked, second: Ranked | undefined): boolean {
  return (
    second !== undefined &&
    second.coverage >= FULL_COVERAGE &&
    second.entry.kind !== best.entry.kind
  );
}

/**
 * "Where…" answered about as well by a place and by an item held there: both say where, so the
 * place answers, with the item beside it. Empty when the two are not a place and its item.
 */
function placeAndItemThere(a: Ranked, b: Ranked): Ranked[] {
  if (b.coverage < MIN_COVERAGE) return [];
  const [place, item] = a.entry.kind === "place" ? [a, b] : [b, a];
  if (place.entry.kind !== "place" || item.entry.kind !== "item") return [];
  const at = item.entry.item.place?.trim().toLowerCase();
  const { name, id } = place.entry.place;
  return at !== undefined && (at === name.toLowerCase() || at === id) ? [place, item] : [];
}

/**
 * A "can I…" that a prohibition answers, well ahead of anything else the trip says. It must
 * match more of the question than its first word: "can I bring my xbox" is not answered by a
 * rule that forbids bringing something else.
 */
function forbidsWhatIsAsked(best: Ranked, second: Ranked | undefined, question: string): boolean {
  const e = best.entry;
  return (
    e.kind === "rule" &&
    e.prohibition &&
    asksPermission(question) &&
    bearsOnSubject(best) &&
    (!second || best.score >= second.score * FORBID_LEAD)
  );
}

/**
 * A prohibition that matches only a "can I…"'s first word ("swim" of "can I swim at the beach")
 * still bears on it when it scores this share of the answer: the word is then what is asked.
 */
const SUBJECT_SHARE = 0.3;

/**
 * A prohibition shown beside an answer that is not one: one close behind it, or, when the
 * question asks whether something is allowed, any that bears on what it names. A permissive answer never stands alone when a rule forbids
 * something the question is about.
 */
function prohibitionBeside(ranked: readonly Ranked[], question: string): Ranked[] {
  const [best] = ranked;
  if (!best || (best.entry.kind === "rule" && best.entry.prohibition)) return [];
  const asks = asksPermission(question);
  return ranked
    .slice(1)
    .filter(
      (r) =>
        r.entry.kind === "rule" &&
        ((r.entry.prohibition && r.coverage >= MIN_COVERAGE && r.score >= best.score * 0.5) ||
          // A rule that requires the opposite counts too, beside an answer that is no rule.
          (asks &&
            (r.entry.prohibition || (r.entry.restriction && best.entry.kind !== "rule")) &&
            r.coverage >= FORBID_COVERAGE &&
            (bearsOnSubject(r) || r.score >= best.score * SUBJECT_SHARE))),
    )
    .slice(0, 1);
}

/** Matches more of the question than its first word ("bring" of "bring my drone"). */
function bearsOnSubject(r: Ranked): boolean {
  return r.coverage >= FORBID_COVERAGE && r.matched.slice(1).some(Boolean);
}

/**
 * Only what can answer about one day of the trip: its itinerary items, and every entry that is
 * no item ("what time is dinner on day 2" is not answered by day 4's dinner).
 */
export function onDay(ranked: readonly Ranked[], day: number): Ranked[] {
  return ranked.filter((r) => r.entry.kind !== "item" || r.entry.item.day === day);
}

/** How many entries a question is decided among. */
const RANKED = 12;

/** `day`: the trip day the question names, when it names one ("dinner tomorrow"). */
export function findAnswer(trip: Trip, question: string, day?: number): Finding {
  const index = tripIndex(trip);
  // An entry's own id (what autocomplete and "faq visa" send) is that entry.
  const id = question.trim().toLowerCase();
  const named = index.entries.find((e) => e.kind === "faq" && e.faq.id === id);
  if (named)
    return { sure: true, best: { entry: named, score: 1, coverage: 1, matched: [] }, also: [] };
  const found =
    day === undefined
      ? index.search(question, RANKED)
      : onDay(index.search(question, index.entries.length), day).slice(0, RANKED);
  return decide(rank(found, question), (a, b) => index.overlap(a, b), question);
}
