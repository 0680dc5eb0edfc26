import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../bot/commands/registry";
import type { LocalEnvironment } from "../../dev/environment";
import { handler } from "../../handlers/slack";
import { localTable, NEW_YORK } from "../helpers/local-table";
import { type SlackAnswer, visibleText } from "./setup";
import { commandBody, SECRET, slackEvent } from "./signed";

describe("handlers/slack.ts handler, configured from the environment", () => {
  let table: LocalEnvironment;
  const saved = { ...process.env };
  beforeAll(async () => {
    table = await localTable({ trips: [NEW_YORK] });
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      SLACK_SIGNING_SECRET: SECRET,
    });
  });
  afterAll(async () => {
    process.env = saved;
    await table.close();
  });

  it("answers every command, a base64 body included, and rejects a forged one", async () => {
    for (const command of COMMANDS) {
      const res = await handler(slackEvent(commandBody(command.name), { base64: true }));
      expect(res.statusCode, command.name).toBe(200);
      const answer = JSON.parse(res.body) as SlackAnswer;
      expect(answer.blocks[0]?.type, command.name).toBe("header");
      expect(visibleText(answer).length, command.name).toBeGreaterThan(0);
    }
    const forged = await handler(slackEvent(commandBody("when"), { secret: "not-the-secret" }));
    expect(forged.statusCode).toBe(401);
  });
});
