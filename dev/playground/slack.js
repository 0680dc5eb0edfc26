// Slack in the playground: Block Kit and mrkdwn drawn as Slack's client shows them, and how a
// Slack answer arrives (in the HTTP response, then through response_url).
import {
  dayKey,
  esc,
  fmt,
  ordinal,
  prettyDay,
  relative,
  safeUrl,
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
  return `${who}<div class="sk-body">${body}${(message.files ?? []).map(slackFile).join("")}</div>${tag}`;
}

/** A file shared in a message: its public link opens it here, as a signed-in member would. */
function slackFile(file) {
  const name = esc(file.title ?? file.name ?? "file");
  return file.permalink_public
    ? `<div class="sk-file file-link">📎 <a href="${safeUrl(file.permalink_public)}" download="${esc(file.name ?? "file")}">${name}</a></div>`
    : `<div class="sk-file file-link">📎 ${name}</div>`;
}

/** A modal view as Slack's client draws it: its input blocks, prefilled. */
function slackForm(view) {
  const fields = (view.blocks ?? [])
    .filter((b) => b.type === "input" && b.element?.action_id)
    .map((b) => {
      const e = b.element;
      const name = esc(e.action_id);
      const required = b.optional ? "" : " required";
      const max = e.max_length ? ` maxlength="${Number(e.max_length)}"` : "";
      let input;
      if (e.type === "file_input") {
        const accept = (e.filetypes ?? []).map((t) => `.${esc(t)}`).join(",");
        input = `<input type="file" name="${name}" accept="${accept}"${required}>`;
      } else if (e.multiline) {
        input = `<textarea name="${name}" rows="3"${max}${required}>${esc(e.initial_value ?? "")}</textarea>`;
      } else {
        input = `<input type="text" name="${name}" value="${esc(e.initial_value ?? "")}"${max}${required}>`;
      }
      const optional = b.optional ? " <small>(optional)</small>" : "";
      const hint = b.hint ? `<small class="form-hint">${esc(b.hint.text)}</small>` : "";
      return `<label class="form-field" data-field="${esc(b.block_id ?? "")}"><span class="form-label">${esc(b.label?.text ?? "")}${optional}</span>${input}${hint}<span class="field-error"></span></label>`;
    });
  return {
    id: view.id,
    title: view.title?.text ?? "",
    submit: view.submit?.text ?? "Submit",
    close: view.close?.text ?? "Cancel",
    html: fields.join(""),
  };
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
  /** Where a post went, when not the reader's channel: a D… channel is a direct message. */
  where: (channel) => (channel.startsWith("D") ? "direct message" : undefined),
  /** A view_submission answered with errors beside fields (`response_action: "errors"`). */
  formErrors: (answer) =>
    answer?.body?.response_action === "errors" ? (answer.body.errors ?? {}) : undefined,
  /**
   * A message through the request's response_url, a modal it opened (views.open with its
   * trigger id), or a private message sent on its own (chat.postEphemeral).
   */
  later({ kind, ref, message }, target, ui) {
    if (kind === "form") {
      ui.openForm(slackForm(message.view ?? {}));
    } else if (message.delete_original) {
      if (target.source) ui.remove(target.source);
    } else if (message.replace_original === true && target.source) {
      ui.replace(target.source, message, { ephemeral: ephemeral(message) });
    } else {
      const note = ref === undefined ? "" : "via response_url";
      ui.add({ message, options: { ephemeral: ephemeral(message), note } });
    }
  },
};
