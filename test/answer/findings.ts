import type { Finding } from "../../bot/answer/find";

/** The entry answered surely, or undefined when the bot is unsure. */
export const answered = (f: Finding) => (f.sure ? f.best.entry.id : undefined);

/** What the reply leads with: the sure answer, or the first of the choices offered. */
export const first = (f: Finding) => (f.sure ? f.best.entry.id : f.choices[0]?.entry.id);

/** Every entry the reply shows: the answer and what stands beside it, or the choices. */
export const shown = (f: Finding) =>
  f.sure ? [f.best.entry.id, ...f.also.map((r) => r.entry.id)] : f.choices.map((r) => r.entry.id);
