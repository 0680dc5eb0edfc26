import { describe, expect, it } from "vitest";
import { type Moment, momentInDestination, paragraph, type Reply, text } from "../../bot/reply";
import type { SlackBlock } from "../../bot/slack/blocks";
import { renderReply } from "../../bot/slack/render";

const at = new Date("2025-04-05T23:00:00Z");
const moment = (date: Date, style: Moment["style"], relative = false): Moment => ({
  type: "moment",
  at: date,
  style,
  zone: "Asia/Pyongyang",
  zoneLabel: "Pyongyang",
  relative,
});

const reply = (...blocks: Reply["blocks"]): Reply => ({
  title: "Test",
  blocks,
  buttons: [],
  visibility: "private",
});

const sectionText = (blocks: SlackBlock[]) =>
  blocks.map((b) => (b.type === "section" && "text" in b ? b.text.text : "")).join("\n");

describe("Slack rendering of moments, links and trip text", () => {
  it("shows a moment in the reader's zone beside the destination's time", () => {
    const [message] = renderReply(reply(paragraph("Start: ", moment(at, "datetime", true))));
    const shown = sectionText(message?.blocks ?? []);
    const unix = at.getTime() / 1000;
    expect(shown).toContain(momentInDestination(moment(at, "datetime")));
    expect(shown).toContain(`<!date^${unix}^{date_short_pretty} {time}|`);
    expect(shown).toContain(`<!date^${unix}^{ago}|`);
    expect(message?.text).toContain(momentInDestination(moment(at, "datetime")));
    expect(message?.text).not.toContain("<!date");
  });

  it("reads a start and end as one range with one zone label", () => {
    const end = new Date(at.getTime() + 2 * 3600_000);
    const [message] = renderReply(
      reply({ type: "list", items: [[moment(at, "time"), text("–"), moment(end, "time")]] }),
    );
    const shown = sectionText(message?.blocks ?? []);
    expect(shown.match(/Pyongyang time/g)).toHaveLength(1 + 2); // label, plus each fallback
    expect(shown).toContain(`<!date^${end.getTime() / 1000}^{time}|`);
  });

  it("escapes trip text so that no mention or link in it works", () => {
    const [message] = renderReply(
      reply(paragraph(text("<!here> <@U123> & <https://x.example|x> @channel", true))),
    );
    const shown = sectionText(message?.blocks ?? []);
    expect(shown).toContain("&lt;!here&gt; &lt;@U123&gt; &amp; &lt;https://x.example|x&gt;");
    expect(shown).not.toMatch(/@channel/);
    expect(message?.text).not.toMatch(/<!here>|<@U123>/);
  });

  it("links web addresses and leaves anything else as text", () => {
    const [message] = renderReply(
      reply(
        paragraph(
          { type: "link", url: "https://example.com/a?b=1&c=2", text: "Map | route" },
          " ",
          { type: "link", url: "javascript:alert(1)", text: "bad" },
        ),
      ),
    );
    const shown = sectionText(message?.blocks ?? []);
    expect(shown).toContain("<https://example.com/a?b=1&amp;c=2|Map ¦ route>");
    expect(shown).toContain("bad (javascript:alert(1))");
  });

  it("keeps a long title whole in the message when the header must be shortened", () => {
    const title = `${"Marathon ".repeat(30)}end`;
    const [message] = renderReply({ ...reply(paragraph("x")), title });
    const header = message?.blocks[0];
    expect(header?.type).toBe("header");
    if (header?.type === "header") {
      expect(header.text.text.length).toBeLessThanOrEqual(150);
      expect(header.text.text.endsWith("Marathon…")).toBe(true);
    }
    expect(sectionText(message?.blocks ?? [])).toContain("end*");
  });
});
