import { create, insertMultiple, search } from "@orama/orama";
import MiniSearch from "minisearch";
import { stemmer } from "stemmer";
import type { Ranked, TripIndex } from "../../bot/answer/engine";
import type { TripEntry } from "../../bot/answer/entries";

/**
 * The candidate engines the answers benchmark compares, all fed the same entries and the same
 * synonym groups (as extra words), so only the ranking differs. How much of the question an
 * entry covers is measured the same way for all (by the trip index), since the decision to
 * answer or ask back reads it.
 */

export interface Engine {
  name: string;
  /** Builds the engine's index for a trip's entries; returns the ranker. */
  build(index: TripIndex): (question: string) => Ranked[];
}

const tier = (w: number) => (w >= 2.5 ? "high" : w >= 1.2 ? "mid" : "low");
const BOOST = { high: 3, mid: 1.6, low: 1 };

/** An entry's text by tier, with its synonym groups spelt as words the tokenisers keep. */
function tiers(index: TripIndex, entry: TripEntry): Record<"high" | "mid" | "low", string> {
  const out = { high: "", mid: "", low: "" };
  for (const f of entry.fields) {
    const groups = index.vocabulary.analyse(f.text).flatMap((t) => t.groups.map(spell));
    out[tier(f.weight)] += ` ${f.text} ${groups.join(" ")}`;
  }
  return out;
}

const spell = (group: string) => `zz${group.slice(1).replace(/[^a-z0-9]/gi, "")}`;

function expanded(index: TripIndex, question: string): string {
  const groups = index.vocabulary.analyse(question, true).flatMap((t) => t.groups.map(spell));
  return `${question} ${groups.join(" ")}`;
}

function withCoverage(index: TripIndex, question: string, ids: [string, number][]): Ranked[] {
  const found = new Map(index.search(question, 1000).map((r) => [r.entry.id, r]));
  const byId = new Map(index.entries.map((e) => [e.id, e]));
  return ids.flatMap(([id, score]) => {
    const entry = byId.get(id);
    const own = found.get(id);
    return entry
      ? [{ entry, score, coverage: own?.coverage ?? 0, matched: own?.matched ?? [] }]
      : [];
  });
}

export const ownEngine: Engine = {
  name: "trip index (bot/answer)",
  // Every match: a day named in the question narrows them before the first 12 are decided among.
  build: (index) => (q) => index.search(q, index.entries.length),
};

export const miniSearchEngine: Engine = {
  name: "minisearch",
  build(index) {
    const ms = new MiniSearch({
      fields: ["high", "mid", "low"],
      processTerm: (t) => stemmer(t.toLowerCase()),
      searchOptions: { boost: BOOST, fuzzy: 0.2, prefix: true, combineWith: "OR" },
    });
    ms.addAll(index.entries.map((e) => ({ id: e.id, ...tiers(index, e) })));
    return (q) =>
      withCoverage(
        index,
        q,
        ms
          .search(expanded(index, q))
          .slice(0, 12)
          .map((r) => [String(r.id), r.score]),
      );
  },
};

export const oramaEngine: Engine = {
  name: "@orama/orama",
  build(index) {
    const db = create({
      schema: { key: "string", high: "string", mid: "string", low: "string" } as const,
      components: { tokenizer: { stemming: true, language: "english" } },
    });
    void insertMultiple(
      db,
      index.entries.map((e) => ({ key: e.id, ...tiers(index, e) })),
    );
    return (q) => {
      const found = search(db, {
        term: expanded(index, q),
        properties: ["high", "mid", "low"],
        boost: BOOST,
        tolerance: 1,
        limit: 12,
      }) as { hits: { score: number; document: { key: string } }[] };
      return withCoverage(
        index,
        q,
        found.hits.map((h) => [h.document.key, h.score]),
      );
    };
  },
};

export const ENGINES: readonly Engine[] = [ownEngine, miniSearchEngine, oramaEngine];
