import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
} from "discord-api-types/v10";
import {
  type Block,
  type Moment,
  momentInDestination,
  type Reply,
  replyParts,
  type Span,
} from "../reply";
import { truncateUnits } from "../text/units";
import { choiceRow } from "./buttons";
import { DISCORD_LIMITS as L } from "./limits";
import { escapeMarkdown, escapeUrl } from "./markdown";

/** One Discord message, as an interaction response, follow-up or channel post takes it. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /**
   * Empty: trip text must never ping anyone. "everyone" only on the first message of a reply
   * that asks for `@here` (an organiser's announcement), whose content is just that ping.
   */
  allowed_mentions: { parse: [] | ["everyone"] };
  flags?: number;
}

export const EPHEMERAL = 64;
const ACCENT = 0x2b6cb0;

export interface RenderOptions {
  /** custom_id for the "Share in channel" button; no button when absent. */
  shareId?: string;
  /** Overrides the reply's own visibility (a shared answer is public). */
  visibility?: Reply["visibility"];
  /**
   * Units of each message's 6,000 across embeds kept free for what the caller adds after
   * rendering (a channel post's delivery tag in the last footer).
   */
  reserveUnits?: number;
}

/**
 * A "time" moment sits under its day's heading, but the reader's own date can be another day
 * (20:00 on Wed 2 Apr in New York is under "Thu 3 Apr" in Pyongyang): so the reader's side
 * always carries its date (`f`), never the time alone (`t`).
 */
const TIMESTAMP_STYLE: Record<Moment["style"], string> = { datetime: "F", date: "D", time: "f" };

/** `<t:…>` shows each reader their own time; the destination's time stands beside it. */
export function renderMoment(m: Moment): string {
  const unix = Math.floor(m.at.getTime() / 1000);
  const relative = m.relative ? `, <t:${unix}:R>` : "";
  return `<t:${unix}:${TIMESTAMP_STYLE[m.style]}> (${escapeMarkdown(momentInDestination(m))}${relative})`;
}

export function renderSpans(spans: Span[]): string {
  return spans
    .map((s) => {
      if (s.type === "moment") return renderMoment(s);
      if (s.type === "link") return `[${escapeMarkdown(s.text)}](${escapeUrl(s.url)})`;
      const t = escapeMarkdown(s.text);
      return s.bold && t.trim() !== "" ? `**${t}**` : t;
    })
    .join("");
}

/** Cuts text to `max`, marking the cut, without leaving a dangling escape backslash. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = truncateUnits(text, max - 1);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Splits one over-long line at spaces where it can, so no piece exceeds `max`. */
function splitLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let at = rest.lastIndexOf(" ", max);
    if (at < max / 2) at = truncateUnits(rest, max).length || max;
    // An odd run of backslashes at the cut would escape the next piece's first character.
    while (at > 0 && (/\\+$/.exec(rest.slice(0, at))?.[0].length ?? 0) % 2 === 1) at--;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Builds embeds block by block, starting a new one wherever a limit would be crossed. */
class EmbedWriter {
  readonly embeds: APIEmbed[] = [];
  /** What one embed may hold in all (the message's total, less the caller's reserve). */
  constructor(private readonly total: number = L.embedsTotal) {}
  private lines: string[] = [];
  private fields: APIEmbedField[] = [];
  private title: string | undefined;

  start(title: string | undefined): void {
    this.flush();
    this.title = title === undefined ? undefined : clip(escapeMarkdown(title), L.embedTitle);
  }

  private size(): number {
    const description = this.lines.join("\n").length;
    return (
      (this.title?.length ?? 0) +
      description +
      this.fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
    );
  }

  line(text: string): void {
    // Discord shows fields after the description, so text after fields needs a new embed.
    if (this.fields.length > 0) this.flush();
    for (const piece of splitLine(text, L.embedDescription)) {
      const description = this.lines.join("\n").length;
      const added = piece.length + (this.lines.length > 0 ? 1 : 0);
      if (description + added > L.embedDescription || this.size() + added > this.total) {
        this.flush();
      }
      this.lines.push(piece);
    }
  }

