import { stemmer } from "stemmer";
import { editDistance } from "../search/distance";
import { words } from "../search/matcher";
import { clockTerms, PART_WORD_TOKENS, readClock } from "./clock-words";
import { KIND_LINES } from "./kinds";
import { SYNONYM_GROUPS } from "./synonyms";

/**
 * How questions and trip text become terms: words normalised (case, accents, apostrophes,
 * "10k" → "10km"), question scaffolding dropped ("what time", "can I"), stemmed (Porter), and
 * every phrase of a synonym group (or of an entry's own `also:` list) tagged with its group.
 */

/** Words that say nothing about what is asked. */
const STOP_WORDS = new Set(
  `a an and are as at be can could do does did for from have has had how i if in is it its my of
  on or should the there this to we what when where which who whom whose will with you your me am
  any get got need want about please pls plz u ur im ok okay allowed able possible thing things
  anything something anyone someone everyone everybody our us they them go going know here still
  also just really
  would may might must shall let lets s t take taking use using put see tell say like much many
  some than that these those then so too very by into onto up down out over again ever yes no
  hi hello hey thanks thank guys folks anybody whats wheres whens hows whos come comes coming
  after before during happen happens happening without gets getting
  requirement requirements info information details detail time times
  provide provided available option options needed needs kind kinds type types sort
  sorts wat wut wht r cn hw shud shoud shld wen whn wher whr ther thx ty dont doesnt cant
  cannot wont isnt arent didnt never ive youre theyre gonna wanna gotta abt bc cuz coz tho btw
  lol`.split(/\s+/),
);

/** Question scaffolding: "what time is the bus" asks about the bus. */
const SCAFFOLDING =
  /\b(?:what time|what day|which day|what date|how many|how long|how do i|how can i|is there|are there|tell me|do you know|i want to|i need to|i would like to)\b/g;

