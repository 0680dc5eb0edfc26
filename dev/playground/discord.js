// Discord in the playground: messages, embeds and components drawn as Discord's client shows
// them, and how a Discord answer arrives (the interaction response, then follow-ups and edits).
import { esc, fmt, relative, safeUrl, tsSpan, withPlaceholders } from "./format.js";

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
function discordMarkdown(source) {
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
          `<a href="${safeUrl(url)}" target="_blank" rel="noopener">${withPlaceholders(label, [ESCAPE], discordInline)}</a>`,
      ],
      ESCAPE,
      [/<@!?(\d+)>/g, (_, id) => `<span class="mention">@${esc(id)}</span>`],
    ],
    discordInline,
  );
}
const hex = (color) =>
  `#${(Number.isInteger(color) && color >= 0 && color <= 0xffffff ? color : 0x1e1f22).toString(16).padStart(6, "0")}`;

function discordEmbed(embed) {
  const fields = (embed.fields ?? [])
    .map(
      (f) =>
        `<div class="dc-field${f.inline ? " inline" : ""}"><div class="dc-field-name">${discordMarkdown(f.name)}</div><div class="dc-field-value">${discordMarkdown(f.value)}</div></div>`,
    )
    .join("");
  return `<div class="dc-embed" style="border-left-color:${hex(embed.color)}">
    ${embed.author ? `<div class="dc-author">${esc(embed.author.name)}</div>` : ""}
    ${embed.title ? `<div class="dc-title">${embed.url ? `<a href="${safeUrl(embed.url)}">${discordMarkdown(embed.title)}</a>` : discordMarkdown(embed.title)}</div>` : ""}
    ${embed.description ? `<div class="dc-description">${discordMarkdown(embed.description)}</div>` : ""}
    ${fields ? `<div class="dc-fields">${fields}</div>` : ""}
    ${embed.footer ? `<div class="dc-footer">${esc(embed.footer.text)}</div>` : ""}
  </div>`;
}

const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };

function discordComponents(rows) {
  return (rows ?? [])
    .map(
      (row) =>
        `<div class="dc-row">${(row.components ?? [])
          .filter((c) => c.type === 2)
          .map((c) =>
            c.style === 5
              ? `<a class="dc-button link" href="${safeUrl(c.url)}" target="_blank" rel="noopener">${esc(c.label ?? "")} ↗</a>`
              : `<button type="button" class="dc-button ${BUTTON_STYLES[c.style] ?? "secondary"}" data-platform="discord" data-action="${esc(c.custom_id ?? "")}"${c.disabled ? " disabled" : ""}>${esc(c.label ?? "")}</button>`,
          )
          .join("")}</div>`,
    )
    .join("");
}

/** One Discord message: content, embeds and buttons. */
function discordMessage(message, { note = "" } = {}) {
  const ephemeral = ((message.flags ?? 0) & 64) !== 0;
  const who = `<div class="who"><span class="avatar dc">TB</span><b>Trip bot</b><span class="app">APP</span>${note ? `<span class="note">${esc(note)}</span>` : ""}</div>`;
  const content = message.content
    ? `<div class="dc-content">${discordMarkdown(message.content)}</div>`
    : "";
  const embeds = (message.embeds ?? []).map(discordEmbed).join("");
  // A file on Discord's CDN (the stand-in's) opens from its URL.
  const files = (message.attachments ?? [])
    .map((a) =>
      a.url
        ? `<div class="dc-file file-link">📎 <a href="${safeUrl(a.url)}" download="${esc(a.filename ?? "file")}">${esc(a.filename ?? "file")}</a></div>`
        : `<div class="dc-file">📎 ${esc(a.filename ?? "file")}</div>`,
    )
    .join("");
  const tag = ephemeral
    ? '<div class="only-you">Only you can see this · Dismiss message</div>'
    : "";
  return `${who}<div class="dc-body">${content}${embeds}${files}${discordComponents(message.components)}</div>${tag}`;
}

/** A modal (interaction response type 9) as Discord's client draws it: its text inputs, prefilled. */
function discordForm(data) {
  const fields = (data.components ?? [])
    .flatMap((row) => row.components ?? [])
    .filter((c) => c.type === 4 && c.custom_id)
    .map((c) => {
      const name = esc(c.custom_id);
      const attrs = [
        c.required === false ? "" : " required",
        c.max_length ? ` maxlength="${Number(c.max_length)}"` : "",
        c.min_length ? ` minlength="${Number(c.min_length)}"` : "",
        c.placeholder ? ` placeholder="${esc(c.placeholder)}"` : "",
      ].join("");
      const input =
        c.style === 2
          ? `<textarea name="${name}" rows="3"${attrs}>${esc(c.value ?? "")}</textarea>`
          : `<input type="text" name="${name}" value="${esc(c.value ?? "")}"${attrs}>`;
      return `<label class="form-field" data-field="${name}"><span class="form-label">${esc(c.label ?? "")}</span>${input}<span class="field-error"></span></label>`;
    });
  return {
    id: data.custom_id,
    title: data.title ?? "",
    submit: "Submit",
    close: "Cancel",
    html: fields.join(""),
  };
}

export const view = {
  subtitle: "Discord · embeds",
  logo: "dc",
  /** A command carries a file in its attachment option. */
  commandFiles: true,
  render: discordMessage,
  /**
   * The interaction response: a message (4), "thinking…" (5), an update of the clicked one (7)
   * or a modal (9).
   */
  show(answer, ui, source) {
    const { type, data } = answer.body ?? {};
    let placeholder;
    if (answer.status !== 200) {
      ui.add({
        kind: "info",
        text: `Discord handler answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`,
      });
    } else if (type === 4) {
      ui.add({ message: data });
    } else if (type === 5) {
      placeholder = ui.add({
        message: { content: "*Trip bot is thinking…*", flags: data?.flags ?? 0 },
      });
    } else if (type === 7 && source) {
      ui.replace(source, { ...source.message, ...data });
    } else if (type === 9 && data) {
      ui.openForm(discordForm(data));
    }
    return { placeholder };
  },
  /** The original response edited, or a follow-up. */
  later({ kind, message }, target, ui) {
    const original = target.placeholder ?? target.source;
    if (kind === "original" && target.placeholder) {
      // "Thinking…" was never a message: the edit is the whole answer, as private as it was.
      ui.replace(target.placeholder, { flags: target.placeholder.message.flags, ...message });
    } else if (kind === "original" && original) {
      ui.replace(original, { ...original.message, ...message }, { note: "" });
    } else {
      ui.add({ message, options: { note: "follow-up" } });
    }
  },
};
