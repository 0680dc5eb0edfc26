import { readFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../dev/server";

/**
 * `npm start` driven from outside with what the real platforms, a browser or a careless script
 * may send: bodies empty, huge, cut short or of the wrong type, the wrong method, a replay, and
 * the playground asked twice at once. Every answer is a clear 4xx or a real answer; never a 5xx
 * or a hang.
 */

interface Answer {
  status: number;
  text: string;
}

/** A raw request (fetch will not send a body that is not what its headers say). */
function send(
  url: string,
  path: string,
  body: string | Buffer,
  headers: Record<string, string>,
  method = "POST",
): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const JSON_TYPE = { "content-type": "application/json" };

describe("npm start, requests from outside", () => {
  let server: LocalServer;
  let logged: string[];
  beforeAll(async () => {
    logged = [];
    server = await startLocalServer({ port: 0, env: {}, log: (line) => logged.push(line) });
  });
  afterAll(() => server?.close());

  const platform = (name: string) => {
    const p = server.platforms.find((x) => x.api.platform === name);
    if (!p) throw new Error(`no ${name} stand-in`);
    return p;
  };

  it("answers the platforms' routes with a 4xx for bodies that are not a signed request", async () => {
    for (const name of ["slack", "discord"]) {
      const p = platform(name);
      const signed = p.api.command("when", "outside", p.mountUrl());
      if (!signed) throw new Error("the stand-in signs");
      const { headers, body } = signed;
      const withType = (type?: string) => {
        const rest = Object.fromEntries(
          Object.entries(headers).filter(([k]) => k.toLowerCase() !== "content-type"),
        );
        return type ? { ...rest, "content-type": type } : rest;
      };
      const cases: [string, Promise<Answer>, number][] = [
        ["empty, signed headers", send(server.url, p.route, "", headers), 401],
        ["empty, no headers", send(server.url, p.route, "", {}), 401],
        ["10 MB", send(server.url, p.route, Buffer.alloc(10 * 1024 * 1024, 97), headers), 413],
        ["cut short", send(server.url, p.route, body.slice(0, 20), headers), 401],
        ["with a NUL added", send(server.url, p.route, `${body}\u0000`, headers), 401],
        ["GET", send(server.url, p.route, "", {}, "GET"), 404],
        ["PUT", send(server.url, p.route, body, headers, "PUT"), 404],
      ];
      for (const [what, answer, status] of cases) {
        expect((await answer).status, `${name}: ${what}`).toBe(status);
      }
      // Slack signs form bodies; the same signed bytes under another type are not Slack's.
      for (const type of ["text/plain", "application/octet-stream", undefined]) {
        const answer = await send(server.url, p.route, body, withType(type));
        expect(answer.status, `${name}: ${type}`).toBeLessThan(500);
        if (name === "slack") expect(answer.status, `${type}`).toBe(400);
      }
      // A replay within the signature's window is the platform's own retry: answered alike.
      const first = await send(server.url, p.route, body, headers);
      const again = await send(server.url, p.route, body, headers);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.text).toContain("When:");
    }
    expect(logged.filter((l) => /failed/.test(l))).toEqual([]);
  });

  it("refuses a playground request over its limit with 413, saying so, not as a bad JSON", async () => {
    const huge = JSON.stringify({ text: `a: ${"b".repeat(2_000_000)}`, fileName: "big.yaml" });
    for (const route of ["trip", "ask"]) {
      const answer = await send(server.url, `/playground/api/${route}`, huge, JSON_TYPE);
      expect(answer.status, route).toBe(413);
      expect(answer.text, route).toMatch(/over 1024 KB/);
    }
  });

  it("answers two loads of the same trip at once: one loads, the other is told to try again", async () => {
    const yaml = readFileSync("trips/new-york-marathon-2025.yaml", "utf8");
    const versions = [1, 2, 3, 4].map((n) =>
      yaml.replace(/^name: (.*)$/m, (_, name) => `name: ${name} (version ${n})`),
    );
    const answers = await Promise.all(
      versions.map((text) =>
        send(server.url, "/playground/api/trip", JSON.stringify({ text }), JSON_TYPE),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(200);
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(JSON.parse(answer.text).error).toMatch(/another load.*Run it again/);
    }
    expect(logged.filter((l) => /failed/.test(l))).toEqual([]);
  });

  it("sends what the reader types on Discord as a question to `ask`, as Discord would", async () => {
    const answers = await send(
      server.url,
      "/playground/api/ask",
      JSON.stringify({ text: `Supercalifragilisticexpialidociousness visa?` }),
      JSON_TYPE,
    );
    expect(answers.status).toBe(200);
    const discord = JSON.parse(answers.text).discord;
    expect(discord.status).toBe(200);
    expect(JSON.stringify(discord.body)).toMatch(/visa/i);
    // A registered command is still sent as its own subcommand, under its name.
    const p = platform("discord");
    const alias = JSON.parse(p.api.command("Itinerary 2", "r", p.mountUrl())?.body ?? "{}");
    expect(alias.data.options).toEqual([
      { type: 1, name: "itinerary", options: [{ type: 3, name: "day", value: "2" }] },
    ]);
    const question = JSON.parse(
      p.api.command("Wann ist das Rennen?", "r", p.mountUrl())?.body ?? "{}",
    );
    expect(question.data.options).toEqual([
      {
        type: 1,
        name: "ask",
        options: [{ type: 3, name: "question", value: "Wann ist das Rennen?" }],
      },
    ]);
  });

  it("takes a client that goes away mid-body quietly, and goes on answering", async () => {
    const { port } = new URL(server.url);
    for (const path of ["/slack/events", "/discord/interactions", "/playground/api/trip"]) {
      const socket = connect(Number(port), "127.0.0.1");
      socket.on("error", () => {});
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text":"`,
      );
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
    }
    const state = await send(server.url, "/playground/api/state", "", {}, "GET");
    expect(state.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(logged.filter((l) => /failed/.test(l))).toEqual([]);
  });
});
