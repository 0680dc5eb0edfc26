// What every platform's view of the playground shares: escaping, the reader's zone and locale,
// dates as a chat client shows them in that zone, and drawing text with tokens kept whole.

export const esc = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

/** A link's address, escaped, or "#" for anything but http(s) (a `javascript:` link runs code). */
export function safeUrl(url) {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? esc(parsed.href) : "#";
  } catch {
    return "#";
  }
}

/** The reader's settings: zone and locale, as a chat client has them. */
export const reader = { zone: "UTC", locale: "en-US", offsetMs: 0 };

/** The reader's "now": the real time, or the time the page pretends it is. */
const nowMs = () => Date.now() + reader.offsetMs;

export const fmt = (unix, options) =>
  new Intl.DateTimeFormat(reader.locale, { timeZone: reader.zone, ...options }).format(
    new Date(unix * 1000),
  );

export const dayKey = (date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: reader.zone, dateStyle: "short" }).format(date);

/** "today", "yesterday", "tomorrow" or undefined, in the reader's zone. */
export function prettyDay(unix) {
  const now = nowMs();
  const day = dayKey(new Date(unix * 1000));
  for (const [offset, word] of [
    [0, "today"],
    [-1, "yesterday"],
    [1, "tomorrow"],
  ]) {
    if (day === dayKey(new Date(now + offset * 86_400_000))) return word;
  }
  return undefined;
}

export function relative(unix) {
  const seconds = unix - nowMs() / 1000;
  const units = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["day", 86_400],
    ["hour", 3600],
    ["minute", 60],
    ["second", 1],
  ];
  const rtf = new Intl.RelativeTimeFormat(reader.locale, { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return "";
}

export const ordinal = (n) => {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
};

export const tsSpan = (unix, text, title) =>
  `<span class="ts" data-unix="${unix}" title="${esc(title)}">${esc(text)}</span>`;

/** Placeholders keep tokens whole while the rest of the text is escaped and styled. */
export function withPlaceholders(source, patterns, style) {
  const saved = [];
  let text = source;
  for (const [pattern, render] of patterns) {
    text = text.replace(pattern, (...m) => {
      saved.push(render(...m));
      return `\uE000${saved.length - 1}\uE001`;
    });
  }
  const html = style(esc(text));
  return html.replace(/\uE000(\d+)\uE001/g, (_, i) => saved[Number(i)]);
}
