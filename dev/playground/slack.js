// Slack in the playground: Block Kit and mrkdwn drawn as Slack's client shows them, and how a
// Slack answer arrives (in the HTTP response, then through response_url).
import {
  dayKey,
  esc,
  fmt,
  ordinal,
  prettyDay,
  relative,
  tsSpan,
  withPlaceholders,
} from "./format.js";

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
function slackMrkdwn(source) {
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

const textOf = (t) => (t?.type === "plain_text" ? esc(t.text) : slackMrkdwn(t?.text ?? ""));

function slackBlock(block) {
  switch (block.type) {
    case "header":
      return `<div class="sk-header">${esc(block.text?.text ?? "")}</div>`;
    case "section": {
      const text = block.text ? `<div class="sk-text">${textOf(block.text)}</div>` : "";
      const fields = block.fields
        ? `<div class="sk-fields">${block.fields.map((f) => `<div>${textOf(f)}</div>`).join("")}</div>`
        : "";
      return `<div class="sk-section">${text}${fields}</div>`;
    }
    case "context":
      return `<div class="sk-context">${(block.elements ?? []).map((e) => `<span>${textOf(e)}</span>`).join("")}</div>`;
    case "divider":
      return '<hr class="sk-divider">';
    case "actions":
      return `<div class="sk-actions">${(block.elements ?? [])
        .filter((e) => e.type === "button")
        .map(
          (e) =>
            `<button type="button" class="sk-button ${esc(e.style ?? "")}" data-platform="slack" data-action="${esc(e.action_id)}" data-value="${esc(e.value ?? "")}">${esc(e.text?.text ?? "")}</button>`,
        )
        .join("")}</div>`;
    default:
      return `<div class="unknown">[${esc(block.type)} block]</div>`;
  }
}

/** One Slack message (blocks, or the text when there are none). */
function slackMessage(message, { ephemeral = false, note = "" } = {}) {
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  const body =
    blocks.length > 0
      ? blocks.map(slackBlock).join("")
      : `<div class="sk-text">${slackMrkdwn(message.text ?? "")}</div>`;
  const who = `<div class="who"><span class="avatar sk">TB</span><b>Trip bot</b><span class="app">APP</span>${note ? `<span class="note">${esc(note)}</span>` : ""}</div>`;
  const tag = ephemeral ? '<div class="only-you">Only visible to you</div>' : "";
  return `${who}<div class="sk-body">${body}</div>${tag}`;
}

const ephemeral = (message) => message.response_type !== "in_channel";

export const view = {
  subtitle: "Slack · Block Kit",
  logo: "sk",
  render: slackMessage,
  /** The slash command's HTTP answer. */
  show(answer, ui) {
    if (answer.status !== 200) {
      ui.add({
        kind: "info",
        text: `Slack handler answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`,
      });
    } else if (
      answer.body &&
      typeof answer.body === "object" &&
      (answer.body.blocks || answer.body.text)
    ) {
      ui.add({ message: answer.body, options: { ephemeral: ephemeral(answer.body) } });
    }
    return {};
  },
  /** A message through the request's response_url. */
  later({ message }, target, ui) {
    if (message.delete_original) {
      if (target.source) ui.remove(target.source);
    } else if (message.replace_original === true && target.source) {
      ui.replace(target.source, message, { ephemeral: ephemeral(message) });
    } else {
      ui.add({ message, options: { ephemeral: ephemeral(message), note: "via response_url" } });
    }
  },
};
