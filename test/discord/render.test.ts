import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../bot/discord/markdown";
import { renderMoment, renderReply } from "../../bot/discord/render";
import { type Moment, momentInDestination, type Reply } from "../../bot/reply";

const start: Moment = {
  type: "moment",
  at: new Date("2025-04-05T23:00:00Z"),
  style: "datetime",
  zone: "Asia/Pyongyang",
  zoneLabel: "Pyongyang",
  relative: true,
};

describe("Discord rendering", () => {
  it("shows a moment to each reader in their zone, beside the destination's time", () => {
    const text = renderMoment(start);
    const unix = start.at.getTime() / 1000;
    expect(text).toContain(`<t:${unix}:F>`);
    expect(text).toContain(`<t:${unix}:R>`);
    expect(text).toContain(escapeMarkdown(momentInDestination(start)));
    // A reader-local time always carries its date: the reader's day may not be the heading's.
    expect(renderMoment({ ...start, style: "time", relative: false })).toMatch(/^<t:\d+:f> /);
    expect(renderMoment({ ...start, style: "date", relative: false })).toMatch(/^<t:\d+:D> /);
  });

  it("keeps trip text literal: no formatting, mentions or headings from it", () => {
    const reply: Reply = {
      title: "*Title* @here",
      visibility: "private",
      buttons: [],
      blocks: [
        {
          type: "paragraph",
          spans: [{ type: "text", text: "# big\n> quote **bold** `code` <@&1> @everyone [x](y)" }],
        },
      ],
    };
    const [message] = renderReply(reply);
    const embed = message?.embeds[0];
    expect(embed?.title).toBe("\\*Title\\* @\u200bhere");
    expect(embed?.description).toBe(
      "\\# big\n\\> quote \\*\\*bold\\*\\* \\`code\\` \\<@&1> @\u200beveryone \\[x\\](y)",
    );
    expect(message?.allowed_mentions).toEqual({ parse: [] });
    expect(message?.flags).toBe(64);
  });

  it("splits a long unbroken line where no backslash escapes the next piece's first character", () => {
    // Escaped, each "\\*" of trip text is three backslashes and a star: a cut inside such a run
    // leaves an odd run of backslashes that would escape whatever starts the next piece.
    for (const lead of ["", "x", "xy", "xyz"]) {
      const line = `${lead}${"\\*".repeat(3000)}`;
      const reply: Reply = {
        title: "Notes",
        visibility: "private",
        buttons: [],
        blocks: [{ type: "paragraph", spans: [{ type: "text", text: line }] }],
      };
      const pieces = renderReply(reply).flatMap((m) => m.embeds.map((e) => e.description ?? ""));
      expect(pieces.length).toBeGreaterThan(1);
      for (const piece of pieces) {
        const trailing = /\\+$/.exec(piece)?.[0].length ?? 0;
        expect(trailing % 2, `a piece ends in ${trailing} backslashes`).toBe(0);
      }
      expect(pieces.join("")).toBe(escapeMarkdown(line));
    }
  });
});
