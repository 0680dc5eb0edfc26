import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoQuestionStore } from "../../bot/store/dynamo-question-store";
import {
  type AskedQuestion,
  InMemoryQuestionStore,
  QUESTION_RETENTION_DAYS,
  type QuestionStore,
} from "../../bot/store/question-store";
import { keys, TTL_ATTRIBUTE } from "../../bot/store/table";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";

const NOW = new Date("2025-04-01T00:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

const asked = (text: string, at: Date, tripId = "trip-a"): AskedQuestion => ({
  tripId,
  text,
  platform: "slack",
  channelId: "C1",
  askedAt: at,
});

/** One contract, run against every implementation of the port. */
function contract(
  name: string,
  open: () => Promise<{ store: QuestionStore; close(): Promise<void> }>,
) {
  describe(`question store contract: ${name}`, () => {
    let store: QuestionStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
      await store.record(asked("can I bring a drone", daysAgo(3)));
      await store.record(asked("is there a pool", daysAgo(1)));
      await store.record(asked("karaoke?", daysAgo(2), "trip-b"));
      await store.record(asked("an old question", daysAgo(QUESTION_RETENTION_DAYS + 1)));
    });
    afterAll(() => close());

    it("lists a trip's questions, newest first, with what was kept", async () => {
      const list = await store.list("trip-a", NOW);
      expect(list.map((q) => q.text)).toEqual(["is there a pool", "can I bring a drone"]);
      expect(list[0]).toEqual(asked("is there a pool", daysAgo(1)));
    });

    it("never shows another trip's questions", async () => {
      expect((await store.list("trip-b", NOW)).map((q) => q.text)).toEqual(["karaoke?"]);
      expect(await store.list("trip-c", NOW)).toEqual([]);
    });

    it("forgets questions older than the retention period", async () => {
      const texts = (await store.list("trip-a", NOW)).map((q) => q.text);
      expect(texts).not.toContain("an old question");
    });

    it("keeps no user id", async () => {
      for (const q of await store.list("trip-a", NOW)) {
        expect(Object.keys(q).sort()).toEqual([
          "askedAt",
          "channelId",
          "platform",
          "text",
          "tripId",
        ]);
      }
    });
  });
}

contract("in memory", async () => ({ store: new InMemoryQuestionStore(), close: async () => {} }));

let env: LocalEnvironment;
contract("DynamoDB", async () => {
  env = await localTable();
  return { store: new DynamoQuestionStore(env.doc, env.tableName), close: () => env.close() };
});

describe("DynamoDB question store", () => {
  let table: LocalEnvironment;
  beforeAll(async () => {
    table = await localTable();
  });
  afterAll(() => table.close());

  it("sets the TTL attribute 90 days after the question, outside the trip's partition", async () => {
    const store = new DynamoQuestionStore(table.doc, table.tableName);
    await store.record(asked("where is the ferry", NOW));
    const out = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": keys.questions("trip-a") },
      }),
    );
    const [item] = out.Items ?? [];
    expect(item?.[TTL_ATTRIBUTE]).toBe(NOW.getTime() / 1000 + 90 * 86_400);
  });
});
