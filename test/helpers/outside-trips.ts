import { generateKeyPairSync } from "node:crypto";
import { inProcessAfterResponse } from "../../bot/after-response";
import { findCommand } from "../../bot/commands/registry";
import { discord } from "../../bot/discord/platform";
import {
  discordSignatureHeaders,
  type FakeDiscordApi,
  startFakeDiscordApi,
} from "../../bot/discord/stand-in";
import { type LambdaHttpHandler, lambdaHttp } from "../../bot/lambda/http";
import { loadTrip } from "../../bot/loading/load-trip";
import { slack } from "../../bot/slack/platform";
import {
  type FakeSlackApi,
  slackSignatureHeaders,
  startFakeSlackApi,
} from "../../bot/slack/stand-in";
import { parseTripText } from "../../bot/trip/parse";
import type { LocalEnvironment } from "../../dev/environment";
import { replyOf } from "../discord/helpers";
import { buttonClickBody } from "../slack/signed";
import { localTable } from "./local-table";

/**
 * Both platforms' exported handlers (built from the environment, as in Lambda: the real bot,
 * its question store, its channel links) over a local table holding trips written in a test,
 * at a "now" the test chooses. Requests are signed as Slack and Discord sign them.
 */
export interface OutsideFixture {
  table: LocalEnvironment;
  /** The environment the handlers run with (the table, the secrets, the platforms' APIs). */
  env: NodeJS.ProcessEnv;
  /** Slack's and Discord's APIs, played on 127.0.0.1: what the bot posted there. */
  slackApi: FakeSlackApi;
  discordApi: FakeDiscordApi;
  /** A click on an answer's Slack "Share in channel" button (its value), by `user`. */
  slackShare(value: string, options?: { user?: string; channel?: string }): Promise<number>;
  /** A click on a Discord answer's button (its custom_id), in channel-1. */
  discordClick(customId: string): Promise<number>;
  /** Moves "now" (the requests' signatures move with it). */
  setNow(now: Date): void;
  /** `/<command> <text>` on Slack; answers the parsed JSON body and its status. */
  slack(
    text: string,
    options?: { user?: string; channel?: string; command?: string },
  ): Promise<{ statusCode: number; body: SlackBody }>;
  /**
   * `/marathon <sub> <option:value>` on Discord: the response, and every message the reader
   * sees (the response's own, then the follow-ups sent to Discord's API once it has left).
   */
  discord(
    sub: string,
    value?: string,
    options?: {
      user?: string;
      channel?: string;
      locale?: string;
      root?: string;
      /** The member's permission bitfield, as Discord sends it. */
      permissions?: string;
    },
  ): Promise<{ statusCode: number; body: DiscordBody; messages: DiscordMessageBody[] }>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface SlackBody {
  response_type?: string;
  text: string;
  blocks: {
    type: string;
    text?: { type: string; text: string };
    fields?: { type: string; text: string }[];
    elements?: { type: string; text?: string | { text: string } }[];
  }[];
}

export interface DiscordBody {
  type: number;
  data?: DiscordMessageBody;
}

export interface DiscordMessageBody {
  content?: string;
  flags?: number;
  allowed_mentions?: unknown;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components?: unknown[];
}

const SLACK_SECRET = "outside-signing-secret-0123456789";

export async function outsideFixture(trips: string[], start: Date): Promise<OutsideFixture> {
  let now = start;
  const table = await localTable();
  // Discord's API, played here: follow-ups of long answers land in it, never on the network.
  const discordApi = await startFakeDiscordApi();
  const slackApi = await startFakeSlackApi({ token: "xoxb-outside" });
  for (const yaml of trips) {
    const parsed = parseTripText(yaml, "test.yaml", { platforms: ["slack", "discord"] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await loadTrip(table.stores, parsed.file);
  }
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  const env = {
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    DISCORD_PUBLIC_KEY: der.subarray(der.length - 32).toString("hex"),
    DISCORD_API_URL: discordApi.url,
    DISCORD_BOT_TOKEN: "outside-bot-token",
    SLACK_API_URL: slackApi.apiUrl,
    SLACK_BOT_TOKEN: "xoxb-outside",
  };
  const running: { idle(): Promise<void> }[] = [];
  const failures: unknown[] = [];
  const options = {
    env,
    clock: () => now,
    later: (run: Parameters<typeof inProcessAfterResponse>[0]) => {
      const later = inProcessAfterResponse(run, (e) => failures.push(e));
      running.push(later);
      return later;
    },
  };
  const slackHandler: LambdaHttpHandler = lambdaHttp(slack, options);
  const discordHandler: LambdaHttpHandler = lambdaHttp(discord, options);
  const seconds = () => Math.floor(now.getTime() / 1000);
  let seq = 1;

  const event = (route: string, body: string, headers: Record<string, string>) => ({
    version: "2.0",
    routeKey: `POST ${route}`,
    rawPath: route,
    rawQueryString: "",
    headers,
    requestContext: {
      accountId: "123456789012",
      apiId: "api",
      domainName: "example.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "example",
      http: { method: "POST", path: route, protocol: "HTTP/1.1", sourceIp: "127.0.0.1" },
      requestId: `req-${seq++}`,
      routeKey: `POST ${route}`,
      stage: "$default",
      time: "01/Jan/2025:00:00:00 +0000",
      timeEpoch: now.getTime(),
    },
    body,
    isBase64Encoded: false,
  });

  const signedSlack = (body: string) =>
    slackHandler(
      event("/slack/events", body, {
        "content-type": "application/x-www-form-urlencoded",
        ...(slackSignatureHeaders(SLACK_SECRET, body, seconds()) as Record<string, string>),
      }) as never,
    );

  return {
    table,
    env,
    slackApi,
    discordApi,
    async slackShare(value, o = {}) {
      const body = buttonClickBody({
        actionId: "share",
        value,
        responseUrl: slackApi.responseUrl(`share-${seq++}`),
        ...(o.channel ? { channel: o.channel } : {}),
      });
      const res = await signedSlack(body);
      for (const later of running) await later.idle();
      return res.statusCode;
    },
    async discordClick(customId) {
      const id = String(seq++);
      const body = JSON.stringify({
        id,
        application_id: "app-1",
        type: 3,
        data: { custom_id: customId, component_type: 2 },
        guild_id: "guild-1",
        channel_id: "channel-1",
        channel: { id: "channel-1", type: 0 },
        member: { user: { id: "42", username: "runner" }, nick: null, roles: [] },
        message: { id: "m1", channel_id: "channel-1", flags: 64, content: "", embeds: [] },
        token: `token-${id}`,
        version: 1,
      });
      const res = await discordHandler(
        event("/discord", body, {
          "content-type": "application/json",
          ...(discordSignatureHeaders(privateKey, body, seconds()) as Record<string, string>),
        }) as never,
      );
      for (const later of running) await later.idle();
      return res.statusCode;
    },
    setNow(next) {
      now = next;
    },
    async slack(text, o = {}) {
      const body = new URLSearchParams({
        token: "legacy",
        team_id: "T0001",
        team_domain: "travellers",
        channel_id: o.channel ?? "C0001",
        channel_name: "trip",
        user_id: o.user ?? "U0001",
        user_name: "ana",
        command: `/${o.command ?? "marathon"}`,
        text,
        api_app_id: "A0001",
        response_url: slackApi.responseUrl(`command-${seq++}`),
        trigger_id: "1.2.3",
      }).toString();
      const res = await signedSlack(body);
      for (const later of running) await later.idle();
      return { statusCode: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
    },
    async discord(sub, value, o = {}) {
      const id = String(seq++);
      const option = value === undefined ? [] : [{ type: 3, name: "question", value }];
      const interaction = {
        id,
        application_id: "app-1",
        type: 2,
        data: {
          id: "cmd",
          name: o.root ?? "marathon",
          type: 1,
          options: [{ type: 1, name: sub, options: optionFor(sub, option) }],
        },
        guild_id: "guild-1",
        channel_id: o.channel ?? "channel-1",
        channel: { id: o.channel ?? "channel-1", type: 0 },
        member: {
          user: { id: o.user ?? "42", username: "runner", global_name: "Runner" },
          nick: null,
          roles: [],
          ...(o.permissions === undefined ? {} : { permissions: o.permissions }),
        },
        token: `token-${id}`,
        version: 1,
        locale: o.locale ?? "en-GB",
      };
      const body = JSON.stringify(interaction);
      const headers = {
        "content-type": "application/json",
        ...(discordSignatureHeaders(privateKey, body, seconds()) as Record<string, string>),
      };
      discordApi.reset();
      const res = await discordHandler(event("/discord", body, headers) as never);
      // A reply with a file attached (the calendar's .ics) is multipart: its JSON is a part.
      const reply: DiscordBody = res.body ? (replyOf(res) as DiscordBody) : { type: 0 };
      for (const later of running) await later.idle();
      const followUps = discordApi
        .webhookCalls(`token-${id}`)
        .map((c) => c.body as DiscordMessageBody);
      const own = reply.type === 4 && reply.data ? [reply.data] : [];
      return { statusCode: res.statusCode, body: reply, messages: [...own, ...followUps] };
    },
    async idle() {
      for (const later of running) await later.idle();
      if (failures.length > 0) throw failures[0];
    },
    async close() {
      for (const later of running) await later.idle();
      await discordApi.close();
      await slackApi.close();
      await table.close();
    },
  };
}

/** Each subcommand's string option has the name the registry gives it: `itinerary day:`. */
function optionFor(sub: string, option: { type: number; name: string; value: string }[]) {
  return option.map((o) => ({ ...o, name: findCommand(sub)?.option?.name ?? o.name }));
}

/** Everything a Slack reader sees, as one string. */
export function slackText(body: SlackBody): string {
  return body.blocks
    .flatMap((b) => [
      b.text?.text ?? "",
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) =>
        typeof e.text === "string" ? e.text : (e.text?.text ?? ""),
      ),
    ])
    .filter((line) => line !== "")
    .join("\n");
}

/** Everything a Discord reader sees, as one string: of one message, or of all of them. */
export function discordText(body: DiscordBody | { messages: DiscordMessageBody[] }): string {
  if ("messages" in body)
    return body.messages.map((m) => discordText({ type: 4, data: m })).join("\n");
  const d = body.data ?? {};
  return [
    d.content ?? "",
    ...(d.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? "",
    ]),
  ]
    .filter((line) => line !== "")
    .join("\n");
}
