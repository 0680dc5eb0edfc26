import { stemmer } from "stemmer";
import { editDistance } from "./distance";

/**
 * A small ranked full-text matcher: words are normalised (case, accents), stop words dropped,
 * stemmed (Porter), and matched exactly, by prefix, or within a typo's distance; each match is
 * weighted by where it was found and how rare the word is (idf). The FAQ command, "did you
 * mean" and autocomplete all rank with it.
 */

export interface MatchDocument {
  id: string;
  /** Text by weight: a question outweighs its answer, keywords outweigh both. */
  fields: { text: string; weight: number }[];
}

export interface Match {
  id: string;
  score: number;
  /** Share of the query's words that found a match (0–1). */
  coverage: number;
}

const STOP_WORDS = new Set(
  `a an and are as at be can do does for from have how i if in is it my of on or should the there
  this to we what when where which who will with you your me am any get need want about`.split(
    /\s+/,
  ),
);

/**
 * A character beyond plain ASCII text and the punctuation trip files use with it (dashes,
 * arrows, quotes, degrees, currency signs: none a letter, a digit or a mark, nor one in any
 * form): in text without one, no accent is to be taken off, and every other character parts
 * words.
 */
const BEYOND_ASCII =
  /[^ -~\t\n\r\u00a0\u00a3\u00a5\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b7\u00bb\u00d7\u00f7\u2010-\u2015\u2018\u2019\u201c\u201d\u2022\u2026\u2032\u2033\u20a9\u20ac\u2190-\u2194\u2212]/;

/** Whether every letter and digit in `text` is ASCII, and nothing in it is one in another form. */
export const plainAscii = (text: string): boolean => !BEYOND_ASCII.test(text);

/** The accents NFKD writes apart from Latin letters ("é" → "e" + U+0301): all of them marks. */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

const asciiWords = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

export function words(text: string): string[] {
  // Most text is plain ASCII, or Latin letters with accents, and Unicode's tables are dear on a
  // cold answer's first index build: they are read only for the rest.
  if (plainAscii(text)) return asciiWords(text);
  const unaccented = text.normalize("NFKD").replace(LATIN_ACCENTS, "");
  if (plainAscii(unaccented)) return asciiWords(unaccented);
  return unaccented
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => stemmer(w));
}

function typoAllowance(term: string): number {
  if (term.length >= 8) return 2;
  if (term.length >= 4) return 1;
  return 0;
}

export class Matcher {
  private readonly docs: { id: string; weights: Map<string, number> }[];
  private readonly idf = new Map<string, number>();

  constructor(documents: readonly MatchDocument[]) {
    this.docs = documents.map((d) => {
      const weights = new Map<string, number>();
      for (const field of d.fields) {
        for (const t of terms(field.text))
          weights.set(t, Math.max(weights.get(t) ?? 0, field.weight));
      }
      return { id: d.id, weights };
    });
    const df = new Map<string, number>();
    for (const d of this.docs) for (const t of d.weights.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = this.docs.length;
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
  }

  /** Documents that match `query`, best first. */
  search(query: string, limit = 5): Match[] {
    // Each query word keeps its unstemmed form too: "vis", typed halfway, stems to "vi".
    const queryTerms = [
      ...new Map(
        words(query)
          .filter((w) => !STOP_WORDS.has(w))
          .map((w) => [stemmer(w), w] as const),
      ),
    ];
    if (queryTerms.length === 0) return [];
    const results: Match[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let matched = 0;
      for (const [stem, word] of queryTerms) {
        let best = 0;
        for (const [t, weight] of doc.weights) {
          const similarity = Math.max(this.similarity(stem, t), this.similarity(word, t));
          if (similarity > 0) best = Math.max(best, similarity * weight * (this.idf.get(t) ?? 0));
        }
        if (best > 0) matched++;
        score += best;
      }
      if (score > 0) results.push({ id: doc.id, score, coverage: matched / queryTerms.length });
    }
    return results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }

  private similarity(q: string, t: string): number {
    if (q === t) return 1;
    if (q.length >= 3 && t.startsWith(q)) return 0.8;
    const allowance = Math.min(typoAllowance(q), typoAllowance(t));
    if (allowance > 0 && editDistance(q, t, allowance) <= allowance) return 0.6;
    return 0;
  }
}
