import { type Moment, momentInDestination, type Span } from "../reply";
import { truncateUnits } from "../text/units";
import { formatInZone } from "../trip/time";

/**
 * Spans → Slack mrkdwn, as unbreakable pieces: a renderer that must split text packs pieces, so
 * it never cuts inside a word, a link or a date token.
 */

/**
 * Slack parses `&`, `<` and `>` in mrkdwn (`<!here>`, `<@U123>`), so text from a trip file is
 * escaped; a word joiner after a bare `@` keeps `@here` inert even where Slack links names.
 */
export function escapeText(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(here|channel|everyone)\b/gi, "@\u2060$1");
}

const DATE_TOKENS: Record<Moment["style"], string> = {
  date: "{date_long_pretty}",
  // Even for a bare time, the reader's date is shown: their day may not be the destination's.
  datetime: "{date_short_pretty} {time}",
  time: "{date_short_pretty} {time}",
};

/** `<!date^…>` shows every reader the instant in their own zone; the fallback is the destination's. */
function dateToken(m: Moment, tokens: string): string {
  const unix = Math.floor(m.at.getTime() / 1000);
  return `<!date^${unix}^${tokens}|${escapeText(momentInDestination(m))}>`;
}

/** "Sun 6 Apr 2025, 08:00 Pyongyang time (your time: <!date…>, <!date…{ago}>)". */
export function momentMrkdwn(m: Moment): string {
  const here = escapeText(momentInDestination(m));
  const yours: string[] = [];
  if (m.style !== "date") yours.push(`your time: ${dateToken(m, DATE_TOKENS[m.style])}`);
  if (m.relative) yours.push(dateToken(m, "{ago}"));
  return yours.length > 0 ? `${here} (${yours.join(", ")})` : here;
}

/**
 * "10:00–12:00 Pyongyang time (your time: <!date…>–<!date…{time}>)": a start and end in the
 * same zone read as one range rather than two moments with two zone labels.
 */
export function rangeMrkdwn(from: Moment, to: Moment): string {
  const fallback = `${formatInZone(from.at, from.zone, from.style)}–${momentInDestination(to)}`;
  const here = escapeText(fallback);
  if (from.style === "date") return here;
  const unix = (m: Moment) => Math.floor(m.at.getTime() / 1000);
  const start = `<!date^${unix(from)}^${DATE_TOKENS[from.style]}|${escapeText(momentInDestination(from))}>`;
  const end = `<!date^${unix(to)}^{time}|${escapeText(momentInDestination(to))}>`;
  return `${here} (your time: ${start}–${end})`;
}

const isRange = (a: Span | undefined, dash: Span | undefined, b: Span | undefined) =>
  a?.type === "moment" &&
  b?.type === "moment" &&
  dash?.type === "text" &&
  dash.text.trim() === "–" &&
  a.zone === b.zone &&
  !a.relative &&
  !b.relative &&
  a.style !== "date" &&
  b.style === "time";

function linkMrkdwn(url: string, label: string): string {
  // `|` and `>` end the link; a URL with them (or with no scheme Slack links) stays plain text.
  if (!/^(https?:\/\/|mailto:)[^\s|<>]+$/i.test(url)) return escapeText(`${label} (${url})`);
  return `<${url.replace(/&/g, "&amp;")}|${escapeText(label).replace(/\|/g, "¦")}>`;
}

/** Words keep their trailing whitespace, so joining pieces gives back the text. */
function words(value: string): string[] {
  return value.match(/\s+|\S+\s*/g) ?? [];
}

/** Wraps text in `*…*` with the whitespace outside, where Slack requires it. */
function bold(escaped: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped);
  const [, lead = "", core = "", trail = ""] = m ?? [];
  return core ? `${lead}*${core}*${trail}` : escaped;
}

/**
 * The mrkdwn of `spans` as pieces no wider than `limit` where possible: a bold phrase stays one
 * piece unless it alone is too long, then it is bolded word by word.
 */
export function spanPieces(spans: Span[], limit: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i] as Span;
    const end = spans[i + 2];
    if (isRange(s, spans[i + 1], end) && s.type === "moment" && end?.type === "moment") {
      pieces.push(rangeMrkdwn(s, end));
      i += 2;
    } else if (s.type === "moment") pieces.push(momentMrkdwn(s));
    else if (s.type === "link") pieces.push(linkMrkdwn(s.url, s.text));
    else if (!s.bold) pieces.push(...words(escapeText(s.text)));
    else {
      const whole = bold(escapeText(s.text));
      if (whole.length <= limit) pieces.push(whole);
      else pieces.push(...words(escapeText(s.text)).map(bold));
    }
  }
  return pieces;
}

export function spansMrkdwn(spans: Span[]): string {
  return spanPieces(spans, Number.POSITIVE_INFINITY).join("");
}

/**
 * Packs pieces into chunks of at most `limit` UTF-16 units (Slack's measure), breaking only
 * between pieces. A single piece longer than `limit` (a "word" thousands of characters long) is
 * the one thing cut, between graphemes.
 */
export function packPieces(pieces: string[], limit: number): string[] {
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    const done = current.trimEnd();
    if (done) chunks.push(done);
    current = "";
  };
  for (const piece of pieces) {
    const next = current === "" ? piece.trimStart() : piece;
    if (next === "") continue;
    if ((current + next).trimEnd().length <= limit) {
      current += next;
      continue;
    }
    flush();
    let rest = piece.trimStart();
    while (rest.trimEnd().length > limit) {
      const cut = truncateUnits(rest, limit);
      // Nothing fits only if the limit is shorter than one character; drop the rest then.
      if (cut === "") break;
      chunks.push(cut);
      rest = rest.slice(cut.length);
    }
    current = rest;
  }
  flush();
  return chunks;
}

/** Shortens plain text to `limit` at a word boundary, marking the cut with "…". */
export function shorten(value: string, limit: number): string {
  if (value.length <= limit) return value;
  const room = truncateUnits(value, limit - 1);
  const atWord = room.replace(/\s+\S*$/, "");
  return `${(atWord.length > limit / 2 ? atWord : room).trimEnd()}…`;
}
