import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { type FakeSlackApi, startFakeSlackApi } from "../../bot/slack/stand-in";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";
import { type SlackAnswer, slackHandler } from "./setup";
import { commandBody, SECRET, slackEvent } from "./signed";

describe("an organiser's FAQ post through the handler wired from the environment", () => {
  let dir: string;
  let table: LocalEnvironment;
  let slack: FakeSlackApi;
  let handler: ReturnType<typeof slackHandler>;
  let questions: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slack-organiser-"));
    const trip = parse(await readFile(PYONGYANG, "utf8"));
    trip.organisers.slack = ["UORGANISER"];
    questions = trip.faq.length;
    const file = join(dir, "trip.yaml");
    await writeFile(file, stringify(trip));
    table = await localTable({ trips: [file] });
    slack = await startFakeSlackApi();
    handler = slackHandler({
      env: {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_API_URL: slack.apiUrl,
        TABLE_NAME: table.tableName,
        DYNAMODB_ENDPOINT: table.endpoint,
      },
    });
  });
  afterAll(async () => {
    await table.close();
    await slack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("acknowledges at once, then posts every question publicly when an organiser asks", async () => {
    const res = await handler(
      slackEvent(
        commandBody("faq post", { user_id: "UORGANISER", response_url: slack.responseUrl("o") }),
      ),
    );
    expect(res.statusCode).toBe(200);
    expect((JSON.parse(res.body) as SlackAnswer).response_type).toBe("ephemeral");
    await handler.idle();
    // The acknowledgement is replaced by the outcome, privately.
    const [outcome] = slack.responses("o");
    expect(outcome?.response_type).toBe("ephemeral");
    expect(JSON.stringify(outcome)).toMatch(/Posted all \d+ questions/);
    const posted = slack.posts().filter((p) => p.body.channel === "C0001");
    expect(posted.length).toBeGreaterThan(0);
    const text = posted.map((p) => JSON.stringify(p.body.blocks)).join("");
    expect(text.match(/\?\*/g)?.length ?? 0).toBeGreaterThanOrEqual(questions);
  });

  it("posts nothing for someone who is not an organiser", async () => {
    const before = slack.posts().length;
    const res = await handler(
      slackEvent(
        commandBody("faq post", { user_id: "UTRAVELLER", response_url: slack.responseUrl("t") }),
      ),
    );
    expect(res.statusCode).toBe(200);
    await handler.idle();
    expect(slack.posts().length).toBe(before);
    expect(JSON.stringify(slack.responses("t")[0])).toMatch(/Only organisers/);
  });
});
