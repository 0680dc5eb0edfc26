import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarUrls, publicBaseUrl } from "../../bot/calendar/links";
import type { CommandRequest } from "../../bot/commands/context";
import { type Bot, createBot } from "../../bot/core";
import type { Reply, Span } from "../../bot/reply";
import { DynamoCalendarTokens } from "../../bot/store/dynamo-calendar-tokens";
import type { LocalEnvironment } from "../../dev/environment";
import { handler } from "../../handlers/calendar";
import { localTable, NEW_YORK_ORGANISED } from "../helpers/local-table";
import { SLACK_ORGANISER } from "../helpers/memory-trips";
import { calendarGet, pathOf } from "./requests";

const ORGANISER = SLACK_ORGANISER;
const TRAVELLER = "U0TRAVELLER";
const BASE_URL = "https://abc123.execute-api.eu-west-1.amazonaws.com/";

let env: LocalEnvironment;
let bot: Bot;
const saved = { ...process.env };

beforeAll(async () => {
  env = await localTable({ trips: [NEW_YORK_ORGANISED] });
  Object.assign(process.env, { TABLE_NAME: env.tableName, DYNAMODB_ENDPOINT: env.endpoint });
  bot = createBot({
    store: env.store,
    clock: () => new Date("2025-10-30T12:00:00Z"),
    calendar: { baseUrl: BASE_URL, tokens: new DynamoCalendarTokens(env.doc, env.tableName) },
  });
});
afterAll(async () => {
  process.env = saved;
  await env.close();
});

function ask(user: string, text: string, on: Bot = bot): Promise<Reply> {
  const [command = "", ...rest] = text.split(" ");
  const request: CommandRequest = {
    command,
    input: rest.join(" "),
    user: { id: user },
    channel: { id: "C1" },
    platform: "slack",
  };
  return on.answer(request);
}

const spanText = (s: Span) =>
  s.type === "text" ? s.text : s.type === "link" ? `${s.text} <${s.url}>` : "";
/** Everything a reader sees in a reply, as text. */
function visible(reply: Reply): string {
  return [
    reply.title,
    ...reply.blocks.flatMap((b) => {
      if (b.type === "heading") return [b.text];
      if (b.type === "list") return b.items.map((i) => i.map(spanText).join(""));
      if (b.type === "fields")
        return b.fields.map((f) => `${f.label}: ${f.value.map(spanText).join("")}`);
      return [b.spans.map(spanText).join("")];
    }),
  ].join("\n");
}
const links = (reply: Reply) =>
  [...visible(reply).matchAll(/(?:https|webcal):\/\/\S+?\.(?:ics|pdf)/g)].map((m) => m[0]);

describe("/marathon calendar", () => {
  it("answers privately with the webcal and https links and how to add them", async () => {
    const reply = await ask(TRAVELLER, "calendar");
    expect(reply.visibility).toBe("private");
    const text = visible(reply);
    const [webcal, https] = [
      links(reply).find((l) => l.startsWith("webcal://")),
      links(reply).find((l) => l.startsWith("https://")),
    ];
    expect(https).toMatch(
      /^https:\/\/abc123\.execute-api\.eu-west-1\.amazonaws\.com\/calendar\/[A-Za-z0-9_-]{27}\.ics$/,
    );
    expect(webcal).toBe(https?.replace("https://", "webcal://"));
    for (const where of ["iPhone", "Android", "Google", "Outlook"]) expect(text).toContain(where);
    // The link opens the trip's feed.
    const res = await handler(calendarGet(pathOf(https ?? "")));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("X-WR-CALNAME:New York City Marathon weekend 2025");
    // Asked again, the same link.
    expect(links(await ask(TRAVELLER, "calendar"))).toEqual(links(reply));
  });

  it("lets only organisers reset the link, and the old one then answers 404", async () => {
    const before =
      links(await ask(TRAVELLER, "calendar")).find((l) => l.startsWith("https://")) ?? "";
    const refused = await ask(TRAVELLER, "calendar reset");
    expect(refused.title).toBe("Only organisers can do that");
    expect((await handler(calendarGet(pathOf(before)))).statusCode).toBe(200);

    const reset = await ask(ORGANISER, "calendar reset");
    const after = links(reset).find((l) => l.startsWith("https://")) ?? "";
    expect(after).not.toBe(before);
    expect(visible(reset)).toContain("The old link no longer works.");
    expect((await handler(calendarGet(pathOf(before)))).statusCode).toBe(404);
    expect((await handler(calendarGet(pathOf(after)))).statusCode).toBe(200);
    expect(links(await ask(TRAVELLER, "calendar"))).toContain(after);
  });

  it("says how to use it when the action is unknown, and changes nothing", async () => {
    const before = links(await ask(ORGANISER, "calendar"));
    const reply = await ask(ORGANISER, "calendar delete");
    expect(reply.title).toContain("Unknown calendar action");
    expect(links(await ask(ORGANISER, "calendar"))).toEqual(before);
  });

  it("is not offered where there is no public address (the CLI)", async () => {
    const cli = createBot({ store: env.store, clock: () => new Date() });
    expect((await ask(TRAVELLER, "calendar", cli)).title).toBe("Not available here");
    expect((await ask(TRAVELLER, "offline", cli)).title).toBe("Not available here");
  });
});

describe("/marathon offline", () => {
  it("hands out the offline pack's link, which opens a PDF", async () => {
    const reply = await ask(TRAVELLER, "offline");
    expect(reply.visibility).toBe("private");
    const pdf = links(reply).find((l) => l.endsWith(".pdf")) ?? "";
    expect(pdf).toMatch(
      /^https:\/\/abc123\.execute-api\.eu-west-1\.amazonaws\.com\/calendar\/[A-Za-z0-9_-]{27}\.pdf$/,
    );
    const res = await handler(calendarGet(pathOf(pdf)));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.isBase64Encoded).toBe(true);
    expect(Buffer.from(res.body, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the public address", () => {
  it("comes from PUBLIC_BASE_URL, else the local server; in Lambda without it there is none", () => {
    expect(publicBaseUrl({ PUBLIC_BASE_URL: "https://x.example/prod" })).toBe(
      "https://x.example/prod/",
    );
    expect(publicBaseUrl({ PORT: "4000" })).toBe("http://127.0.0.1:4000/");
    expect(publicBaseUrl({})).toBe("http://127.0.0.1:3000/");
    expect(publicBaseUrl({ AWS_LAMBDA_FUNCTION_NAME: "calendar" })).toBeUndefined();
    expect(calendarUrls("http://127.0.0.1:3000/", "t").webcal).toBe(
      "webcal://127.0.0.1:3000/calendar/t.ics",
    );
  });
});
