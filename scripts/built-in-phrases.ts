/**
 * `npm run phrases`: writes bot/answer/built-in-phrases.ts, the built-in vocabulary (the travel
 * synonym groups, the kinds and their things, the words naming a part of the day) as the search
 * reads it: each phrase normalised and stemmed, tagged with its group, longest phrases first.
 * Stemming them at run time was ~9 ms of a cold container's first answer; reading the table is
 * a fraction of that. Run it after editing synonyms.ts, kinds.ts or clock-words.ts' part-of-day
 * words (a test fails until it is run).
 */
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { PART_WORD_TOKENS } from "../bot/answer/clock-words";
import { KIND_LINES } from "../bot/answer/kinds";
import { SYNONYM_GROUPS } from "../bot/answer/synonyms";
import {
  groupToken,
  kindToken,
  longestFirst,
  PHRASE_END,
  PHRASE_FIELDS,
  type Phrase,
  phraseOf,
} from "../bot/answer/text";

export const BUILT_IN_PHRASES_PATH = "bot/answer/built-in-phrases.ts";

/** Every built-in phrase, as the vocabulary's first build used to make them. */
export function builtInPhraseList(): Phrase[] {
  const synonyms = SYNONYM_GROUPS.flatMap((group, i) =>
    group.map((raw) => phraseOf(raw, groupToken(`g${i}`))),
  );
  const kinds = KIND_LINES.flatMap(({ kind, things }, i) => [
    ...kind.map((raw) => phraseOf(raw, kindToken(i))),
    ...things.map((raw) => ({ ...phraseOf(raw, kindToken(i)), askedOnly: true })),
  ]);
  // "tonight", "curfew": the words naming a part of the day are also in its group.
  const partsOfDay = PART_WORD_TOKENS.map(([raw, group]) => phraseOf(raw, group));
  return [...synonyms, ...kinds, ...partsOfDay]
    .filter((p) => p.stems.length > 0)
    .sort(longestFirst);
}

export function builtInPhrasesModule(): string {
  const lines = builtInPhraseList().map((p) =>
    [
      p.raw,
      // Left out where they are the words themselves: the table is in every bundle.
      p.stems.join(" ") === p.raw ? "" : p.stems.join(" "),
      p.group,
      ...(p.askedOnly ? ["asked"] : []),
    ].join(PHRASE_FIELDS),
  );
  return `// Written by \`npm run phrases\` (scripts/built-in-phrases.ts) from synonyms.ts, kinds.ts and
// clock-words.ts; do not edit.
/**
 * The built-in phrases, longest first, each ended by "${PHRASE_END}" but the last: the words${PHRASE_FIELDS}their
 * stems (none where they are the words)${PHRASE_FIELDS}the group's token, and "${PHRASE_FIELDS}asked" for a thing of a
 * kind. Stemmed ahead, as stemming them was ~9 ms of a cold answer; one string on one line, so
 * that loading it costs next to nothing where it is not read and the bundle stays minified.
 */
export const BUILT_IN_PHRASES =
  "${lines.join(PHRASE_END)}";
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await writeFile(BUILT_IN_PHRASES_PATH, builtInPhrasesModule());
  console.log(`Wrote ${BUILT_IN_PHRASES_PATH}`);
}
