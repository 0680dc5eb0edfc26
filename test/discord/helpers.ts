import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { inProcessAfterResponse } from "../../bot/after-response";
import { createBot } from "../../bot/core";
import { discord } from "../../bot/discord/platform";
import { DiscordChannelPoster } from "../../bot/discord/poster";
import type { DiscordMessage } from "../../bot/discord/render";
import { discordSignatureHeaders } from "../../bot/discord/stand-in";
import { type LambdaHttpHandler, lambdaHttp } from "../../bot/lambda/http";
import { DynamoReminderStore } from "../../bot/store/dynamo-reminder-store";
import type { Trip } from "../../bot/trip/model";
import { localTable } from "../helpers/local-table";

/** A test key pair standing in for the application's (Discord signs with the private half). */
export function testKeys(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  return { publicKeyHex: der.subarray(der.length - 32).toString("hex"), privateKey };
}

export interface SignedOptions {
  privateKey: KeyObject;
  /** Seconds since the epoch; the signature's moment. */
  timestamp: number;
  /** Applied after signing, to test tampering. */
  alterBody?: (body: string) => string;
  base64?: boolean;
  headers?: Record<string, string | undefined>;
}

/** An API Gateway HTTP API (v2.0) event as Discord's POST arrives through it. */
export function signedEvent(body: string, options: SignedOptions): APIGatewayProxyEventV2 {
  const sent = options.alterBody ? options.alterBody(body) : body;
  const headers: Record<string, string | undefined> = {
    "content-type": "application/json",
    ...discordSignatureHeaders(options.privateKey, body, options.timestamp),
    ...options.headers,
  };
  return {
    version: "2.0",
    routeKey: "POST /discord",
    rawPath: "/discord",
    rawQueryString: "",
    headers: Object.fromEntries(
      Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "example.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "example",
      http: {
        method: "POST",
        path: "/discord",
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "Discord-Interactions/1.0",
      },
      requestId: "req",
      routeKey: "POST /discord",
      stage: "$default",
      time: "06/Apr/2025:00:00:00 +0000",
      timeEpoch: 0,
    },
    body: options.base64 ? Buffer.from(sent).toString("base64") : sent,
    isBase64Encoded: options.base64 ?? false,
  };
}

const user = { id: "42", username: "runner", global_name: "Runner Ri" };
let seq = 1;

function interaction(type: number, data: unknown, extra: object = {}) {
  const id = String(seq++);
  return {
    id,
    application_id: "app-1",
    type,
    data,
    guild_id: "guild-1",
    channel_id: "channel-1",
    channel: { id: "channel-1", type: 0 },
    member: { user, nick: null, roles: [] },
    token: `token-${id}`,
    version: 1,
    locale: "en-GB",
    ...extra,
  };
}

export const ping = () => ({ id: "p", application_id: "app-1", type: 1, token: "t", version: 1 });

/** `/marathon <sub> [option:value]`, by member 42 unless `extra.user` names another. */
export function slash(
  sub: string,
  option?: { name: string; value: string },
  extra: { permissions?: string; user?: string } = {},
) {
  const member = {
    user: extra.user ? { ...user, id: extra.user } : user,
    nick: null,
    roles: [],
    ...(extra.permissions === undefined ? {} : { permissions: extra.permissions }),
  };
  return interaction(
    2,
    {
      id: "cmd",
      name: "marathon",
      type: 1,
      options: [{ type: 1, name: sub, ...(option ? { options: [{ type: 3, ...option }] } : {}) }],
    },
    extra.permissions === undefined && extra.user === undefined ? {} : { member },
  );
}

/** Discord's permission bitfield for a member who may Manage Server (not an organiser). */
export const MANAGE_SERVER = String(1 << 5);

export function autocomplete(sub: string, option: string, typed: string) {
  return interaction(4, {
    id: "cmd",
    name: "marathon",
    type: 1,
    options: [
      { type: 1, name: sub, options: [{ type: 3, name: option, value: typed, focused: true }] },
    ],
  });
}

