import type { KeyObject } from "node:crypto";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_COMMAND_NAME, findCommand, parseCommandText } from "../commands/registry";
import { loadTrip as loadTripInto, type TripLoadStores } from "../loading/load-trip";
import type { DynamoFactStore } from "../store/dynamo-fact-store";
import type { DynamoReminderStore } from "../store/dynamo-reminder-store";
import { parseTripText } from "../trip/parse";
import { readBody } from "./api-gateway";
import type { PlatformSink } from "./platform-sink";
import { discordSignatureHeaders, slackSignatureHeaders } from "./signing";

/** Who the playground speaks as: one Slack channel and one Discord channel, both local. */
export const PLAYGROUND = {
  slack: { team: "TLOCAL", channel: "CPLAYGROUND", user: "UPLAYGROUND", userName: "you" },
  discord: { guild: "local-guild", channel: "playground", user: "1000", userName: "you" },
} as const;

// Discord's "Manage Server" bit: the playground's reader may try the organisers' commands.
const MANAGE_SERVER = String(1 << 5);

export interface PlaygroundDependencies {
  /** The server's own base URL: requests go to its endpoints like a platform's would. */
  baseUrl: () => string;
  store: DynamoFactStore;
  stores: TripLoadStores;
  channels: DynamoReminderStore;
  sink: PlatformSink;
  slackSigningSecret: string;
  /** Absent when DISCORD_PUBLIC_KEY is a real application's: only Discord can sign then. */
  discordPrivateKey?: KeyObject;
}

/** A platform's answer to one request, as the page draws it. */
export interface PlatformAnswer {
  status: number;
  /** The response body: JSON when it parses, else the text. */
  body: unknown;
  /** Pairs the messages that arrive later (response_url, follow-ups) with this request. */
  ref: string;
}

async function send(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", body, headers });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : "";
  } catch {
    // Slack acknowledges some requests with an empty or plain body.
  }
  return { status: response.status, body: parsed };
}

