import { describe, expect, it } from "vitest";
import { closestCommand } from "../../bot/commands/registry";
import { closest, editDistance } from "../../bot/search/distance";

describe("edit distance", () => {
  it("counts a typing slip as one edit, a swap included", () => {
    expect(editDistance("vsia", "visa", 3)).toBe(1);
    expect(editDistance("itinerery", "itinerary", 3)).toBe(1);
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("", "abc", 5)).toBe(3);
  });

  it("tells distances apart only up to its bound", () => {
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("abcdef", "ghijkl", 1)).toBe(2);
    // Lengths alone can settle it, however long the word.
    expect(editDistance("x".repeat(1_000_000), "itinerary", 3)).toBe(4);
  });

  it("bounds the work by the allowance for long words of equal length", () => {
    // Same length and one letter apart: a full table would be 10^10 cells.
    const a = `${"x".repeat(99_999)}a`;
    const b = `${"x".repeat(99_999)}b`;
    expect(editDistance(a, b, 2)).toBe(1);
    expect(editDistance(a, `b${"x".repeat(99_999)}`, 1)).toBe(2);
  });

  it("finds what a slip meant, and nothing for a word that is no slip", () => {
    expect(closest("Itinerery", ["itinerary", "when", "where"])).toBe("itinerary");
    expect(closest("wehn", ["itinerary", "when", "where"])).toBe("when");
    expect(closest("x".repeat(1_000_000), ["itinerary", "when"])).toBeUndefined();
    expect(closestCommand("x".repeat(1_000_000))).toBeUndefined();
    expect(closestCommand("remindrs")?.name).toBe("reminders");
  });
});