export function buttonClick(customId: string) {
  return interaction(
    3,
    { custom_id: customId, component_type: 2 },
    {
      message: { id: "m1", channel_id: "channel-1", flags: 64, content: "", embeds: [] },
    },
  );
}

/** What the handler answers Discord, as a test reads it. */
export interface InteractionReply {
  type: number;
  error?: string;
  data?: Partial<DiscordMessage> & { choices?: { name: string; value: string }[] };
}

/** The parts of a multipart/form-data body, by name (Discord's response with files attached). */
export function formParts(
  body: string,
  contentType: string,
): Map<string, { filename?: string; text: string }> {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? "";
  const parts = new Map<string, { filename?: string; text: string }>();
  for (const raw of body.split(`--${boundary}`).slice(1, -1)) {
    const [head = "", ...rest] = raw.replace(/^\r\n/, "").split("\r\n\r\n");
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? "";
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    const text = rest.join("\r\n\r\n").replace(/\r\n$/, "");
    parts.set(name, { ...(filename ? { filename } : {}), text });
  }
  return parts;
}

/** The interaction response a handler answered: its JSON, or a multipart body's payload_json. */
export function replyOf(r: { headers: Record<string, string>; body: string }): InteractionReply {
  const type = r.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data")) return JSON.parse(r.body || "null");
  return JSON.parse(formParts(r.body, type).get("payload_json")?.text ?? "null");
}

export const NOW = new Date("2025-03-20T00:00:00Z");
export const nowSeconds = () => Math.floor(NOW.getTime() / 1000);

export type DiscordHandler = LambdaHttpHandler;

export interface DiscordFixture {
  handler: DiscordHandler;
  trip: Trip;
  send(body: unknown, options?: Partial<SignedOptions>): ReturnType<DiscordHandler>;
  /** Parsed JSON response body. */
  call(body: unknown): Promise<{ statusCode: number; json: InteractionReply }>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The handler over a real local table holding `tripFile`, with an injected clock. */
export async function discordFixture(
  tripFile: string,
  env: NodeJS.ProcessEnv = {},
  options: { defaultDeferrer?: boolean } = {},
): Promise<DiscordFixture> {
  const table = await localTable({ trips: [tripFile] });
  const [summary] = await table.store.listTrips();
  const trip = summary ? await table.store.getTrip(summary.id) : undefined;
  if (!trip) throw new Error(`no trip loaded from ${tripFile}`);
  const keys = testKeys();
  // Nothing listens there: a test that gives no API of its own never reaches Discord.
  const apiUrl = env.DISCORD_API_URL ?? "http://127.0.0.1:9";
  const rest = { baseUrl: apiUrl, token: "test-token" };
  const poster = new DiscordChannelPoster(rest);
  const channels = new DynamoReminderStore(table.doc, table.tableName);
  const bot = createBot({
    store: table.store,
    channels,
    posters: { discord: poster },
    clock: () => NOW,
  });
  let later: ReturnType<typeof inProcessAfterResponse> | undefined;
  const failures: unknown[] = [];
  const handler = lambdaHttp(discord, {
    env: {
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_BOT_TOKEN: "test-token",
      ...env,
      DISCORD_API_URL: apiUrl,
    },
    bot: () => bot,
    clock: () => NOW,
    ...(options.defaultDeferrer
      ? {}
      : {
          later: (run) => {
            later = inProcessAfterResponse(run, (e) => failures.push(e));
            return later;
          },
        }),
  });
  const send = (body: unknown, options: Partial<SignedOptions> = {}) =>
    handler(
      signedEvent(typeof body === "string" ? body : JSON.stringify(body), {
        privateKey: keys.privateKey,
        timestamp: nowSeconds(),
        ...options,
      }),
    );
  return {
    handler,
    trip,
    send,
    async call(body) {
      const r = await send(body);
      return { statusCode: r.statusCode, json: replyOf(r) };
    },
    async idle() {
      await later?.idle();
      if (failures.length > 0) throw failures[0];
    },
    close: () => table.close(),
  };
}
