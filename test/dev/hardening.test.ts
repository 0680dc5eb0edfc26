import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../dev/server";

interface View {
  render(message: unknown): string;
}
/** A platform's view module of the page (plain browser JavaScript, no types). */
const viewOf = async (platform: string): Promise<View> =>
  (await import(`../../dev/playground/${platform}.js`)).view;

/** A raw HTTP request, so the Host header can be anything (fetch always sends the real one). */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const sentOn = (server: LocalServer, platform: string) =>
  server.platforms.find((p) => p.api.platform === platform)?.api.sent ?? [];

describe("npm start, from another site's page", () => {
  let server: LocalServer;
  beforeAll(async () => {
    // The handlers read process.env, as in Lambda; the server points it at itself.
    server = await startLocalServer({ port: 0, log: () => {} });
  });
  afterAll(() => server?.close());

  it("cannot post into the platforms' stand-ins", async () => {
    const markup = JSON.stringify({ channel: "CPLAYGROUND", text: "<img src=x onerror=alert(1)>" });
    const slack = await fetch(`${server.url}/_local/slack/api/chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: markup,
    });
    expect(await slack.json()).toMatchObject({ ok: false, error: "not_authed" });
    const form = await fetch(`${server.url}/_local/slack/api/chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        channel: "CPLAYGROUND",
        text: "hi",
        token: "xoxb-local-development",
      }),
    });
    expect(await form.json()).toMatchObject({ ok: false });
    const response = await fetch(`${server.url}/_local/slack/response/anything`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: markup,
    });
    expect(response.status).toBe(400);
    const discord = await fetch(`${server.url}/_local/discord/v10/channels/playground/messages`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ content: "<img src=x onerror=alert(1)>" }),
    });
    expect(discord.status).toBe(401);
    const webhook = await fetch(`${server.url}/_local/discord/v10/webhooks/local-app/token`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ content: "<img src=x onerror=alert(1)>" }),
    });
    expect(webhook.status).toBe(400);
    expect(sentOn(server, "slack")).toHaveLength(0);
    expect(sentOn(server, "discord")).toHaveLength(0);
  });

  it("refuses a request for another host (DNS rebinding), but not a platform's signed request", async () => {
    for (const path of ["/", "/playground/api/state", "/_local/slack/api/auth.test"]) {
      const answer = await raw(server.url, {
        path,
        headers: { host: `evil.example:${new URL(server.url).port}` },
      });
      expect(answer.status, path).toBe(421);
    }
    const env = server.platforms.find((p) => p.api.platform === "slack");
    expect(env?.api.signing).toBe(true);
    // The local server signs with its own development secret; a tunnel's Host does not matter.
    const signed = env?.api.command("help", "pg-test", env.mountUrl());
    const answer = await raw(server.url, {
      method: "POST",
      path: "/slack/events",
      headers: { ...signed?.headers, host: "abc.trycloudflare.com" },
      body: signed?.body,
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain("what you can ask");
  });

  it("answers a playground request whose JSON is not an object with 400, not 500", async () => {
    for (const body of ["null", "[]", '"when"', "{"]) {
      const answer = await fetch(`${server.url}/playground/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(answer.status, body).toBe(400);
    }
  });

  it("answers a malformed form submission or file with 400, and a form never opened with 404", async () => {
    const post = (route: string, body: unknown) =>
      fetch(`${server.url}/playground/api/${route}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const malformed = [
      ["submit", { platform: "slack", values: {} }],
      ["submit", { platform: "nowhere", form: "V1" }],
      ["submit", { platform: "discord", form: "form:edit:x", values: { title: 3 } }],
      ["submit", { platform: "slack", form: "V1", file: { name: "a.yaml" } }],
      ["ask", { text: "trip upload", file: "id: x" }],
    ] as const;
    const before = sentOn(server, "slack").length + sentOn(server, "discord").length;
    for (const [route, body] of malformed) {
      expect((await post(route, body)).status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await post("submit", { platform: "slack", form: "V999", values: {} });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no form "V999" is open' });
    expect(sentOn(server, "slack").length + sentOn(server, "discord").length).toBe(before);
  });

  it("reads a Discord answer sent with files (multipart) for the page", async () => {
    const answer = await fetch(`${server.url}/playground/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "calendar" }),
    });
    const body = (await answer.json()) as {
      discord?: { body?: { data?: { attachments?: { filename: string; url: string }[] } } };
    };
    // The files are kept as Discord keeps them (on the stand-in's CDN), listed with their URLs.
    const attachments = body.discord?.body?.data?.attachments ?? [];
    expect(attachments.map((a) => a.filename)).toEqual(["pyongyang-marathon-2025.ics"]);
    const url = attachments[0]?.url ?? "";
    expect(url.startsWith(`${server.url}/_local/discord/attachments/`)).toBe(true);
    expect(await (await fetch(url)).text()).toMatch(/^BEGIN:VCALENDAR/);
  });

  it("serves the page with a content security policy that runs only its own scripts", async () => {
    const page = await fetch(`${server.url}/`);
    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe("the playground's drawing of messages", () => {
  it("escapes every attribute and drops links that would run code", async () => {
    const discord = (await viewOf("discord")).render({
      embeds: [{ title: "t", url: "javascript:alert(1)", color: '0" onmouseover="alert(1)' }],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 5, label: "go", url: "javascript:alert(2)" },
            { type: 2, style: 1, label: "x", custom_id: '"><script>alert(3)</script>' },
          ],
        },
      ],
      content: "[here](javascript:alert(4))",
    });
    expect(discord).not.toContain("javascript:");
    expect(discord).not.toContain("onmouseover=");
    expect(discord).not.toContain("<script>");
    const slack = (await viewOf("slack")).render({
      blocks: [
        {
          type: "actions",
          elements: [
            {
              type: "button",
              style: '"><img src=x onerror=alert(5)>',
              action_id: "a",
              text: { type: "plain_text", text: "b" },
            },
          ],
        },
      ],
    });
    expect(slack).not.toContain("<img");
  });
});

describe("npm start with a real app's credentials", () => {
  it("keeps the playground and the stand-ins off unless asked for, and never signs for the app", async () => {
    const env = { SLACK_SIGNING_SECRET: "real-secret", DISCORD_PUBLIC_KEY: "ab".repeat(32) };
    const server = await startLocalServer({ port: 0, env: { ...env }, log: () => {} });
    try {
      expect(server.playground).toBe(false);
      expect((await fetch(`${server.url}/`)).status).toBe(404);
      expect((await fetch(`${server.url}/playground/api/state`)).status).toBe(404);
      expect(
        (await fetch(`${server.url}/_local/slack/api/auth.test`, { method: "POST" })).status,
      ).toBe(404);
      for (const p of server.platforms)
        expect(p.api.command("when", "r", p.mountUrl())).toBeUndefined();
    } finally {
      await server.close();
    }
    const asked = await startLocalServer({
      port: 0,
      env: { ...env },
      playground: true,
      log: () => {},
    });
    try {
      expect((await fetch(`${asked.url}/`)).status).toBe(200);
      const ask = await fetch(`${asked.url}/playground/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "when" }),
      });
      // Nothing is signed with the app's secret: the page drives no platform then.
      expect(await ask.json()).toEqual({});
      // Nor can it pretend it is another time: the app's requests carry the real one.
      const clock = await fetch(`${asked.url}/playground/api/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ at: "2025-04-05T11:00:00Z" }),
      });
      expect(clock.status).toBe(409);
    } finally {
      await asked.close();
    }
  });
});

describe("npm start, starting", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("answers a request that arrives as soon as the port opens", async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const starting = startLocalServer({ port, env: {}, log: () => {} });
    // Knock until the port opens; the first request that gets in must get a real answer.
    let answer: { status: number; text: string } | undefined;
    for (let i = 0; i < 2000 && !answer; i++) {
      answer = await raw(`http://127.0.0.1:${port}`, {
        path: "/playground/api/state",
        headers: { host: `127.0.0.1:${port}` },
      }).catch(() => undefined);
      if (!answer) await new Promise((r) => setTimeout(r, 5));
    }
    const server = await starting;
    try {
      expect(answer?.status).toBe(200);
      expect(JSON.parse(answer?.text ?? "{}")).toHaveProperty("trips");
    } finally {
      await server.close();
    }
  });

  it("gives up the data folder when the port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
    const port = (taken.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), "npm-start-port-"));
    dirs.push(dir);
    try {
      await expect(
        startLocalServer({ port, env: {}, dataPath: join(dir, "db"), log: () => {} }),
      ).rejects.toMatchObject({ code: "EADDRINUSE" });
      expect(existsSync(join(dir, "db.pid"))).toBe(false);
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
