import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signLambdaRequest } from "../../bot/discord/lambda-deferrer";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { type DiscordFixture, discordFixture, slash } from "./helpers";
import { writeLongTrip } from "./long-trip";

class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | Uint8Array) {
    this.hash = secret ? createHmac("sha256", secret) : createHash("sha256");
  }
  update(data: string | Uint8Array) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {}
}

const target = {
  functionName: "trip-bot-discord",
  region: "eu-west-1",
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "session-token",
};

describe("Discord jobs deferred to an asynchronous Lambda invocation", () => {
  it("signs the Invoke request exactly as the AWS SDK's signer does", async () => {
    const url = new URL(
      "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/trip-bot-discord/invocations",
    );
    const body = JSON.stringify({ discordDeferredJob: { type: "follow-ups" } });
    const headers = { "content-type": "application/json", "x-amz-invocation-type": "Event" };
    const now = new Date("2025-04-06T08:00:00Z");
    const ours = signLambdaRequest(target, url, headers, body, now);
    const sdk = await new SignatureV4({
      service: "lambda",
      region: target.region,
      credentials: target,
      // The SDK's hash interface, satisfied by node:crypto (its own wrapper is not installed).
      sha256: NodeSha256 as unknown as ConstructorParameters<typeof SignatureV4>[0]["sha256"],
      applyChecksum: false,
    }).sign(
      {
        method: "POST",
        protocol: "https:",
        hostname: url.hostname,
        path: url.pathname,
        headers: { ...headers, host: url.host },
        body,
        query: {},
      },
      { signingDate: now },
    );
    expect(ours.authorization).toBe(sdk.headers.authorization);
  });

  let api: FakeDiscordApi;
  let lambda: {
    url: string;
    invocations: { headers: IncomingMessage["headers"]; body: string }[];
    close(): void;
  };
  let f: DiscordFixture;
  beforeAll(async () => {
    api = await startFakeDiscordApi();
    const invocations: { headers: IncomingMessage["headers"]; body: string }[] = [];
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      invocations.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(202).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    lambda = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      invocations,
      close: () => server.close(),
    };
    f = await discordFixture(
      await writeLongTrip(),
      {
        DISCORD_API_URL: api.url,
        AWS_LAMBDA_FUNCTION_NAME: target.functionName,
        AWS_REGION: target.region,
        AWS_ACCESS_KEY_ID: target.accessKeyId,
        AWS_SECRET_ACCESS_KEY: target.secretAccessKey,
        AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      },
      { defaultDeferrer: true },
    );
  });
  afterAll(async () => {
    await f.close();
    await api.close();
    lambda.close();
  });

  it("acknowledges at once, hands the follow-ups to Lambda, and the invocation sends them", async () => {
    const r = await f.call(slash("itinerary"));
    expect(r.json).toEqual({ type: 5, data: { flags: 64 } });
    expect(lambda.invocations).toHaveLength(1);
    const [invocation] = lambda.invocations;
    expect(invocation?.headers["x-amz-invocation-type"]).toBe("Event");
    expect(invocation?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(api.calls).toHaveLength(0);

    const done = await f.handler(JSON.parse(invocation?.body ?? "{}"));
    expect(done.statusCode).toBe(200);
    const calls = api.webhookCalls();
    expect(calls[0]?.method).toBe("PATCH");
    expect(calls[0]?.path).toMatch(/\/messages\/@original$/);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.slice(1).every((c) => c.method === "POST")).toBe(true);
    for (const c of calls) expect((c.body as { flags?: number }).flags).toBe(64);
  });
});
