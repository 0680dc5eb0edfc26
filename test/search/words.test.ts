import { describe, expect, it } from "vitest";
import { normalise } from "../../bot/answer/text";
import { words } from "../../bot/search/matcher";

describe("a text's words", () => {
  it("are lowercase letters and digits, split at everything else", () => {
    expect(words("Bus at 9AM -- gate B12, don't be late!\n\tOK?")).toEqual([
      "bus",
      "at",
      "9am",
      "gate",
      "b12",
      "don",
      "t",
      "be",
      "late",
      "ok",
    ]);
  });

  it("lose their accents, so a word typed without them is the same word", () => {
    expect(words("Café CRÈME-brûlée, Ürümqi 10K")).toEqual(words("Cafe CREME-brulee, Urumqi 10K"));
    expect(words("Café CRÈME-brûlée")).toEqual(["cafe", "creme", "brulee"]);
    expect(words("Ｃafé ﬁnish — Ñandú, Øresund")).toEqual(["cafe", "finish", "nandu", "øresund"]);
  });

  it("are parted by dashes, arrows, quotes, degrees and currency signs", () => {
    expect(words("Start 07:00–08:00 → finish · 12°C, £5/€6 “ok” — don’t")).toEqual([
      "start",
      "07",
      "00",
      "08",
      "00",
      "finish",
      "12",
      "c",
      "5",
      "6",
      "ok",
      "don",
      "t",
    ]);
    expect(words("Ärzte – 12°C")).toEqual(["arzte", "12", "c"]);
  });

  it("keep letters of any script", () => {
    expect(words("Αθήνα — Пхеньян marathon")).toEqual(["αθηνα", "пхеньян", "marathon"]);
  });
});

describe("trip text's hyphenated words", () => {
  it("are also read joined, as travellers type them ('e-visa' is 'evisa')", () => {
    expect(normalise("Apply for your E-Visa – 10 days", true)).toEqual([
      "apply",
      "for",
      "your",
      "e",
      "visa",
      "evisa",
      "10",
      "days",
    ]);
    expect(normalise("Café-bar open", true)).toEqual(["cafe", "bar", "cafebar", "open"]);
  });
});
