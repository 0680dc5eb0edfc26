import { createHmac } from "node:crypto";
import { Template } from "aws-cdk-lib/assertions";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommandText } from "../../bot/commands/registry";
import type { ChannelPoster } from "../../bot/delivery";
import { lambdaHttp } from "../../bot/lambda/http";
import { remindersHandler } from "../../bot/lambda/reminders";
import { loadTrip } from "../../bot/loading/load-trip";
import { type HttpResponse, PLATFORMS, type Platform } from "../../bot/platforms";
import type { Reply } from "../../bot/reply";
import { renderText } from "../../bot/text/render";
import type { LocalEnvironment } from "../../dev/environment";
import { localTable } from "../helpers/local-table";
import { syntheticTrip } from "../helpers/synthetic-trip";
import { testApp } from "../infra/synth";

/**
 * A third platform, registered only here: its own signature, request shape, rendering and
 * poster. Nothing in the product names it; the list and the contract are all it needs.
 */
const posts: { channel: string; reply: Reply }[] = [];
const recordingPoster: ChannelPoster = {
  platform: "pigeon",
  async post(channel, reply) {
    posts.push({ channel, reply });
    return { ok: true, parts: 1 };
  },
};

const sign = (secret: string, body: Buffer | string) =>
  createHmac("sha256", secret).update(body).digest("hex");

const pigeon: Platform = {
  name: "pigeon",
  title: "Pigeon",
  route: "/pigeon/messages",
  endpoint: { output: "PigeonUrl", description: "Pigeon: webhook URL" },
  secrets: ["PIGEON_SECRET", "PIGEON_TOKEN"],
  userIds: "Pigeon user ids",
  async http(deps) {
    const secret = deps.env.PIGEON_SECRET;
    if (!secret) throw new Error("PIGEON_SECRET is not set");
    return {
      async handle(request): Promise<HttpResponse> {
        if (request.headers["x-pigeon-signature"] !== sign(secret, request.body)) {
          return { statusCode: 401, headers: {}, body: "" };
        }
        const { text, channel, user } = JSON.parse(request.body.toString("utf8"));
        const { command, input } = parseCommandText(String(text));
        const reply = await deps.bot.answer({
          command,
          input,
          user: { id: String(user) },
          channel: { id: String(channel) },
          platform: "pigeon",
        });
        const shown = renderText(reply, { readerZone: "UTC", now: deps.clock() });
        return {
          statusCode: 200,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ title: reply.title, text: shown }),
        };
      },
      async runLater() {},
    };
  },
  poster: (env) => (env.PIGEON_TOKEN ? recordingPoster : undefined),
};

const NOW = new Date("2025-04-05T12:00:00Z");
const ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:pigeon-AbCdEf";
/** In AWS the credentials come from the platform's one secret, named by PIGEON_SECRET_ARN. */
const fetchSecret = async (id: string) =>
  id === ARN ? JSON.stringify({ PIGEON_SECRET: "s3cret", PIGEON_TOKEN: "t0ken" }) : undefined;

/** A signed Pigeon POST as API Gateway delivers it (base64, mixed-case header names). */
function pigeonEvent(body: unknown, secret = "s3cret"): APIGatewayProxyEventV2 {
  const raw = JSON.stringify(body);
  return {
    version: "2.0",
    routeKey: `POST ${pigeon.route}`,
    rawPath: pigeon.route,
    rawQueryString: "",
    headers: { "Content-Type": "application/json", "X-Pigeon-Signature": sign(secret, raw) },
    requestContext: {} as APIGatewayProxyEventV2["requestContext"],
    body: Buffer.from(raw).toString("base64"),
    isBase64Encoded: true,
  };
}

describe("a third platform added in a test only", () => {
  let table: LocalEnvironment;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    table = await localTable();
    await loadTrip(
      table.stores,
      // The trip file lists its organisers under the new platform's name, as under any other.
      syntheticTrip({
        id: "pigeon-trip",
        items: 2,
        firstStart: new Date("2025-04-05T12:30:00Z"),
        organisers: { pigeon: ["u1"] },
      }),
      { now: NOW },
    );
    env = {
      TABLE_NAME: table.tableName,
      DYNAMODB_ENDPOINT: table.endpoint,
      PIGEON_SECRET_ARN: ARN,
    };
  });
  afterAll(() => table.close());

  it("answers /marathon when through the core, and refuses a forged request", async () => {
    const handler = lambdaHttp(pigeon, { env, fetchSecret, clock: () => NOW });
    const res = await handler(pigeonEvent({ text: "when", channel: "P1", user: "u1" }));
    expect(res.statusCode).toBe(200);
    const answer = JSON.parse(res.body) as { title: string; text: string };
    expect(answer.text).toContain("Race of pigeon-trip");
    expect(answer.text).toContain("Stadium");
    const forged = await handler(pigeonEvent({ text: "when", channel: "P1", user: "u1" }, "x"));
    expect(forged.statusCode).toBe(401);
  });

  it("receives the reminders of a channel subscribed through it", async () => {
    const handler = lambdaHttp(pigeon, { env, fetchSecret, clock: () => NOW });
    const on = await handler(pigeonEvent({ text: "reminders on", channel: "P1", user: "u1" }));
    expect(JSON.parse(on.body).text).toMatch(/on/i);
    const reminders = remindersHandler({ env, fetchSecret, platforms: [...PLATFORMS, pigeon] });
    const summary = await reminders({ time: NOW.toISOString(), id: "pigeon-run" });
    expect(summary).toMatchObject({ sent: 2, missed: 0 });
    expect(posts.map((p) => p.channel)).toEqual(["P1", "P1"]);
    expect(JSON.stringify(posts[0]?.reply)).toContain("Item 0");
  });
});

describe("the stack with a third platform in its list", () => {
  it("gives it a route, a function, one secret of its own and an output", () => {
    const { stack } = testApp({ platforms: [...PLATFORMS, pigeon] });
    const template = Template.fromStack(stack);
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    expect(routes.map((r) => r.Properties.RouteKey)).toContain("POST /pigeon/messages");
    const secrets = Object.values(template.findResources("AWS::SecretsManager::Secret"));
    expect(secrets).toHaveLength(PLATFORMS.length + 1);
    // Created without a value; its description names the keys to put there.
    const own = secrets.filter((s) => /PIGEON_SECRET, PIGEON_TOKEN/.test(s.Properties.Description));
    expect(own).toHaveLength(1);
    expect(own[0]?.Properties.SecretString).toBeUndefined();
    const fn =
      template.toJSON().Resources[
        stack.getLogicalId(stack.fn("pigeon").fn.node.defaultChild as never)
      ];
    expect(Object.keys(fn.Properties.Environment.Variables)).toContain("PIGEON_SECRET_ARN");
    expect(template.toJSON().Outputs.PigeonUrl).toBeDefined();
  });
});
