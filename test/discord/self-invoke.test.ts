import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Logger } from "@aws-lambda-powertools/logger";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeDiscordApi, startFakeDiscordApi } from "../../bot/discord/stand-in";
import { type DiscordFixture, discordFixture, slash } from "./helpers";
import { writeLongTrip } from "./long-trip";

const target = {
  functionName: "trip-bot-discord",
  region: "eu-west-1",
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

describe("Discord jobs deferred to an asynchronous Lambda invocation", () => {
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
    // The AWS SDK reads its credentials where it does in Lambda: the environment.
    vi.stubEnv("AWS_ACCESS_KEY_ID", target.accessKeyId);
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", target.secretAccessKey);
    vi.stubEnv("AWS_SESSION_TOKEN", "session-token");
    f = await discordFixture(
      await writeLongTrip(),
      {
        DISCORD_API_URL: api.url,
        AWS_LAMBDA_FUNCTION_NAME: target.functionName,
        AWS_REGION: target.region,
        AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      },
      { defaultDeferrer: true },
    );
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await f.close();
    await api.close();
    lambda.close();
  });

  it("acknowledges at once, hands the follow-ups to Lambda through the AWS SDK, and the invocation sends them", async () => {
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

  /** The self-invocation a fresh slow answer hands to Lambda. */
  const deferredInvocation = async () => {
    const before = lambda.invocations.length;
    await f.call(slash("itinerary"));
    expect(lambda.invocations).toHaveLength(before + 1);
    return JSON.parse(lambda.invocations.at(-1)?.body ?? "{}");
  };

  it("sends a follow-up again when Discord refused it for a moment", async () => {
    const event = await deferredInvocation();
    api.reset();
    api.fault({ kind: "server-error" }, { method: "POST", path: /\/webhooks\// });
    expect((await f.handler(event)).statusCode).toBe(200);
    const calls = api.webhookCalls();
    const refused = calls.filter((c) => c.fault === "server-error");
    expect(refused).toHaveLength(1);
    // Every follow-up arrived once: the refused one again, after the others before it.
    const delivered = calls.filter((c) => c.status === 200 || c.status === 204);
    const bodies = delivered.map((c) => JSON.stringify(c.body));
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies).toContain(JSON.stringify(refused[0]?.body));
    expect(delivered.length).toBeGreaterThan(1);
  });

  it("fails the invocation, logging why, when the answer cannot be sent, so it is kept and alarmed", async () => {
    const event = await deferredInvocation();
    api.reset();
    api.fault({ kind: "server-error", status: 404 }, { method: "PATCH" });
    const logged = vi.spyOn(Logger.prototype, "error").mockImplementation(() => {});
    let failure: unknown;
    try {
      await f.handler(event);
    } catch (e) {
      failure = e;
    }
    expect(String(failure)).toMatch(/the answer was not sent \(HTTP 404/);
    // Not retried (404 will not change), and nothing after it was posted out of order.
    expect(api.webhookCalls()).toHaveLength(1);
    const calls = logged.mock.calls.map((c) => c as unknown[]);
    logged.mockRestore();
    expect(calls).toContainEqual([
      "a job after the response failed",
      { error: failure, job: "follow-ups" },
    ]);
    // The interaction token is a credential for 15 minutes: never in the log.
    expect(String(failure)).not.toContain(event.afterResponse.token);
  });
});
