import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../dev/server";

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer({ port: 0, log: () => {} });
});
afterAll(() => server?.close());

const post = async (path: string, body: unknown) =>
  (
    await fetch(`${server.url}/playground/api/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json();

/** The example trip with one itinerary item starting half an hour from now, in New York. */
function tripStartingSoon(): string {
  const soon = DateTime.now().setZone("America/New_York").plus({ minutes: 30 });
  const yaml = readFileSync("trips/new-york-marathon-2025.yaml", "utf8");
  const head = yaml.slice(0, yaml.indexOf("itinerary:"));
  const tail = yaml.slice(yaml.indexOf("\n", yaml.indexOf("clocks-go-back")));
  const rest = tail.slice(tail.search(/\n\S/));
  return `${head.replace(/^id: .*$/m, "id: soon-trip")}itinerary:
  - id: team-photo
    start: ${soon.toFormat("yyyy-MM-dd HH:mm")}
    title: Team photo at the hotel
    place: Group hotel, Midtown Manhattan
${rest}`;
}

describe("reminders under npm start", () => {
  it("posts a due reminder into a subscribed channel, through the reminders handler", async () => {
    const loaded = await post("trip", { fileName: "soon.yaml", text: tripStartingSoon() });
    expect(loaded).toMatchObject({ ok: true, tripId: "soon-trip" });
    // The playground's readers organise every trip the page loads, so may turn reminders on.
    expect(server.organisers.map((o) => o.platform).sort()).toEqual(["discord", "slack"]);
    const on = (await post("ask", { text: "reminders on" })) as { discord: { body: unknown } };
    expect(JSON.stringify(on.discord.body)).toMatch(/reminders/i);

    await server.runReminders();
    const sent = () => server.platforms.flatMap((p) => p.api.sent);
    const posted = sent().filter((m) => m.kind === "channel");
    // The item's reminders (1 day and 1 hour before, both due by now) reach the channel, on
    // both platforms.
    expect(new Set(posted.map((m) => m.platform))).toEqual(new Set(["discord", "slack"]));
    for (const m of posted) expect(JSON.stringify(m.message)).toContain("Team photo at the hotel");

    // Once, and only once.
    await server.runReminders();
    expect(sent().filter((m) => m.kind === "channel")).toHaveLength(posted.length);
  });
});
