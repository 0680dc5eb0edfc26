import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, runNode } from "../../bench/lib/harness";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";
import { commandBody } from "./signed";

describe("the Slack handler bundled as the Lambda runs it", () => {
  let table: LocalEnvironment;
  let dir: string;
  beforeAll(async () => {
    table = await localTable({ trips: [PYONGYANG] });
    dir = await mkdtemp(join(tmpdir(), "slack-bundle-"));
  });
  afterAll(async () => {
    await table.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers a signed /marathon when from a fresh Node process", async () => {
    const { file } = await bundle("handlers/slack.ts", dir, "slack");
    const { report } = await runNode("bench/lib/lambda-driver.mjs", {
      BENCH_BUNDLE: file,
      BENCH_SECRET: "s3cret",
      BENCH_BODY: commandBody("when"),
      SLACK_SIGNING_SECRET: "s3cret",
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
    });
    expect(report.status).toBe(200);
  });
});
