import { formatInZone, offsetIfRepeated } from "./trip/time";

/**
 * What a command answers, with no platform in it. Adapters (Slack, Discord, terminal) render it
 * and own every platform limit; text here is plain text, never markup, so adapters escape it.
 */

/** An instant to show to each reader in their own time zone, beside the destination's time. */
export interface Moment {
  type: "moment";
  at: Date;
  /** How much of the instant matters. */
  style: "date" | "datetime" | "time";
  /** The destination's zone and its label, for "08:00 Pyongyang time". */
  zone: string;
  zoneLabel: string;
  /** Also show the distance from now ("in 3 days") where the platform can keep it live. */
  relative?: boolean;
}

export type Span =
  | { type: "text"; text: string; bold?: boolean }
  | Moment
  | { type: "link"; url: string; text: string };

export interface Field {
  label: string;
  value: Span[];
}

export type Block =
  /** Starts a part of the reply (a day, a topic); adapters split long replies here. */
  | { type: "heading"; text: string }
  | { type: "paragraph"; spans: Span[] }
  | { type: "fields"; fields: Field[] }
  | { type: "list"; items: Span[][] }
  /** Small print: sources, hints. */
  | { type: "context"; spans: Span[] };

export interface Button {
  /** What the button does; adapters route the click back to it. */
  action: "share" | "confirm" | "cancel";
  label: string;
  /** What the click refers to (a proposal's id for confirm/cancel); ≤ 64 chars. */
  value?: string;
  /** Drawn as the platform's primary / danger style. */
  style?: "primary" | "danger";
}

/** A form the platform opens instead of posting a reply (Slack modal, Discord modal). */
export interface Form {
  /** Routes the submission back: "upload" or "edit:<item-ref>"; ≤ 60 chars. */
  id: string;
  /** ≤ 24 characters (Slack's modal title limit). */
  title: string;
  submitLabel: string;
  /** At most 5 (Discord's modal limit). */
  fields: FormField[];
}

export interface FormField {
  name: string;
  /** ≤ 45 characters. */
  label: string;
  /** "file": a file input (Slack only; Discord takes the file as a command attachment). */
  kind: "line" | "paragraph" | "file";
  value?: string;
  required: boolean;
  hint?: string;
}

/** A text file that goes with a reply (the trip's .ics), where the platform can attach one. */
export interface ReplyFile {
  name: string;
  contentType: string;
  text: string;
}

export interface Reply {
  title: string;
  blocks: Block[];
  buttons: Button[];
  /**
   * The one ping this reply may make: "here" notifies everyone in the channel who is online.
   * Only an organiser's announcement asks for it; adapters render exactly this ping (with the
   * first message) and keep every other mention in the text inert.
   */
  mention?: "here";
  /** Questions are answered privately; organisers' posts are public. */
  visibility: "private" | "public";
  /** Attached where the platform attaches files to an answer; the blocks still say it all. */
  files?: ReplyFile[];
  /**
   * Open this form instead (the adapter answers the command by opening it); the title and
   * blocks still say what to do where no form opens (the terminal prints them).
   */
  form?: Form;
}

export const text = (value: string, bold = false): Span =>
  bold ? { type: "text", text: value, bold } : { type: "text", text: value };

export const paragraph = (...spans: (Span | string)[]): Block => ({
  type: "paragraph",
  spans: spans.map((s) => (typeof s === "string" ? text(s) : s)),
});

export const context = (...spans: (Span | string)[]): Block => ({
  type: "context",
  spans: spans.map((s) => (typeof s === "string" ? text(s) : s)),
});

/** The plain text of spans, with moments in the destination's time only (for fallbacks). */
export function spansToPlainText(spans: Span[], momentText: (m: Moment) => string): string {
  return spans
    .map((s) =>
      s.type === "text" ? s.text : s.type === "link" ? `${s.text} (${s.url})` : momentText(s),
    )
    .join("");
}

/**
 * Splits a reply's blocks into parts at its headings (the first part holds what precedes the
 * first heading), so an adapter that must split a long reply does so between days or topics.
 */
export function replyParts(reply: Reply): Block[][] {
  const parts: Block[][] = [[]];
  for (const block of reply.blocks) {
    if (block.type === "heading" && (parts.at(-1)?.length ?? 0) > 0) parts.push([]);
    parts.at(-1)?.push(block);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * "Sun 6 Apr 2025, 08:00 Pyongyang time": the destination's side of a moment, in words; in the
 * hour that happens twice, with its offset ("02:30 Adelaide time, UTC+10:30").
 */
export function momentInDestination(m: Moment): string {
  const day = formatInZone(m.at, m.zone, m.style);
  if (m.style === "date") return day;
  const repeated = offsetIfRepeated(m.at, m.zone);
  return `${day} ${m.zoneLabel} time${repeated ? `, UTC${repeated}` : ""}`;
}
