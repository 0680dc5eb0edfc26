import { describe, expect, it } from "vitest";
import { slackManifest } from "../../bot/slack/manifest";

describe("Slack app manifest", () => {
  it("sends the slash command and button clicks to the deployed handler, with minimal scopes", () => {
    const m = slackManifest({ baseUrl: "https://abc.execute-api.eu-west-1.amazonaws.com/" });
    const url = "https://abc.execute-api.eu-west-1.amazonaws.com/slack/events";
    expect(m.features.slash_commands[0]).toMatchObject({ command: "/marathon", url });
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(m.oauth_config.scopes.bot).toEqual([
      "commands",
      "chat:write",
      "channels:history",
      "groups:history",
      "files:read",
      "files:write",
      "im:write",
    ]);
  });

  it("refuses a plain-http public URL, which Slack would not call", () => {
    expect(() => slackManifest({ baseUrl: "http://example.com" })).toThrow(/https/);
  });
});
