import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpResponse } from "../../bot/platforms";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable, PYONGYANG } from "../helpers/local-table";
import { type InteractionReply, ping, signedEvent, slash, testKeys } from "./helpers";

/** In AWS the Discord credentials come from Secrets Manager, named by DISCORD_SECRET_ARN. */
describe("handlers/discord.ts `handler` with its credentials in Secrets Manager", () => {
  const keys = testKeys();
  const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:discord-AbCdEf";
  let table: LocalEnvironment;
  let secrets: Server;
  let secretString = "";
  let handler: (e: unknown) => Promise<HttpResponse>;
  const saved = { ...process.env };

  beforeAll(async () => {
    table = await localTable({ trips: [PYONGYANG] });
    // Secrets Manager's JSON protocol, enough for GetSecretValue.
    secrets = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify({ ARN: arn, Name: "discord", SecretString: secretString }));
      });
    });
    await new Promise<void>((r) => secrets.listen(0, "127.0.0.1", r));
    const { port } = secrets.address() as AddressInfo;
    for (const name of ["DISCORD_PUBLIC_KEY", "DISCORD_BOT_TOKEN", "DISCORD_APPLICATION_ID"]) {
      delete process.env[name];
    }
    Object.assign(process.env, {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      DISCORD_SECRET_ARN: arn,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${port}`,
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
    });
    handler = (await import("../../handlers/discord")).handler as typeof handler;
  });
  afterAll(async () => {
    process.env = saved;
    secrets.close();
    await table.close();
  });

  const call = async (body: unknown) => {
    const r = await handler(
      signedEvent(JSON.stringify(body), {
        privateKey: keys.privateKey,
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    return {
      statusCode: r.statusCode,
      json: r.body ? (JSON.parse(r.body) as InteractionReply) : undefined,
    };
  };

  it("answers 500, not a throw, while the secret holds no key yet", async () => {
    secretString = JSON.stringify({ DISCORD_PUBLIC_KEY: "" });
    expect((await call(ping())).statusCode).toBe(500);
  });

  it("verifies with the public key from the secret and answers", async () => {
    secretString = JSON.stringify({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_BOT_TOKEN: "t",
    });
    // Powertools keeps the earlier value for a while; a new container would read the new one.
    const { clearCaches } = await import("@aws-lambda-powertools/parameters");
    clearCaches();
    expect((await call(ping())).json).toEqual({ type: 1 });
    const r = await call(slash("when"));
    expect(r.json?.type).toBe(4);
  });
});
