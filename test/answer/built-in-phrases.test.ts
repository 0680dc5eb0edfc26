import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Vocabulary } from "../../bot/answer/text";
import { BUILT_IN_PHRASES_PATH, builtInPhrasesModule } from "../../scripts/built-in-phrases";

describe("the built-in phrase table", () => {
  it("is what `npm run phrases` writes from the synonym, kind and part-of-day lists", () => {
    expect(readFileSync(BUILT_IN_PHRASES_PATH, "utf8")).toBe(builtInPhrasesModule());
  });
});

describe("a trip's own phrasings beside the built-in ones", () => {
  const builtInGroups = new Vocabulary().analyse("race number")[0]?.groups ?? [];

  it("a longer phrasing of the trip wins over the built-in phrase it starts with", () => {
    const vocabulary = new Vocabulary([{ id: "faq:pickup", phrases: ["race number pick up"] }]);
    expect(vocabulary.analyse("where is the race number pick up")).toContainEqual(
      expect.objectContaining({ word: "race number pick up", groups: ["~faq:pickup"] }),
    );
  });

  it("a phrasing the built-in words also hold belongs to both groups, the built-in first", () => {
    expect(builtInGroups.length).toBeGreaterThan(0);
    const vocabulary = new Vocabulary([{ id: "faq:bib", phrases: ["race number"] }]);
    expect(vocabulary.analyse("race number")[0]?.groups).toEqual([...builtInGroups, "~faq:bib"]);
  });

  it("one trip's phrasings do not reach another trip's vocabulary", () => {
    new Vocabulary([{ id: "faq:pickup", phrases: ["race number pick up", "race number"] }]);
    const other = new Vocabulary();
    expect(other.analyse("race number pick up")[0]).toMatchObject({
      word: "race number",
      groups: builtInGroups,
    });
  });
});
