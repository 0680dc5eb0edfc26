import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { createBot } from "../../bot/core";
import { discord } from "../../bot/discord/platform";
import { lambdaHttp } from "../../bot/lambda/http";
import { MemoryCalendarTokens } from "../../bot/store/calendar-tokens";
import { formParts, NOW, signedEvent, slash, testKeys } from "../discord/helpers";
import { PYONGYANG, storesWith } from "../helpers/memory-trips";

describe("/marathon calendar on Discord", () => {
  it("attaches the itinerary as an .ics file beside the subscription links", async () => {
    const stores = await storesWith([PYONGYANG]);
    const trip = await stores.facts.getTrip("pyongyang-marathon-2025");
    if (!trip) throw new Error("the example trip loads");
    const keys = testKeys();
    const bot = createBot({
      store: stores.facts,
      calendar: { tokens: new MemoryCalendarTokens(), baseUrl: "https://bot.example.org/" },
      clock: () => NOW,
    });
    const handler = lambdaHttp(discord, {
      env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex },
      bot: () => bot,
      clock: () => NOW,
    });
    const r = await handler(
      signedEvent(JSON.stringify(slash("calendar")), {
        privateKey: keys.privateKey,
        timestamp: Math.floor(NOW.getTime() / 1000),
      }),
    );
    expect(r.statusCode).toBe(200);
    const type = r.headers["content-type"] ?? "";
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const parts = formParts(r.body, type);
    const payload = JSON.parse(parts.get("payload_json")?.text ?? "{}");
    expect(payload.type).toBe(4);
    expect(JSON.stringify(payload.data.embeds)).toContain("webcal://bot.example.org/calendar/");
    expect(payload.data.attachments).toEqual([{ id: 0, filename: "pyongyang-marathon-2025.ics" }]);
    const file = parts.get("files[0]");
    expect(file?.filename).toBe("pyongyang-marathon-2025.ics");
    const events = Object.values(ical.sync.parseICS(file?.text ?? "")).filter(
      (c): c is VEvent => c?.type === "VEVENT",
    );
    expect(events).toHaveLength(trip.itinerary.length);
    for (const item of trip.itinerary) {
      const event = events.find((e) => e.uid.startsWith(`${item.id}@`));
      expect(event?.start.getTime(), item.id).toBe(item.startAt.getTime());
    }
  });
});