export function normalise(text: string, joinHyphens = false): string[] {
  // Trip text's "e-visa" is also "evisa", as travellers type it.
  const joined = joinHyphens ? text.replace(/(\p{L}+)-(\p{L}+)/gu, "$1-$2 $1$2") : text;
  const cleaned = joined
    .toLowerCase()
    .replace(/['’`]/g, "")
    // "US" is a country before these words, not the pronoun.
    .replace(/\bus (?=passports?|citizens?|visas?|dollars?)/g, "usa ")
    .replace(
      /\b(\d+)(?:[.,](\d+))?\s*(?:k|km|kms|kilometers|kilometres|kilometer|kilometre)\b/g,
      // "42.195 km" is also "42km", as travellers round it.
      (_, whole: string, part?: string) => (part ? `${whole}km ${whole}.${part}km` : `${whole}km`),
    )
    .replace(SCAFFOLDING, " ");
  return words(cleaned);
}

/**
 * Words whose Porter stem is another word: "evening" is not "even" ("even as a joke"), nor
 * "news" "new".
 */
const OWN_STEMS = new Map([
  ["evening", "evening"],
  ["evenings", "evening"],
  ["news", "news"],
]);

export const stem = (w: string): string => OWN_STEMS.get(w) ?? stemmer(w);

interface Phrase {
  stems: string[];
  raw: string;
  group: string;
  /**
   * A thing of a kind ("monkeys" of wildlife): in a question it finds trip text naming the kind;
   * in trip text it is only itself, so that a question naming another thing of the kind does not
   * find it.
   */
  askedOnly?: boolean;
}

/** A group's token: it cannot collide with a stemmed word, which holds letters and digits only. */
export const groupToken = (id: string) => `~${id}`;

/** A phrase as its words' stems; normalised once, as the vocabulary's first build is on a cold answer's path. */
function phraseOf(raw: string, group: string): Phrase {
  const ws = normalise(raw);
  return { stems: ws.map(stem), raw: ws.join(" "), group };
}

function phrasesOf(groups: readonly (readonly string[])[], prefix: string): Phrase[] {
  return groups.flatMap((group, i) =>
    group.map((raw) => phraseOf(raw, groupToken(`${prefix}${i}`))),
  );
}

/**
 * Built-in travel synonyms, longest phrases first so "race number" wins over "race". Stemmed
 * on first use, not at load: ~10 ms that a cold `/marathon when` does not need.
 */
let builtIn: Phrase[] | undefined;
const builtInPhrases = (): Phrase[] => {
  builtIn ??= [...phrasesOf(SYNONYM_GROUPS, "g"), ...kindPhrases(), ...partOfDayPhrases()].filter(
    (p) => p.stems.length > 0,
  );
  return builtIn;
};

/** A kind's token: trip text naming the kind carries it; a question naming a thing of it, too. */
export const kindToken = (i: number) => groupToken(`^k${i}`);
export const isKindToken = (token: string) => token.startsWith("~^");

function kindPhrases(): Phrase[] {
  return KIND_LINES.flatMap(({ kind, things }, i) => [
    ...kind.map((raw) => phraseOf(raw, kindToken(i))),
    ...things.map((raw) => ({ ...phraseOf(raw, kindToken(i)), askedOnly: true })),
  ]);
}

/** "tonight", "curfew": the words naming a part of the day are also in its group. */
const partOfDayPhrases = (): Phrase[] =>
  PART_WORD_TOKENS.map(([raw, group]) => phraseOf(raw, group));

/** A phrase of several words as one token ("=daylight save"): the words as written. */
const phraseToken = (stems: readonly string[]) => `=${stems.join(" ")}`;

export class Vocabulary {
  private readonly byFirst = new Map<string, Phrase[]>();
  private readonly singles: Phrase[] = [];

  /** `extra`: an entry's own phrasings, each group named by the entry. */
  constructor(extra: readonly { id: string; phrases: readonly string[] }[] = []) {
    const all = [
      ...builtInPhrases(),
      ...extra.flatMap((e) => e.phrases.map((raw) => phraseOf(raw, groupToken(e.id)))),
    ].filter((p) => p.stems.length > 0);
    all.sort((a, b) => b.stems.length - a.stems.length);
    for (const p of all) {
      const first = p.stems[0] as string;
      const list = this.byFirst.get(first) ?? [];
      list.push(p);
      this.byFirst.set(first, list);
      if (p.stems.length === 1 && p.raw.length >= 5) this.singles.push(p);
    }
  }

  /**
   * The text's terms: each is a word, or a phrase of a group (the phrase's words are consumed),
   * with the groups it belongs to. `typos`: a single word within one edit of a long group
   * member counts as it ("shutle"), for what travellers type, never for trip text.
   */
  analyse(text: string, typos = false): Term[] {
    // Times ("4am", "after 22:00") stand in as one word each, read as the parts of the day.
    const clock = readClock(text, typos);
    // Trip text (no typos) also gets hyphenated words joined.
    const ws = normalise(clock.text, !typos);
    const stems = ws.map(stem);
    const out: Term[] = [];
    let i = 0;
    while (i < ws.length) {
      const reading = clock.readings.size > 0 ? clock.readings.get(ws[i] as string) : undefined;
      if (reading) {
        const previous = reading.onPrevious ? out.pop() : undefined;
        out.push(...clockTerms(reading, typos, previous));
        i++;
        continue;
      }
      const candidates = this.byFirst.get(stems[i] as string) ?? [];
      const hit = candidates.filter(
        (p) =>
          (typos || !p.askedOnly) &&
          p.stems.every((s, k) => stems[i + k] === s) &&
          // A word that says nothing is no group member whose stem it shares ("so" of "sos").
          !(p.stems.length === 1 && STOP_WORDS.has(ws[i] as string) && p.raw !== ws[i]),
      );
      const longest = hit[0]?.stems.length ?? 0;
      if (longest > 0) {
        const groups = [
          ...new Set(hit.filter((p) => p.stems.length === longest).map((p) => p.group)),
        ];
        const span = ws.slice(i, i + longest);
        const parts = longest > 1 ? span.filter((w) => !STOP_WORDS.has(w)).map(stem) : [];
        out.push({
          word: span.join(" "),
          stem: longest === 1 ? (stems[i] as string) : phraseToken(stems.slice(i, i + longest)),
          groups,
          parts,
        });
        i += longest;
        continue;
      }
      const word = ws[i] as string;
      i++;
      // A lone letter ("e" of "e-visa", "t" of "t shirt") names nothing.
      if (STOP_WORDS.has(word) || /^\p{L}$/u.test(word)) continue;
      const groups =
        typos && word.length >= 5
          ? [
              ...new Set(
                this.singles
                  // People rarely mistype a word's first letter: "light" is no slip for "flight",
                  // nor "seating" for "eating" (as the index's own typo matching has it).
                  .filter((p) => p.raw[0] === word[0] && editDistance(word, p.raw, 1) <= 1)
                  .map((p) => p.group),
              ),
            ]
          : [];
      out.push({ word, stem: stem(word), groups, parts: [] });
    }
    return out.filter((t) => t.groups.length > 0 || !STOP_WORDS.has(t.word));
  }
}

export interface Term {
  /** As typed (normalised). */
  word: string;
  /** Its stem; for a phrase of several words, one token for the phrase as written. */
  stem?: string;
  /** The synonym groups it belongs to. */
  groups: string[];
  /** A phrase's own words' stems: "dress code" also half-matches "dress". */
  parts: string[];
}
