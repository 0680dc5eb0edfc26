import { stemmer } from "stemmer";
import { editDistance } from "../search/distance";
import { plainAscii, words } from "../search/matcher";
import { BUILT_IN_PHRASES } from "./built-in-phrases";
import { clockTerms, readClock } from "./clock-words";

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

const DIGIT = /\d/;

export function normalise(text: string, joinHyphens = false): string[] {
  // Trip text's "e-visa" is also "evisa", as travellers type it.
  // Each pattern runs only on text that may hold what it rewrites: most text holds none of it,
  // and a cold answer's first index build normalises every field of the trip.
  const joined =
    joinHyphens && text.includes("-")
      ? text.replace(
          plainAscii(text) ? /([A-Za-z]+)-([A-Za-z]+)/g : /(\p{L}+)-(\p{L}+)/gu,
          "$1-$2 $1$2",
        )
      : text;
  let cleaned = joined.toLowerCase().replace(/['’`]/g, "");
  // "US" is a country before these words, not the pronoun.
  if (cleaned.includes("us "))
    cleaned = cleaned.replace(/\bus (?=passports?|citizens?|visas?|dollars?)/g, "usa ");
  if (DIGIT.test(cleaned))
    cleaned = cleaned.replace(
      /\b(\d+)(?:[.,](\d+))?\s*(?:k|km|kms|kilometers|kilometres|kilometer|kilometre)\b/g,
      // "42.195 km" is also "42km", as travellers round it.
      (_, whole: string, part?: string) => (part ? `${whole}km ${whole}.${part}km` : `${whole}km`),
    );
  return words(cleaned.replace(SCAFFOLDING, " "));
}

/**
 * Words whose Porter stem is another word: "evening" is not "even" ("even as a joke"), nor
 * "news" "new", nor riding in a bunch ("drafting") a draft beer.
 */
const OWN_STEMS = new Map([
  ["evening", "evening"],
  ["evenings", "evening"],
  ["news", "news"],
  ["drafting", "drafting"],
]);

export const stem = (w: string): string => OWN_STEMS.get(w) ?? stemmer(w);

export interface Phrase {
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

/** A phrase as its words' stems. */
export function phraseOf(raw: string, group: string): Phrase {
  const ws = normalise(raw);
  return { stems: ws.map(stem), raw: ws.join(" "), group };
}

/** Longest phrases first, so that "race number" wins over "race"; ties keep their order. */
export const longestFirst = (a: Phrase, b: Phrase) => b.stems.length - a.stems.length;

/** Phrases by their first stem, longest first; and the one-word ones long enough to mistype. */
interface PhraseIndex {
  byFirst: Map<string, Phrase[]>;
  singles: Phrase[];
}

/** A one-word phrase long enough that a word one slip from it is taken for it ("shutle"). */
const mistypable = (p: Phrase) => p.stems.length === 1 && p.raw.length >= 5;

/**
 * What parts a built-in phrase's fields in its table, and what parts one phrase from the next:
 * no word holds either.
 */
export const PHRASE_FIELDS = "|";
export const PHRASE_END = ";";

/**
 * The built-in vocabulary (travel synonyms, kinds, parts of the day), read from its table
 * (`npm run phrases`, already longest first) and indexed once per process, shared by every
 * trip's vocabulary. Read on first use, not at load: a cold `/marathon when` does not need it.
 * A plain loop: this runs cold, where each closure and destructuring costs.
 */
let builtIn: PhraseIndex | undefined;
function builtInPhrases(): PhraseIndex {
  if (builtIn) return builtIn;
  const byFirst = new Map<string, Phrase[]>();
  const singles: Phrase[] = [];
  for (const line of BUILT_IN_PHRASES.split(PHRASE_END)) {
    const [raw, stems, group, asked] = line.split(PHRASE_FIELDS) as [
      string,
      string,
      string,
      string?,
    ];
    const p: Phrase = { raw, stems: (stems || raw).split(" "), group };
    if (asked) p.askedOnly = true;
    const first = p.stems[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(p);
    else byFirst.set(first, [p]);
    if (mistypable(p)) singles.push(p);
  }
  builtIn = { byFirst, singles };
  return builtIn;
}

/** A kind's token: trip text naming the kind carries it; a question naming a thing of it, too. */
export const kindToken = (i: number) => groupToken(`^k${i}`);
export const isKindToken = (token: string) => token.startsWith("~^");

/** A lone letter ("e" of "e-visa", "t" of "t shirt") names nothing. */
const LONE_LETTER = /^\p{L}$/u;

/** Whether `stems` holds `phrase` from `at` on. */
function startsAt(phrase: readonly string[], stems: readonly string[], at: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (stems[at + k] !== phrase[k]) return false;
  return true;
}

/** A phrase of several words as one token ("=daylight save"): the words as written. */
const phraseToken = (stems: readonly string[]) => `=${stems.join(" ")}`;

export class Vocabulary {
  private readonly byFirst: Map<string, Phrase[]>;
  private readonly singles: Phrase[];
  /** Each trip word's stem, as a trip's text says the same words many times. */
  private readonly stems = new Map<string, string>();

  /** `extra`: an entry's own phrasings, each group named by the entry. */
  constructor(extra: readonly { id: string; phrases: readonly string[] }[] = []) {
    const shared = builtInPhrases();
    const own = extra
      .flatMap((e) => e.phrases.map((raw) => phraseOf(raw, groupToken(e.id))))
      .filter((p) => p.stems.length > 0);
    if (own.length === 0) {
      this.byFirst = shared.byFirst;
      this.singles = shared.singles;
      return;
    }
    // The built-in lists stay as they are: those an entry's phrasing joins are copied, and each
    // phrasing goes after the built-in phrases and earlier phrasings as long as it (as one sort
    // of them all would put it).
    this.byFirst = new Map(shared.byFirst);
    const copied = new Set<string>();
    for (const p of own) {
      const first = p.stems[0] as string;
      let list = this.byFirst.get(first) ?? [];
      if (!copied.has(first)) {
        list = [...list];
        copied.add(first);
        this.byFirst.set(first, list);
      }
      const at = list.findIndex((q) => q.stems.length < p.stems.length);
      list.splice(at < 0 ? list.length : at, 0, p);
    }
    this.singles = [...shared.singles, ...own.filter(mistypable)];
  }

  /** `w`'s stem; trip text's are kept, a question's words are not. */
  private stemOf(w: string, keep: boolean): string {
    let s = this.stems.get(w);
    if (s === undefined) {
      s = stem(w);
      if (keep) this.stems.set(w, s);
    }
    return s;
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
    const stemOf = (w: string) => this.stemOf(w, !typos);
    const stems: string[] = [];
    for (const w of ws) stems.push(this.stemOf(w, !typos));
    const readings = clock.readings.size > 0 ? clock.readings : undefined;
    const out: Term[] = [];
    let i = 0;
    while (i < ws.length) {
      const reading = readings?.get(ws[i] as string);
      if (reading) {
        const previous = reading.onPrevious ? out.pop() : undefined;
        out.push(...clockTerms(reading, typos, previous));
        i++;
        continue;
      }
      // The longest phrases starting here, and their groups, each once. Plain loops: this runs
      // for every word of a trip on a cold answer's first index build.
      const word = ws[i] as string;
      let longest = 0;
      let groups: string[] | undefined;
      const candidates = this.byFirst.get(stems[i] as string);
      for (let c = 0; candidates && c < candidates.length; c++) {
        const p = candidates[c] as Phrase;
        // Longest first: once one is found, a shorter one is no match.
        if (p.stems.length < longest) break;
        if (!typos && p.askedOnly) continue;
        if (!startsAt(p.stems, stems, i)) continue;
        // A word that says nothing is no group member whose stem it shares ("so" of "sos").
        if (p.stems.length === 1 && STOP_WORDS.has(word) && p.raw !== word) continue;
        longest = p.stems.length;
        groups ??= [];
        if (!groups.includes(p.group)) groups.push(p.group);
      }
      if (groups) {
        const span = ws.slice(i, i + longest);
        const parts = longest > 1 ? span.filter((w) => !STOP_WORDS.has(w)).map(stemOf) : [];
        out.push({
          word: span.join(" "),
          stem: longest === 1 ? (stems[i] as string) : phraseToken(stems.slice(i, i + longest)),
          groups,
          parts,
        });
        i += longest;
        continue;
      }
      i++;
      if (STOP_WORDS.has(word) || (word.length <= 2 && LONE_LETTER.test(word))) continue;
      const typoGroups: string[] = [];
      if (typos && word.length >= 5) {
        for (const p of this.singles) {
          // People rarely mistype a word's first letter: "light" is no slip for "flight", nor
          // "seating" for "eating" (as the index's own typo matching has it).
          if (p.raw[0] !== word[0] || typoGroups.includes(p.group)) continue;
          if (editDistance(word, p.raw, 1) <= 1) typoGroups.push(p.group);
        }
      }
      out.push({ word, stem: stems[i - 1] as string, groups: typoGroups, parts: [] });
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
