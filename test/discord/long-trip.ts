import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { PYONGYANG } from "../helpers/local-table";

/**
 * The Pyongyang trip stretched until no rendering of it fits one Discord message: 30 days of
 * 8 items with long notes, a very long FAQ answer and rules, and markdown and mentions in text.
 */
export async function writeLongTrip(): Promise<string> {
  const trip = parse(await readFile(PYONGYANG, "utf8"));
  const long = (n: number) =>
    `@everyone **not bold** <@123> # not a heading ${"A long note about the day. ".repeat(n)}`;
  trip.id = "long-trip";
  trip.itinerary = Array.from({ length: 30 }, (_, d) =>
    Array.from({ length: 8 }, (_, i) => {
      const date = new Date(Date.UTC(2025, 3, 1 + d)).toISOString().slice(0, 10);
      return {
        id: `item-${d}-${i}`,
        start: `${date} ${String(7 + i).padStart(2, "0")}:00`,
        title: `Item ${i + 1} of day ${d + 1} ${"with a long title ".repeat(i === 0 ? 20 : 1)}`,
        place: "Somewhere *in* _Pyongyang_",
        notes: long(d === 0 && i === 0 ? 400 : 6),
      };
    }),
  ).flat();
  trip.faq = [
    ...trip.faq,
    {
      id: "long",
      question: `A very long question ${"really ".repeat(60)}?`,
      answer: long(400),
      keywords: ["long"],
    },
  ];
  trip.rules = [
    ...trip.rules,
    {
      topic: "long",
      title: `Long rules ${"title ".repeat(60)}`,
      rules: Array.from({ length: 60 }, () => long(10)),
    },
  ];
  const dir = await mkdtemp(join(tmpdir(), "long-trip-"));
  const file = join(dir, "long-trip.yaml");
  await writeFile(file, stringify(trip));
  return file;
}
