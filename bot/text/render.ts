import { type Moment, momentInDestination, type Reply, type Span } from "../reply";
import { formatInZone, humanDistance } from "../trip/time";

export interface TextRenderOptions {
  /** The reader's IANA time zone. */
  readerZone: string;
  now: Date;
}

/** Renders a Reply for a terminal: the CLI's adapter, and the plainest view of an answer. */
export function renderText(reply: Reply, options: TextRenderOptions): string {
  const moment = (m: Moment) => {
    const here = momentInDestination(m);
    // A bare time is misleading when the reader's calendar day differs from the destination's.
    const sameDay =
      formatInZone(m.at, m.zone, "date") === formatInZone(m.at, options.readerZone, "date");
    const mine = formatInZone(
      m.at,
      options.readerZone,
      m.style === "time" && !sameDay ? "datetime" : m.style,
    );
    const reader =
      m.zone === options.readerZone || m.style === "date" ? "" : ` (your time: ${mine})`;
    return `${here}${reader}${m.relative ? `, ${humanDistance(options.now, m.at)}` : ""}`;
  };
  const spans = (list: Span[]) =>
    list
      .map((s) => {
        if (s.type === "moment") return moment(s);
        if (s.type === "link") return `${s.text} <${s.url}>`;
        return s.text;
      })
      .join("");
  const lines: string[] = [reply.title, "=".repeat(Math.min(reply.title.length, 72))];
  for (const block of reply.blocks) {
    switch (block.type) {
      case "heading":
        lines.push("", block.text, "-".repeat(Math.min(block.text.length, 72)));
        break;
      case "paragraph":
        lines.push(spans(block.spans));
        break;
      case "fields":
        for (const f of block.fields) lines.push(`${f.label}: ${spans(f.value)}`);
        break;
      case "list":
        for (const item of block.items) lines.push(`  • ${spans(item)}`);
        break;
      case "context":
        lines.push("", spans(block.spans));
        break;
    }
  }
  return `${lines.join("\n")}\n`;
}
