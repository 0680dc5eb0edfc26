/**
 * Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, so "vsia" is one
 * edit from "visa", as a typing slip is. Only distances up to `max` are told apart (anything
 * further is `max + 1`), and only the cells within `max` of the diagonal are computed, so the
 * cost is the shorter string's length times `2 * max + 1`: a word a million characters long
 * that someone sends costs a few milliseconds, not the seconds a full table would.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  if (t.length - s.length > max) return max + 1;
  const far = max + 1;
  // Three rows, reused in turn; cells outside the band read as "too far".
  const rows = [0, 1, 2].map(() => new Array<number>(t.length + 1).fill(far));
  const first = rows[0] as number[];
  for (let j = 0; j <= Math.min(t.length, max); j++) first[j] = j;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i % 3] as number[];
    const prev = rows[(i - 1) % 3] as number[];
    const before = rows[(i - 2) % 3] as number[];
    const lo = Math.max(1, i - max);
    const hi = Math.min(t.length, i + max);
    row[lo - 1] = lo === 1 && i <= max ? i : far;
    let best = far;
    for (let j = lo; j <= hi; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      row[j] = Math.min(d, far);
      if (d < best) best = d;
    }
    if (hi < t.length) row[hi + 1] = far;
    if (best > max) return far;
  }
  return Math.min((rows[s.length % 3] as number[])[t.length] as number, far);
}

/** How far a typed word may be from `name` and still be a slip for it. */
const allowance = (name: string) => Math.max(1, Math.floor(name.length / 3));

/** The candidate closest to `word`, if it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  // Distances beyond the largest allowance decide nothing, so none is computed further.
  const max = Math.max(0, ...candidates.map(allowance));
  const w = word.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const c of candidates) {
    const d = c.startsWith(w) && w.length >= 2 ? 0.5 : editDistance(w, c, max);
    if (!best || d < best.d) best = { name: c, d };
  }
  return best && best.d <= allowance(best.name) ? best.name : undefined;
}
