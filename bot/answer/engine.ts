import { editDistance } from "../search/distance";
import { COMMON_SHORT_WORDS } from "./common-words";
import type { TripEntry } from "./entries";
import { isKindToken, type Term, Vocabulary } from "./text";

/**
 * The ranked search over a trip's entries: BM25-like idf weights, field weights, exact, prefix
 * and typo matches on stems, and synonym groups (built-in and each entry's `also:`). Chosen over
 * minisearch and Orama by `npm run bench:answers` (see bench/answers/): it scored best with the
 * same text and synonyms, and builds a trip's index within a cold answer's budget (~10 ms, issue #11;
 * `bench/answers/cold-answer.ts` measures it).
 */

export interface Ranked {
  entry: TripEntry;
  score: number;
  /** Share of the question that this entry covers, each term weighted by its rarity (0–1). */
  coverage: number;
  /** Which of the question's terms, in order, this entry matches. */
  matched: readonly boolean[];
  /**
   * How strongly, per unit of question: the mean field weight its matches hit (3 when every word
   * is in what names the entry, 1 when only in its notes), times how exact they are.
   */
  depth?: number;
  /** Share of the question this entry covers with the words themselves, not synonyms. */
  own?: number;
}

/** How much of a question is read. */
export const MAX_QUESTION_CHARS = 300;

/** How much one word of a phrase counts ("dress" of "dress code"). */
const PART = 0.4;
/** How much a synonym counts beside the word itself. */
const SYNONYM = 0.85;
/** How much naming a thing counts toward trip text naming its kind ("monkeys" of "wildlife"). */
const KIND = 0.75;
/** How much each half of a compound the trip writes apart counts ("camp" + "fire"). */
const COMPOUND_HEAD = 0.7;
const COMPOUND_FIRST = 0.5;
/** A match at least this good (the word, a synonym, a prefix) covers its word of the question. */
const STRONG = 0.8;

function typoAllowance(term: string): number {
  if (term.length >= 8) return 2;
  if (term.length >= 4) return 1;
  return 0;
}

let common: Set<string> | undefined;
/** Whether `w` is a whole word of everyday English, not one cut short ("sea", not "feb"). */
function isCommonWord(w: string): boolean {
  common ??= new Set(COMMON_SHORT_WORDS.split(" "));
  return common.has(w);
}

/** Endings that make another form of the same word ("rent" → "rental", "run" → "runner"). */
const ENDING =
  /^(?:s|es|er|ers|or|ors|al|als|ing|ings|ed|ion|ions|ation|ations|ment|ments|ness|ity|ive|ly|ful|abl|able|ibl|ible|ist|ists|ian|ians|ic|ics|ure|age|anc|ance|enc|ence|ant|ent|ee|ees|eri|ery)$/;

/**
 * Whether the trip's `t` may be what was meant by `q`, which it starts with: a form of the same
 * word ("rent" of "rental"), or a word cut short as people type ("accom"). A short word that is
 * the start of another word names a different thing ("sea" of "seat", "hot" of "hotel"), and so
 * does a whole word's stem ("audit", of "audition", is the start of "auditorium").
 */
function extends_(q: string, t: string, typedLength: number): boolean {
  let rest = t.slice(q.length);
  if (rest.length > 1 && rest[0] === q[q.length - 1]) rest = rest.slice(1);
  if (ENDING.test(rest)) return true;
  return typedLength <= q.length && !isCommonWord(q);
}

/** How well a typed word matches a token of the trip's text (0: not at all). */
function similarity(q: string, t: string, typedLength = q.length): number {
  if (q === t) return 1;
  if (q.length >= 3 && t.startsWith(q) && extends_(q, t, typedLength)) return 0.8;
  const allowance = Math.min(typoAllowance(q), typoAllowance(t));
  // Refused before the distance is counted, as below: a slip between words of different lengths
  // that start differently, or either shorter than five letters, is no swap and so never that
  // word. Most of a trip's words are refused here, which a cold answer feels.
  if (allowance > 0 && q.length !== t.length && (Math.min(q.length, t.length) < 5 || q[0] !== t[0]))
    return 0;
  if (allowance > 0 && editDistance(q, t, allowance) <= allowance) {
    const swapped = [...q].sort().join("") === [...t].sort().join("");
    // A short word one letter off is another word ("park", "mark"), unless two letters swapped;
    // and people rarely mistype a word's first letter, so a different one makes a different
    // word ("night", "right"; "ride", "hide").
    if (!swapped && (Math.min(q.length, t.length) < 5 || q[0] !== t[0])) return 0;
    // Two swapped letters, or one slip in a word of eight letters or more, is surely that word;
    // one letter off in a shorter word is as often another word ("shirt", "short"; "parking",
    // "packing").
    return swapped || typedLength >= 8 ? 0.7 : 0.55;
  }
  return 0;
}

