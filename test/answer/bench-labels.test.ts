import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tripEntries } from "../../bot/answer/entries";
import { parseTripText } from "../../bot/trip/parse";

const DIR = "bench/answers";
const sets = readdirSync(DIR).filter((f) => f.endsWith(".yaml") && !f.endsWith("-trip.yaml"));

/**
 * The answers benchmark scores each question against the entry labelled as its answer: a label
 * that names no entry of its trip (after a trip file changed, or a slip) would count a right
 * answer as wrong without anyone noticing.
 */
describe("the answers benchmark's labels", () => {
  it.each(sets)("%s: every label names an entry of its trip, or none", (file) => {
    const set = parse(readFileSync(join(DIR, file), "utf8")) as {
      trip: string;
      questions: { q: unknown; a: string | string[] }[];
    };
    const parsed = parseTripText(readFileSync(set.trip, "utf8"), set.trip);
    if (!parsed.ok) throw new Error(`${set.trip} does not parse`);
    const ids = new Set(tripEntries(parsed.trip).map((e) => e.id));
    const unknown = set.questions.flatMap((l) =>
      (Array.isArray(l.a) ? l.a : [l.a]).filter((id) => id !== "none" && !ids.has(id)),
    );
    expect(unknown).toEqual([]);
    expect(set.questions.every((l) => typeof l.q === "string" && l.q.trim() !== "")).toBe(true);
  });
});
