import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, runNode } from "../../bench/lib/harness";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";

describe("the Discord handler bundled as the Lambda runs it", () => {
  let table: LocalEnvironment;
  let dir: string;
  beforeAll(async () => {
    table = await localTable({ trips: [PYONGYANG] });
    dir = await mkdtemp(join(tmpdir(), "discord-bundle-"));
  });
  afterAll(async () => {
    await table.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers a signed /marathon when from a fresh Node process", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const spki = publicKey.export({ format: "der", type: "spki" });
    const { file } = await bundle("handlers/discord.ts", dir, "discord");
    // The driver exits non-zero unless the answer is a message (type 4) with status 200.
    const { report } = await runNode("bench/discord-driver.mjs", {
      BENCH_BUNDLE: file,
      BENCH_PRIVATE_KEY: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      DISCORD_PUBLIC_KEY: spki.subarray(spki.length - 32).toString("hex"),
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
    });
    expect(report.status).toBe(200);
  });
});