export class TripIndex {
  readonly vocabulary: Vocabulary;
  private readonly docs: { entry: TripEntry; weights: Map<string, number> }[];
  private readonly idf = new Map<string, number>();
  /**
   * The trip's words as written, each with its stem: a typo is a slip on the word, not the stem,
   * and the halves of a compound are words.
   */
  private readonly asWritten = new Map<string, string>();
  private readonly meanIdf: number;

  constructor(readonly entries: readonly TripEntry[]) {
    this.vocabulary = new Vocabulary(
      entries.flatMap((e) => {
        const also = (e.kind === "faq" ? e.faq.also : e.kind === "rule" ? e.topic.also : []) ?? [];
        // A rule topic's phrasings belong to every rule of the topic: one group per topic.
        const id = e.kind === "rule" ? `rule:${e.topic.topic}` : e.id;
        return also.length > 0 ? [{ id, phrases: also }] : [];
      }),
    );
    // A text several entries share (a rule topic's name, a contact's ways to be reached) is
    // analysed once: this build is on a cold container's first answer.
    const analysed = new Map<string, Term[]>();
    const analyse = (text: string) => {
      let terms = analysed.get(text);
      if (!terms) {
        terms = this.vocabulary.analyse(text);
        analysed.set(text, terms);
      }
      return terms;
    };
    this.docs = entries.map((entry) => {
      const weights = new Map<string, number>();
      const add = (token: string, weight: number) =>
        weights.set(token, Math.max(weights.get(token) ?? 0, weight));
      for (const field of entry.fields) {
        for (const term of analyse(field.text)) {
          if (term.stem) add(term.stem, field.weight);
          if (term.stem && term.parts.length === 0) this.asWritten.set(term.word, term.stem);
          for (const p of term.parts) add(p, field.weight);
          for (const g of term.groups) add(g, field.weight);
        }
      }
      return { entry, weights };
    });
    const df = new Map<string, number>();
    for (const d of this.docs) for (const t of d.weights.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.docs.length;
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
    const all = [...this.idf.values()];
    this.meanIdf = all.length > 0 ? all.reduce((a, b) => a + b, 0) / all.length : 1;
  }

  /**
   * How much two entries say the same thing (0–1): the share of the shorter one's words that
   * the other also uses. A FAQ answer and the rule it restates score high.
   */
  overlap(a: TripEntry, b: TripEntry): number {
    const wordsOf = (e: TripEntry) =>
      new Set(
        [...(this.docs.find((d) => d.entry === e)?.weights ?? [])]
          // Its own words, not its synonyms nor the context it is filed under (a rule's topic).
          .filter(([t, w]) => w >= 1 && !t.startsWith("~") && !t.startsWith("="))
          .map(([t]) => t),
      );
    const [x, y] = [wordsOf(a), wordsOf(b)];
    const shared = [...x].filter((t) => y.has(t)).length;
    const smaller = Math.min(x.size, y.size);
    return smaller === 0 ? 0 : shared / smaller;
  }

  /**
   * A word the trip never uses that is two words it does ("campfire", "waymarker"): the last
   * names the thing, nearly as well as the word itself would ("fire"); the first only qualifies
   * it. Each half must be a word the trip writes, not only a stem ("carri" + "age" is no
   * "carriage").
   */
  private compoundParts(term: Term): [string, number][] {
    const w = term.word;
    if (w.includes(" ") || term.groups.length > 0 || w.length < 7) return [];
    if (term.stem === undefined || this.idf.has(term.stem)) return [];
    for (let k = 3; k <= w.length - 3; k++) {
      const first = this.writtenWord(w.slice(0, k));
      const head = this.writtenWord(w.slice(k));
      if (first && head)
        return [
          [head, COMPOUND_HEAD],
          [first, COMPOUND_FIRST],
        ];
    }
    return [];
  }

  /** The stem of `w` when the trip writes it, alone or plural ("fire" of "no open fires"). */
  private writtenWord(w: string): string | undefined {
    const plural = /(?:s|x|z|ch|sh)$/.test(w) ? `${w}es` : `${w}s`;
    return this.asWritten.get(w) ?? this.asWritten.get(plural);
  }

  /** Every token of the trip a query term matches, with how well. */
  private matches(term: Term): Map<string, number> {
    const found = new Map<string, number>();
    // The words as typed count fully; a synonym for them almost as much.
    if (term.stem?.startsWith("=") && this.idf.has(term.stem)) found.set(term.stem, 1);
    for (const g of term.groups)
      if (this.idf.has(g))
        found.set(g, Math.max(found.get(g) ?? 0, isKindToken(g) ? KIND : SYNONYM));
    for (const p of term.parts)
      if (this.idf.has(p)) found.set(p, Math.max(found.get(p) ?? 0, PART));
    // A word that is its own stem ("coach") is tried once.
    const forms = [...new Set([term.stem, term.word])].filter(
      (f): f is string => !!f && !f.includes(" ") && !f.startsWith("="),
    );
    for (const [part, s] of this.compoundParts(term))
      found.set(part, Math.max(found.get(part) ?? 0, s));
    if (forms.length > 0) {
      // Every token of the trip is tried: a plain loop, as the first question is asked cold.
      for (const token of this.idf.keys()) {
        if (token.startsWith("~") || token.startsWith("=")) continue;
        let s = 0;
        for (const f of forms) s = Math.max(s, similarity(f, token, term.word.length));
        if (s > 0) found.set(token, Math.max(found.get(token) ?? 0, s));
      }
      // "packnig" is one slip from "packing", though three from its stem "pack".
      if (!term.word.includes(" ")) {
        for (const [word, stem] of this.asWritten) {
          if (word === stem || found.has(stem)) continue;
          const s = similarity(term.word, word);
          if (s > 0 && s < STRONG) found.set(stem, s);
        }
      }
    }
    return found;
  }

  /**
   * A question that names one thing twice ("how much does it cost") asks about it once: a later
   * term of the very same synonym groups, whose own word the trip never uses, adds nothing but
   * the group again, so it is dropped rather than counted double. ("drink the tap water" keeps
   * both words when the trip writes both.)
   */
  private sameThingOnce(terms: readonly Term[]): Term[] {
    const key = (t: Term) => [...t.groups].sort().join(" ");
    return terms.filter(
      (t, i) =>
        t.groups.length === 0 ||
        (t.stem !== undefined && this.idf.has(t.stem)) ||
        !terms.slice(0, i).some((o) => key(o) === key(t)),
    );
  }

  /** Entries matching `question`, best first. */
  search(question: string, limit = 8): Ranked[] {
    // A pasted essay is read by its start: the cost stays bounded whatever is typed.
    const terms = this.sameThingOnce(
      this.vocabulary.analyse(question.slice(0, MAX_QUESTION_CHARS), true),
    );
    if (terms.length === 0) return [];
    const perTerm = terms.map((t) => {
      const m = this.matches(t);
      const rarity = Math.max(0, ...[...m.keys()].map((k) => this.idf.get(k) ?? 0));
      // A word with synonyms is as rare as its group: "bus" is no rarer for being written
      // "coach" everywhere but one rule.
      const groupIdf = t.groups.flatMap((g) => this.idf.get(g) ?? []);
      const shared = groupIdf.length > 0 ? Math.max(...groupIdf) : undefined;
      // A word the trip uses as typed is as rare as it is there: "ride" does not grow rarer by
      // also being the start of "riders", which would rank a near miss above the word itself.
      const own = t.stem !== undefined ? this.idf.get(t.stem) : undefined;
      const fixed = shared ?? own;
      // A word the trip never uses weighs like an average word: it is part of the question.
      return { matches: m, shared: fixed, weight: m.size > 0 ? (fixed ?? rarity) : this.meanIdf };
    });
    const total = perTerm.reduce((a, t) => a + t.weight, 0);
    const results: Ranked[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let covered = 0;
      let own = 0;
      const matched: boolean[] = [];
      for (const t of perTerm) {
        let best = 0;
        let strength = 0;
        let itself = false;
        for (const [token, s] of t.matches) {
          const w = doc.weights.get(token);
          if (w !== undefined) {
            best = Math.max(best, s * w * (t.shared ?? this.idf.get(token) ?? 0));
            strength = Math.max(strength, s);
            if (s !== SYNONYM && s >= STRONG) itself = true;
          }
        }
        if (itself) own += t.weight;
        // A word matched only by a guessed typo or by one word of its phrase ("off" of "cut
        // off time") is only partly answered: a weak match must not read as a covered question.
        if (best > 0) covered += t.weight * (strength >= STRONG ? 1 : strength);
        matched.push(best > 0);
        score += best;
      }
      if (score > 0)
        results.push({
          entry: doc.entry,
          score,
          coverage: total > 0 ? covered / total : 0,
          matched,
          depth: total > 0 ? score / total : 0,
          own: total > 0 ? own / total : 0,
        });
    }
    return results
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
      .slice(0, limit);
  }
}