  field(name: string, value: string): void {
    const field = {
      name: clip(name.trim() === "" ? "\u200b" : name, L.fieldName),
      value: clip(value.trim() === "" ? "—" : value, L.fieldValue),
      inline: value.length <= 60,
    };
    if (
      this.fields.length >= L.embedFields ||
      this.size() + field.name.length + field.value.length > this.total
    ) {
      this.flush();
    }
    this.fields.push(field);
  }

  flush(): void {
    if (this.lines.length === 0 && this.fields.length === 0 && this.title === undefined) return;
    const embed: APIEmbed = { color: ACCENT };
    if (this.title !== undefined) embed.title = this.title;
    if (this.lines.length > 0) embed.description = this.lines.join("\n");
    if (this.fields.length > 0) embed.fields = this.fields;
    this.embeds.push(embed);
    this.lines = [];
    this.fields = [];
    this.title = undefined;
  }
}

function writeBlock(w: EmbedWriter, block: Block, isPartTitle: boolean): void {
  switch (block.type) {
    case "heading":
      if (!isPartTitle) w.line(`**${escapeMarkdown(block.text)}**`);
      return;
    case "paragraph":
      w.line(renderSpans(block.spans));
      return;
    case "list":
      for (const item of block.items) w.line(`• ${renderSpans(item)}`);
      return;
    case "context":
      w.line(`*${renderSpans(block.spans)}*`);
      return;
    case "fields":
      for (const f of block.fields) w.field(escapeMarkdown(f.label), renderSpans(f.value));
      return;
  }
}

/** Embeds for a reply: the first carries the title, each later part (a day, a topic) its heading. */
export function replyEmbeds(reply: Reply, total: number = L.embedsTotal): APIEmbed[] {
  const w = new EmbedWriter(total);
  replyParts(reply).forEach((part, i) => {
    const [first] = part;
    const headingTitle = i > 0 && first?.type === "heading" ? first.text : undefined;
    w.start(i === 0 ? reply.title : headingTitle);
    part.forEach((block, j) => {
      writeBlock(w, block, j === 0 && headingTitle !== undefined);
    });
  });
  w.flush();
  return w.embeds;
}

/** Packs embeds into as few messages as Discord's per-message limits allow, in order. */
function pack(embeds: APIEmbed[], limit: number): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.length >= L.embedsPerMessage || total + size > limit) {
      messages.push(current);
      current = [];
      total = 0;
    }
    current.push(embed);
    total += size;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

export function shareButtonRow(
  customId: string,
  label: string,
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: 1,
    components: [{ type: 2, style: 2, custom_id: customId, label: clip(label, L.buttonLabel) }],
  };
}

/**
 * A Reply as Discord messages, in order: one unless the reply is too long for one, then split
 * between parts (days, topics) where possible. The share button goes on the last message.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const visibility = options.visibility ?? reply.visibility;
  const share = reply.buttons.find((b) => b.action === "share");
  const total = L.embedsTotal - (options.reserveUnits ?? 0);
  const messages = pack(replyEmbeds(reply, total), total);
  return messages.map((embeds, i) => {
    const last = i === messages.length - 1;
    const message: DiscordMessage = { embeds, components: [], allowed_mentions: { parse: [] } };
    if (last && share && options.shareId) {
      message.components.push(shareButtonRow(options.shareId, share.label));
    }
    const choices = last ? choiceRow(reply.buttons) : undefined;
    if (choices) message.components.push(choices);
    if (visibility === "private") message.flags = EPHEMERAL;
    // The text is in embeds, which never ping; the one ping asked for is the content.
    if (i === 0 && reply.mention === "here") {
      message.content = "@here";
      message.allowed_mentions = { parse: ["everyone"] };
    }
    return message;
  });
}

/** A short private text message (errors, confirmations). */
export function noticeMessage(text: string, ephemeral = true): DiscordMessage {
  const message: DiscordMessage = {
    content: clip(escapeMarkdown(text), L.content),
    embeds: [],
    components: [],
    allowed_mentions: { parse: [] },
  };
  if (ephemeral) message.flags = EPHEMERAL;
  return message;
}