/** The playground's JSON API: it signs requests as the platforms do and sends them to the handlers. */
export function playgroundApi(deps: PlaygroundDependencies) {
  const slackPost = async (form: Record<string, string>, ref: string) => {
    const body = new URLSearchParams(form).toString();
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignatureHeaders(deps.slackSigningSecret, body),
    };
    return { ref, ...(await send(`${deps.baseUrl()}/slack/events`, body, headers)) };
  };
  const discordPost = async (interaction: Record<string, unknown>, ref: string) => {
    if (!deps.discordPrivateKey) return undefined;
    const body = JSON.stringify(interaction);
    const headers = {
      "content-type": "application/json",
      ...discordSignatureHeaders(deps.discordPrivateKey, body),
    };
    return { ref, ...(await send(`${deps.baseUrl()}/discord/interactions`, body, headers)) };
  };
  const responseUrl = (ref: string) => `${deps.baseUrl()}/_local/slack/response/${ref}`;
  const discordBase = (ref: string, type: number) => ({
    id: ref,
    application_id: "local-app",
    type,
    token: ref,
    version: 1,
    locale: "en-GB",
    guild_id: PLAYGROUND.discord.guild,
    channel_id: PLAYGROUND.discord.channel,
    channel: { id: PLAYGROUND.discord.channel, type: 0 },
    member: {
      user: { id: PLAYGROUND.discord.user, username: "you", global_name: "you" },
      nick: null,
      roles: [],
      permissions: MANAGE_SERVER,
    },
  });
  const newRef = () => `pg-${randomUUID().slice(0, 8)}`;

  async function ask(text: string) {
    const ref = newRef();
    const slack = slackPost(
      {
        token: "local",
        team_id: PLAYGROUND.slack.team,
        team_domain: "playground",
        channel_id: PLAYGROUND.slack.channel,
        channel_name: "playground",
        user_id: PLAYGROUND.slack.user,
        user_name: PLAYGROUND.slack.userName,
        command: `/${DEFAULT_COMMAND_NAME}`,
        text,
        api_app_id: "ALOCAL",
        response_url: responseUrl(ref),
        trigger_id: ref,
      },
      ref,
    );
    const { command, input } = parseCommandText(text);
    const optionName = findCommand(command)?.option?.name ?? "query";
    const sub = command
      ? [
          {
            type: 1,
            name: command,
            ...(input ? { options: [{ type: 3, name: optionName, value: input }] } : {}),
          },
        ]
      : [];
    const discord = discordPost(
      {
        ...discordBase(ref, 2),
        data: { id: "local-command", name: DEFAULT_COMMAND_NAME, type: 1, options: sub },
      },
      ref,
    );
    return { slack: await slack, discord: await discord };
  }

  async function click(input: { platform: string; actionId?: string; value?: string }) {
    const ref = newRef();
    if (input.platform === "slack") {
      const payload = {
        type: "block_actions",
        team: { id: PLAYGROUND.slack.team, domain: "playground" },
        user: {
          id: PLAYGROUND.slack.user,
          username: PLAYGROUND.slack.userName,
          name: PLAYGROUND.slack.userName,
          team_id: PLAYGROUND.slack.team,
        },
        api_app_id: "ALOCAL",
        token: "local",
        container: {
          type: "message",
          message_ts: "1.1",
          channel_id: PLAYGROUND.slack.channel,
          is_ephemeral: true,
        },
        trigger_id: ref,
        channel: { id: PLAYGROUND.slack.channel, name: "playground" },
        response_url: responseUrl(ref),
        actions: [
          {
            type: "button",
            action_id: input.actionId ?? "",
            block_id: "b",
            text: { type: "plain_text", text: "button" },
            value: input.value ?? "",
            action_ts: "1.2",
          },
        ],
      };
      return { slack: await slackPost({ payload: JSON.stringify(payload) }, ref) };
    }
    const interaction = {
      ...discordBase(ref, 3),
      data: { custom_id: input.actionId ?? "", component_type: 2 },
      message: {
        id: "m",
        channel_id: PLAYGROUND.discord.channel,
        flags: 64,
        content: "",
        embeds: [],
      },
    };
    return { discord: await discordPost(interaction, ref) };
  }

  async function linkPlayground(tripId: string) {
    await Promise.all([
      deps.channels.link("slack", PLAYGROUND.slack.channel, tripId, "playground"),
      deps.channels.link("discord", PLAYGROUND.discord.channel, tripId, "playground"),
    ]);
  }

  async function state() {
    const [trips, linked] = await Promise.all([
      deps.store.listTrips(),
      deps.channels.linkedTrip("slack", PLAYGROUND.slack.channel),
    ]);
    return { trips, linked: linked ?? null, discord: deps.discordPrivateKey !== undefined };
  }

  async function loadTrip(input: { fileName?: string; text?: string }) {
    const fileName = input.fileName?.trim() || "trip.yaml";
    const parsed = parseTripText(input.text ?? "", fileName);
    if (!parsed.ok) return { status: 422, body: { ok: false, errors: parsed.errors } };
    const result = await loadTripInto(deps.stores, parsed.file);
    await linkPlayground(result.tripId);
    return {
      status: 200,
      body: {
        ok: true,
        tripId: result.tripId,
        name: parsed.trip.name,
        changes: result.changes.length,
        written: result.written,
      },
    };
  }

  /** Handles `/playground/api/*`; false for any other path. */
  return async function handle(
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    if (!path.startsWith("/playground/api/")) return false;
    const json = (status: number, value: unknown): true => {
      res
        .writeHead(status, { "content-type": "application/json", "cache-control": "no-store" })
        .end(JSON.stringify(value));
      return true;
    };
    const route = `${req.method} ${path.slice("/playground/api".length)}`;
    if (route === "GET /feed") {
      streamFeed(deps.sink, req, res);
      return true;
    }
    if (route === "GET /state") return json(200, await state());
    if (req.method !== "POST") return json(405, { error: "method not allowed" });
    // A page on another site cannot send JSON here without a CORS preflight, which this server
    // never grants: it cannot load trips or send signed requests through a reader's browser.
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      return json(415, { error: "send application/json" });
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse((await readBody(req)).toString("utf8") || "{}");
    } catch {
      return json(400, { error: "body is not JSON" });
    }
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    switch (route) {
      case "POST /ask":
        return json(200, await ask(str(input.text) ?? ""));
      case "POST /click": {
        const platform = str(input.platform) ?? "";
        const clicked = { platform, actionId: str(input.actionId), value: str(input.value) };
        return json(200, await click(clicked));
      }
      case "POST /link": {
        const tripId = str(input.tripId) ?? "";
        const exists = (await deps.store.listTrips()).some((t) => t.id === tripId);
        if (!exists) return json(404, { error: `no trip "${tripId}"` });
        await linkPlayground(tripId);
        return json(200, await state());
      }
      case "POST /trip": {
        const result = await loadTrip({ fileName: str(input.fileName), text: str(input.text) });
        return json(result.status, result.body);
      }
      default:
        return json(404, { error: "no such playground route" });
    }
  };
}

/** Server-sent events: every message the platforms' stand-ins receive, as it arrives. */
function streamFeed(sink: PlatformSink, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  res.write(": connected\n\n");
  const listener = (m: unknown) => res.write(`data: ${JSON.stringify(m)}\n\n`);
  sink.on("message", listener);
  req.on("close", () => sink.off("message", listener));
}
