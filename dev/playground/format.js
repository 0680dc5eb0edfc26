// Platform text → HTML for the playground. Only the platforms' own markup is drawn here: the
// bot's answers arrive as the JSON Slack and Discord would get, and each platform shows every
// reader a timestamp token in the reader's own zone, which is what the chosen zone does.

export const esc = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

/** The reader's settings: zone and locale, as a Slack or Discord client has them. */
export const reader = { zone: "UTC", locale: "en-US" };

const fmt = (unix, options) =>
  new Intl.DateTimeFormat(reader.locale, { timeZone: reader.zone, ...options }).format(
    new Date(unix * 1000),
  );

const dayKey = (date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: reader.zone, dateStyle: "short" }).format(date);

/** "today", "yesterday", "tomorrow" or undefined, in the reader's zone. */
function prettyDay(unix) {
  const now = Date.now();
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
  const seconds = unix - Date.now() / 1000;
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

const ordinal = (n) => {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return n + (s[(v - 20) % 10] || s[v] || s[0]);
};

/** Slack's `<!date^…^{tokens}|fallback>` tokens. */
const SLACK_DATE = {
  date_num: (u) => dayKey(new Date(u * 1000)),
  date: (u) =>
    `${fmt(u, { month: "long" })} ${ordinal(Number(fmt(u, { day: "numeric" })))}, ${fmt(u, { year: "numeric" })}`,
  date_short: (u) => fmt(u, { month: "short", day: "numeric", year: "numeric" }),
  date_long: (u) => `${fmt(u, { weekday: "long" })}, ${SLACK_DATE.date(u)}`,
  date_pretty: (u) => prettyDay(u) ?? SLACK_DATE.date(u),
  date_short_pretty: (u) => prettyDay(u) ?? SLACK_DATE.date_short(u),
  date_long_pretty: (u) => prettyDay(u) ?? SLACK_DATE.date_long(u),
  time: (u) => fmt(u, { hour: "numeric", minute: "2-digit" }),
  time_secs: (u) => fmt(u, { hour: "numeric", minute: "2-digit", second: "2-digit" }),
  ago: (u) => relative(u),
};

function slackDate(unix, format, fallback) {
  const text = format.replace(/\{(\w+)\}/g, (whole, name) =>
    SLACK_DATE[name] ? SLACK_DATE[name](unix) : whole,
  );
  return tsSpan(unix, text, `Slack date token; fallback: ${fallback}`);
}

const tsSpan = (unix, text, title) =>
  `<span class="ts" data-unix="${unix}" title="${esc(title)}">${esc(text)}</span>`;

/** Placeholders keep tokens whole while the rest of the text is escaped and styled. */
function withPlaceholders(source, patterns, style) {
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

const slackInline = (html) =>
  html
    .replace(/```([\s\S]+?)```/g, "<pre>$1</pre>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=$|[\s.,;:!?)])/gm, "$1<strong>$2</strong>")
    .replace(/(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=$|[\s.,;:!?)])/gm, "$1<em>$2</em>")
    .replace(/(^|[\s(])~(\S(?:[^~\n]*\S)?)~(?=$|[\s.,;:!?)])/gm, "$1<s>$2</s>")
    .replace(/^&gt; ?(.*)$/gm, "<blockquote>$1</blockquote>")
    .replace(/\n/g, "<br>");

const unescapeSlack = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Slack mrkdwn → HTML: `<!date^…>`, `<url|label>`, mentions, *bold*, _italic_, `code`. */
export function slackMrkdwn(source) {
  return withPlaceholders(
    source,
    [
      [
        /<!date\^(\d+)\^([^|>]*)(?:\^[^|>]*)?\|([^>]*)>/g,
        (_, unix, format, fallback) => slackDate(Number(unix), format, unescapeSlack(fallback)),
      ],
      [
        /<((?:https?:|mailto:)[^|>]+)(?:\|([^>]*))?>/g,
        (_, url, label) =>
          `<a href="${esc(unescapeSlack(url))}" target="_blank" rel="noopener">${esc(unescapeSlack(label ?? url))}</a>`,
      ],
      [
        /<([@#!])([^|>]+)(?:\|([^>]*))?>/g,
        (_, k, id, label) =>
          `<span class="mention">${esc(label ?? `${k === "!" ? "@" : k}${id}`)}</span>`,
      ],
      [/&(lt|gt|amp);/g, (_, e) => esc({ lt: "<", gt: ">", amp: "&" }[e])],
    ],
    slackInline,
  );
}

/** Discord's `<t:UNIX:STYLE>` timestamps. */
const DISCORD_TIME = {
  t: (u) => fmt(u, { timeStyle: "short" }),
  T: (u) => fmt(u, { timeStyle: "medium" }),
  d: (u) => fmt(u, { dateStyle: "short" }),
  D: (u) => fmt(u, { dateStyle: "long" }),
  f: (u) => fmt(u, { dateStyle: "long", timeStyle: "short" }),
  F: (u) => fmt(u, { dateStyle: "full", timeStyle: "short" }),
  R: (u) => relative(u),
};

const discordInline = (html) =>
  html
    .replace(/```([\s\S]+?)```/g, "<pre>$1</pre>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/\*\*([\s\S]+?)\*\*/g, "<strong>$1</strong>")
    .replace(/__([\s\S]+?)__/g, "<u>$1</u>")
    .replace(/~~([\s\S]+?)~~/g, "<s>$1</s>")
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, "$1<em>$2</em>")
    .replace(/(^|\W)_(?!\s)([^_\n]+?)_(?!\w)/g, "$1<em>$2</em>")
    .replace(/^### (.*)$/gm, "<h5>$1</h5>")
    .replace(/^## (.*)$/gm, "<h4>$1</h4>")
    .replace(/^# (.*)$/gm, "<h3>$1</h3>")
    .replace(/^-# (.*)$/gm, '<small class="subtext">$1</small>')
    .replace(/^&gt; (.*)$/gm, "<blockquote>$1</blockquote>")
    .replace(/^[-*] (.*)$/gm, "• $1")
    .replace(/\n/g, "<br>");

const ESCAPE = [/\\([^\w\s])/g, (_, c) => esc(c)];

/** Discord markdown → HTML: `<t:…>`, [label](url), **bold**, *italic*, escapes, lists. */
export function discordMarkdown(source) {
  return withPlaceholders(
    source,
    [
      [
        /<t:(-?\d+)(?::([tTdDfFR]))?>/g,
        (_, unix, style = "f") =>
          tsSpan(Number(unix), DISCORD_TIME[style](Number(unix)), `Discord timestamp :${style}`),
      ],
      [
        /\[((?:\\.|[^\]\\])+)\]\((\S+?)\)/g,
        (_, label, url) =>
          `<a href="${esc(decodeURI(url))}" target="_blank" rel="noopener">${withPlaceholders(label, [ESCAPE], discordInline)}</a>`,
      ],
      ESCAPE,
      [/<@!?(\d+)>/g, (_, id) => `<span class="mention">@${esc(id)}</span>`],
    ],
    discordInline,
  );
}
