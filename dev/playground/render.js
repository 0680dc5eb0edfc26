// Draws platform JSON (Block Kit messages, Discord messages) the way each client shows it.
import { discordMarkdown, esc, slackMrkdwn } from "./format.js";

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
            `<button type="button" class="sk-button ${e.style ?? ""}" data-platform="slack" data-action="${esc(e.action_id)}" data-value="${esc(e.value ?? "")}">${esc(e.text?.text ?? "")}</button>`,
        )
        .join("")}</div>`;
    default:
      return `<div class="unknown">[${esc(block.type)} block]</div>`;
  }
}

/** One Slack message (blocks, or the text when there are none). */
export function slackMessage(message, { ephemeral = false, note = "" } = {}) {
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  const body =
    blocks.length > 0
      ? blocks.map(slackBlock).join("")
      : `<div class="sk-text">${slackMrkdwn(message.text ?? "")}</div>`;
  const who = `<div class="who"><span class="avatar sk">TB</span><b>Trip bot</b><span class="app">APP</span>${note ? `<span class="note">${esc(note)}</span>` : ""}</div>`;
  const tag = ephemeral ? '<div class="only-you">Only visible to you</div>' : "";
  return `${who}<div class="sk-body">${body}</div>${tag}`;
}

const hex = (color) => `#${(color ?? 0x1e1f22).toString(16).padStart(6, "0")}`;

function discordEmbed(embed) {
  const fields = (embed.fields ?? [])
    .map(
      (f) =>
        `<div class="dc-field${f.inline ? " inline" : ""}"><div class="dc-field-name">${discordMarkdown(f.name)}</div><div class="dc-field-value">${discordMarkdown(f.value)}</div></div>`,
    )
    .join("");
  return `<div class="dc-embed" style="border-left-color:${hex(embed.color)}">
    ${embed.author ? `<div class="dc-author">${esc(embed.author.name)}</div>` : ""}
    ${embed.title ? `<div class="dc-title">${embed.url ? `<a href="${esc(embed.url)}">${discordMarkdown(embed.title)}</a>` : discordMarkdown(embed.title)}</div>` : ""}
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
              ? `<a class="dc-button link" href="${esc(c.url)}" target="_blank" rel="noopener">${esc(c.label ?? "")} ↗</a>`
              : `<button type="button" class="dc-button ${BUTTON_STYLES[c.style] ?? "secondary"}" data-platform="discord" data-action="${esc(c.custom_id ?? "")}"${c.disabled ? " disabled" : ""}>${esc(c.label ?? "")}</button>`,
          )
          .join("")}</div>`,
    )
    .join("");
}

/** One Discord message: content, embeds and buttons. */
export function discordMessage(message, { note = "" } = {}) {
  const ephemeral = ((message.flags ?? 0) & 64) !== 0;
  const who = `<div class="who"><span class="avatar dc">TB</span><b>Trip bot</b><span class="app">APP</span>${note ? `<span class="note">${esc(note)}</span>` : ""}</div>`;
  const content = message.content
    ? `<div class="dc-content">${discordMarkdown(message.content)}</div>`
    : "";
  const embeds = (message.embeds ?? []).map(discordEmbed).join("");
  const tag = ephemeral
    ? '<div class="only-you">Only you can see this · Dismiss message</div>'
    : "";
  return `${who}<div class="dc-body">${content}${embeds}${discordComponents(message.components)}</div>${tag}`;
}
