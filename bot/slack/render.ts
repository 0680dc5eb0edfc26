import {
  type Block,
  momentInDestination,
  type Reply,
  replyParts,
  type Span,
  spansToPlainText,
  text,
} from "../reply";
import type { ButtonElement, Mrkdwn, SlackBlock, SlackMessage } from "./blocks";
import { SLACK_LIMITS as L } from "./limits";
import { escapeText, packPieces, shorten, spanPieces } from "./mrkdwn";

export interface RenderOptions {
  /** Buttons for message `index` of `count` (share, show more); none by default. */
  buttons?: (position: { index: number; count: number }) => ButtonElement[];
  /** Small print (mrkdwn, already escaped) at the end of every message, e.g. who shared it. */
  footer?: string;
  /**
   * A ping in Slack's syntax for the first message, as a channel's organisers set it
   * (`<!here>`, `<!subteam^ID>`); it replaces the reply's own. Nothing else in a post pings.
   */
  ping?: string;
}

/** Blocks every message may add around its content: header, "continues", footer, buttons. */
const RESERVED_BLOCKS = 4;
const CONTENT_BUDGET = L.blocksPerMessage - RESERVED_BLOCKS;

const mrkdwn = (value: string): Mrkdwn => ({ type: "mrkdwn", text: value });
const section = (value: string): SlackBlock => ({ type: "section", text: mrkdwn(value) });

/** Lines packed into as few texts of at most `limit` characters as fit, split between lines. */
function packLines(lines: string[], limit: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= limit)
      out[out.length - 1] = `${last}\n${line}`;
    else out.push(line);
  }
  return out;
}

function contextBlocks(spans: Span[]): SlackBlock[] {
  const chunks = packPieces(spanPieces(spans, L.contextText), L.contextText);
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < chunks.length; i += L.contextElements) {
    blocks.push({ type: "context", elements: chunks.slice(i, i + L.contextElements).map(mrkdwn) });
  }
  return blocks;
}

function blockToSlack(block: Block): SlackBlock[] {
  switch (block.type) {
    case "heading":
      return packPieces(spanPieces([text(block.text, true)], L.sectionText), L.sectionText).map(
        section,
      );
    case "paragraph":
      return packPieces(spanPieces(block.spans, L.sectionText), L.sectionText).map(section);
    case "context":
      return contextBlocks(block.spans);
    case "list": {
      const lines = block.items.flatMap((item) =>
        packPieces(["• ", ...spanPieces(item, L.sectionText - 2)], L.sectionText),
      );
      return packLines(lines, L.sectionText).map(section);
    }
    case "fields": {
      const out: SlackBlock[] = [];
      let group: Mrkdwn[] = [];
      const flush = () => {
        if (group.length > 0) out.push({ type: "section", fields: group });
        group = [];
      };
      for (const field of block.fields) {
        const label = `*${escapeText(field.label)}*\n`;
        const pieces = spanPieces(field.value, L.fieldText);
        const whole = label + pieces.join("");
        if (whole.length <= L.fieldText) {
          group.push(mrkdwn(whole));
          if (group.length === L.sectionFields) flush();
        } else {
          // Too long for a field: it becomes sections of its own, in its place.
          flush();
          out.push(...packPieces([label, ...pieces], L.sectionText).map(section));
        }
      }
      flush();
      return out;
    }
  }
}

function blockPlainText(block: Block): string {
  const plain = (spans: Span[]) => spansToPlainText(spans, momentInDestination);
  switch (block.type) {
    case "heading":
      return block.text;
    case "paragraph":
    case "context":
      return plain(block.spans);
    case "list":
      return block.items.map((i) => `• ${plain(i)}`).join("\n");
    case "fields":
      return block.fields.map((f) => `${f.label}: ${plain(f.value)}`).join("\n");
  }
}

/** The notification text: plain, escaped (Slack parses it too), shortened at a word. */
function fallbackText(title: string, body: string, limit: number = L.messageText): string {
  let room = limit;
  for (;;) {
    const candidate = escapeText(shorten(`${title}\n${body}`.trim(), room));
    if (candidate.length <= limit) return candidate;
    room -= candidate.length - limit;
  }
}

/** The one ping a reply may ask for (an organiser's `@here`), in Slack's own syntax. */
const PING = { here: "<!here>" } as const;

interface Chunk {
  blocks: SlackBlock[];
  plain: string[];
  labels: string[];
}

/**
 * Renders a Reply as one or more Slack messages, each within Slack's limits. A reply too long
 * for one message is split between its parts (days, topics), and only inside a part that alone
 * is too long; text is split between words.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const title = reply.title.trim() || "Answer";
  const header = shorten(title, L.headerText);
  const lead: Block[] = header === title ? [] : [{ type: "paragraph", spans: [text(title, true)] }];
  const parts = replyParts({ ...reply, blocks: [...lead, ...reply.blocks] });
  const ping = options.ping ?? (reply.mention ? PING[reply.mention] : undefined);
  // A ping takes a block of the first message, after its header.
  const budget = CONTENT_BUDGET - (ping ? 1 : 0);

  const chunks: Chunk[] = [];
  let current: Chunk = { blocks: [], plain: [], labels: [] };
  const flush = () => {
    if (current.blocks.length > 0) chunks.push(current);
    current = { blocks: [], plain: [], labels: [] };
  };
  for (const part of parts) {
    const blocks = part.flatMap(blockToSlack);
    const plain = part.map(blockPlainText);
    const first = part[0];
    const label = first?.type === "heading" ? first.text : undefined;
    if (current.blocks.length + blocks.length > budget) flush();
    for (let i = 0; i < blocks.length; i += budget) {
      if (i > 0) flush();
      current.blocks.push(...blocks.slice(i, i + budget));
    }
    current.plain.push(...plain);
    if (label) current.labels.push(label);
  }
  flush();
  if (chunks.length === 0) chunks.push({ blocks: [], plain: [], labels: [] });

  const count = chunks.length;
  return chunks.map((chunk, index) => {
    const blocks: SlackBlock[] = [
      {
        type: "header",
        text: {
          type: "plain_text",
          text: index === 0 ? header : shorten(`${title} (${index + 1}/${count})`, L.headerText),
          emoji: true,
        },
      },
      ...(ping && index === 0 ? [section(ping)] : []),
      ...chunk.blocks,
    ];
    const next = chunks[index + 1];
    if (next) {
      const upcoming = next.labels.length > 0 ? `: ${next.labels.join(", ")}` : "";
      blocks.push(...contextBlocks([text(`Continued in the next message${upcoming}`)]).slice(0, 1));
    }
    if (options.footer) {
      blocks.push({ type: "context", elements: [mrkdwn(shorten(options.footer, L.contextText))] });
    }
    const buttons = options.buttons?.({ index, count }) ?? [];
    if (buttons.length > 0) {
      blocks.push({ type: "actions", elements: buttons.slice(0, L.actionsElements) });
    }
    const plain = chunk.plain.join("\n");
    if (ping && index === 0) {
      return {
        text: `${ping} ${fallbackText(title, plain, L.messageText - ping.length - 1)}`,
        blocks,
      };
    }
    return { text: fallbackText(title, plain), blocks };
  });
}
