import { describe, expect, it } from "vitest";
import { renderReply as discordRender } from "../../bot/discord/render";
import { paragraph, type Reply } from "../../bot/reply";
import { SLACK_LIMITS } from "../../bot/slack/limits";
import { renderReply as slackRender } from "../../bot/slack/render";

/** A public reply long enough to need several messages on both platforms, asking for @here. */
const long: Reply = {
  title: "Announcement from Ms Kim",
  blocks: Array.from({ length: 120 }, (_, i) =>
    paragraph(`Line ${i}: @everyone <@123> <!channel> ${"word ".repeat(60)}`),
  ),
  buttons: [],
  visibility: "public",
  mention: "here",
};

describe("a reply that asks for @here", () => {
  it("Slack: only the first message pings, and every message keeps within 50 blocks", () => {
    const messages = slackRender(long);
    expect(messages.length).toBeGreaterThan(1);
    for (const [i, m] of messages.entries()) {
      expect(m.blocks?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect((m.text ?? "").length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
      const pings = JSON.stringify(m).match(/<!here>/g) ?? [];
      // The text's own mentions stay escaped: no other `<!…>` or `<@…>` anywhere.
      expect(JSON.stringify(m)).not.toMatch(/<!(channel|everyone)|<@\d/);
      expect(pings).toHaveLength(i === 0 ? 2 : 0); // the notification text and one block
    }
  });

  it("Discord: only the first message's content pings, and only @here is allowed", () => {
    const messages = discordRender(long);
    expect(messages.length).toBeGreaterThan(1);
    const [first, ...rest] = messages;
    expect(first?.content).toBe("@here");
    expect(first?.allowed_mentions).toEqual({ parse: ["everyone"] });
    for (const m of rest) {
      expect(m.content).toBeUndefined();
      expect(m.allowed_mentions).toEqual({ parse: [] });
    }
    // Embeds never ping; the text's "@everyone" is broken up all the same.
    expect(JSON.stringify(messages)).not.toContain("@everyone");
  });

  it("without it, neither platform pings", () => {
    const quiet = { ...long, mention: undefined };
    expect(JSON.stringify(slackRender(quiet))).not.toContain("<!here>");
    for (const m of discordRender(quiet)) {
      expect(m.content).toBeUndefined();
      expect(m.allowed_mentions).toEqual({ parse: [] });
    }
  });
});
