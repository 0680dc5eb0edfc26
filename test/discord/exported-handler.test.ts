import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../bot/commands/registry";
import type { HttpResponse } from "../../bot/platforms";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";
import {
  autocomplete,
  type InteractionReply,
  ping,
  replyOf,
  signedEvent,
  slash,
  testKeys,
} from "./helpers";

/** The Lambda entry point exactly as deployed: configured by the environment alone. */
describe("handlers/discord.ts `handler`, configured by the environment", () => {
  let table: LocalEnvironment;
  const keys = testKeys();
  let handler: (e: unknown) => Promise<HttpResponse>;
  const saved = { ...process.env };

  beforeAll(async () => {
    table = await localTable({ trips: [PYONGYANG] });
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: "http://127.0.0.1:9",
    });
    handler = (await import("../../handlers/discord")).handler as typeof handler;
  });
  afterAll(async () => {
    process.env = saved;
    await table.close();
  });

  const call = async (body: unknown): Promise<{ statusCode: number; json: InteractionReply }> => {
    const r = await handler(
      signedEvent(JSON.stringify(body), {
        privateKey: keys.privateKey,
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    return { statusCode: r.statusCode, json: replyOf(r) };
  };

  it("answers PING, every subcommand and autocomplete", async () => {
    expect((await call(ping())).json).toEqual({ type: 1 });
    for (const command of COMMANDS) {
      const r = await call(slash(command.name));
      expect(r.statusCode, command.name).toBe(200);
      expect(r.json.type, command.name).toBe(4);
      expect(r.json.data?.allowed_mentions, command.name).toEqual({ parse: [] });
    }
    const suggested = await call(autocomplete("faq", "question", ""));
    expect(suggested.json.type).toBe(8);
    expect(suggested.json.data?.choices?.length).toBeGreaterThan(0);
  });

  it("refuses a request signed by another key", async () => {
    const r = await handler(
      signedEvent(JSON.stringify(ping()), {
        privateKey: testKeys().privateKey,
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    expect(r.statusCode).toBe(401);
  });
});
