process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

import { afterEach, describe, expect, it } from "vitest";
import type { CommandRequest } from "../../bot/commands/context";
import { discord } from "../../bot/discord/platform";
import { lambdaHttp } from "../../bot/lambda/http";
import { loadTrip } from "../../bot/loading/load-trip";
import { createRuntime, type Runtime } from "../../bot/runtime";
import { createDocumentClient, ensureTable } from "../../bot/store/dynamo-client";
import { dynamoStores } from "../../bot/store/dynamo-stores";
import { type LocalDynamo, startLocalDynamo } from "../../bot/store/local-dynamo";
import { renderText } from "../../bot/text/render";
import type { TripFile } from "../../bot/trip/schema";
import { signedEvent, slash, testKeys } from "../discord/helpers";
import { NEW_YORK, PYONGYANG, tripFile } from "../helpers/memory-trips";

// Containers as Lambda builds them (createRuntime, one per container) over one dynalite
// table; requests are counted at the database, whoever sends them.

const NOW = new Date("2025-04-01T00:00:00Z");

interface Table {
  server: LocalDynamo;
  /** What an organiser's CLI or another container writes through. */
  admin: ReturnType<typeof dynamoStores>;
  /** A new container: its own client, stores and bot. */
  container(): Runtime;
  /** What a container's environment holds to reach the table. */
  env: Record<string, string>;
  /** The operations the database receives while `run` runs. */
  requestsDuring(run: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

let table: Table | undefined;
afterEach(async () => {
  await table?.close();
  table = undefined;
});

async function openTable(trips: readonly string[]): Promise<Table> {
  const server = await startLocalDynamo();
  const tableName = `warm-${Math.random().toString(36).slice(2, 10)}`;
  const doc = createDocumentClient({ tableName, endpoint: server.endpoint });
  await ensureTable(doc, tableName);
  const admin = dynamoStores(doc, tableName);
  for (const path of trips) await loadTrip(admin, tripFile(path));
  let seen: string[] | undefined;
  server.onRequest((operation) => seen?.push(operation));
  const env = { TABLE_NAME: tableName, DYNAMODB_ENDPOINT: server.endpoint };
  return {
    server,
    admin,
    container: () => createRuntime(env, { platforms: [], clock: () => NOW }),
    env,
    async requestsDuring(run) {
      seen = [];
      try {
        await run();
        return seen;
      } finally {
        seen = undefined;
      }
    },
    async close() {
      doc.destroy();
      await server.close();
    },
  };
}

const when = (channel = "C1"): CommandRequest => ({
  command: "when",
  input: "",
  user: { id: "U1" },
  channel: { id: channel },
  workspace: { id: "T1" },
  platform: "slack",
});

/** What the channel reads in answer to `/marathon when`. */
async function ask(container: Runtime, channel = "C1"): Promise<string> {
  const reply = await container.bot.answer(when(channel));
  return `${reply.title}\n${renderText(reply, { readerZone: "UTC", now: NOW })}`;
}

const PYONGYANG_START = "Sun 6 Apr 2025, 08:00 Pyongyang time";

describe("a warm container answers from the trip it holds, checked in one request", () => {
  it("an unlinked channel of a one-trip deployment: cold reads stamps then the trip, warm one BatchGetItem", async () => {
    table = await openTable([PYONGYANG]);
    const container = table.container();
    let answer = "";
    expect(
      await table.requestsDuring(async () => {
        answer = await ask(container);
      }),
    ).toEqual(["BatchGetItem", "Query"]);
    expect(answer).toContain(PYONGYANG_START);
    for (let i = 0; i < 3; i++) {
      expect(
        await table.requestsDuring(async () => {
          answer = await ask(container);
        }),
      ).toEqual(["BatchGetItem"]);
      expect(answer).toContain(PYONGYANG_START);
    }
  });

  it("a linked channel: one Query for the trip when cold, one BatchGetItem when warm", async () => {
    table = await openTable([PYONGYANG, NEW_YORK]);
    await table.admin.channels.link("slack", "C1", "new-york-marathon-2025", "U1", "T1");
    const container = table.container();
    let answer = "";
    const cold = await table.requestsDuring(async () => {
      answer = await ask(container);
    });
    expect(cold).toEqual(["BatchGetItem", "Query"]);
    expect(answer).toContain("New York");
    const warm = await table.requestsDuring(async () => {
      answer = await ask(container);
    });
    expect(warm).toEqual(["BatchGetItem"]);
    expect(answer).toContain("New York");
  });
});

describe("no stale answer after a change made through another container", () => {
  it("after an unlink a one-trip channel answers from the trip it holds, reading the trip index once more", async () => {
    table = await openTable([PYONGYANG]);
    const [a, b] = [table.container(), table.container()];
    await b.reminders.link("slack", "C1", "pyongyang-marathon-2025", "U1");
    expect(await ask(a)).toContain(PYONGYANG_START);
    await b.reminders.unlink("slack", "C1");
    let answer = "";
    expect(
      await table.requestsDuring(async () => {
        answer = await ask(a);
      }),
    ).toEqual(["BatchGetItem", "BatchGetItem"]);
    expect(answer).toContain(PYONGYANG_START);
    expect(await table.requestsDuring(() => ask(a))).toEqual(["BatchGetItem"]);
  });

  it("sees a load at once, on both containers", async () => {
    table = await openTable([PYONGYANG]);
    const [a, b] = [table.container(), table.container()];
    for (const c of [a, b, a, b]) expect(await ask(c)).toContain(PYONGYANG_START);

    const edited: TripFile = structuredClone(tripFile(PYONGYANG));
    edited.event.start = "2025-04-06 09:30";
    // The load runs in container B, as an organiser's upload would.
    await loadTrip({ ...table.admin, facts: b.store }, edited);

    expect(await ask(a)).toContain("Sun 6 Apr 2025, 09:30 Pyongyang time");
    expect(await ask(b)).toContain("Sun 6 Apr 2025, 09:30 Pyongyang time");
    // And the edit is held from then on: one request again.
    expect(await table.requestsDuring(() => ask(a))).toEqual(["BatchGetItem"]);
  });

  it("sees a relink and an unlink made by another container", async () => {
    table = await openTable([PYONGYANG, NEW_YORK]);
    const [a, b] = [table.container(), table.container()];
    await b.reminders.link("slack", "C1", "pyongyang-marathon-2025", "U1");
    expect(await ask(a)).toContain(PYONGYANG_START);
    expect(await ask(a)).toContain(PYONGYANG_START);

    await b.reminders.link("slack", "C1", "new-york-marathon-2025", "U1");
    const relinked = await ask(a);
    expect(relinked).toContain("New York");
    expect(relinked).not.toContain("Pyongyang time");

    await b.reminders.unlink("slack", "C1");
    // Two trips and no link (nor a workspace that uses one trip): the channel must choose.
    expect(await ask(a)).toContain("Which trip?");
    expect(await ask(a)).toContain("Which trip?");

    await b.reminders.link("slack", "C1", "pyongyang-marathon-2025", "U1");
    expect(await ask(a)).toContain(PYONGYANG_START);
  });

  it("a one-trip deployment that gains a second trip stops answering from the first", async () => {
    table = await openTable([PYONGYANG]);
    const [a, b] = [table.container(), table.container()];
    expect(await ask(a)).toContain(PYONGYANG_START);
    expect(await ask(a)).toContain(PYONGYANG_START);
    await loadTrip({ ...table.admin, facts: b.store }, tripFile(NEW_YORK));
    expect(await ask(a)).toContain("Which trip?");
  });
});

describe("through the deployed Discord handler, two containers", () => {
  it("answers warm with one request, and a load between two requests is in the next answer", async () => {
    table = await openTable([PYONGYANG]);
    const keys = testKeys();
    const env = {
      ...table.env,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: "http://127.0.0.1:9",
    };
    const [a, b] = [lambdaHttp(discord, { env }), lambdaHttp(discord, { env })];
    const when = async (handler: typeof a) => {
      const body = JSON.stringify(slash("when"));
      const event = signedEvent(body, {
        privateKey: keys.privateKey,
        timestamp: Math.floor(Date.now() / 1000),
      });
      const response = await handler(event);
      expect(response.statusCode).toBe(200);
      return response.body;
    };
    expect(await table.requestsDuring(() => when(a))).toEqual(["BatchGetItem", "Query"]);
    expect(await when(b)).toContain("08:00");
    expect(await table.requestsDuring(() => when(a))).toEqual(["BatchGetItem"]);

    const edited: TripFile = structuredClone(tripFile(PYONGYANG));
    edited.event.start = "2025-04-06 09:30";
    await loadTrip(table.admin, edited);
    for (const handler of [a, b]) {
      const answer = await when(handler);
      expect(answer).toContain("09:30");
      expect(answer).not.toContain("08:00 Pyongyang");
    }
  });
});
