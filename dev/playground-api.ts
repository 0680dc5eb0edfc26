import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { loadTrip as loadTripInto, type TripLoadStores } from "../bot/loading/load-trip";
import { type LocalApi, type PlatformRequest, readRequestBody } from "../bot/local-api";
import type { ChannelStore } from "../bot/store/channel-store";
import type { DynamoFactStore } from "../bot/store/dynamo-fact-store";
import { parseTripText } from "../bot/trip/parse";
import type { LocalClock } from "./clock";

/** A platform as the playground drives it: its stand-in, the route its requests go to. */
export interface PlaygroundPlatform {
  api: LocalApi;
  /** "Slack", as people write it. */
  title: string;
  route: string;
  /** Where its stand-in is mounted on the local server. */
  mountUrl: () => string;
}

export interface PlaygroundDependencies {
  /** The server's own base URL: requests go to its endpoints like a platform's would. */
  baseUrl: () => string;
  store: DynamoFactStore;
  stores: TripLoadStores;
  channels: ChannelStore;
  platforms: readonly PlaygroundPlatform[];
  /** The bot's "now", when the page may pretend it is another time. */
  clock?: LocalClock;
}

/** A platform's answer to one request, as the page draws it. */
export interface PlatformAnswer {
  status: number;
  /** The response body: JSON when it parses, else the text. */
  body: unknown;
  /** Pairs the messages that arrive later (response URLs, follow-ups) with this request. */
  ref: string;
}

async function send(url: string, request: PlatformRequest) {
  const response = await fetch(url, { method: "POST", ...request });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : "";
  } catch {
    // Some requests are acknowledged with an empty or plain body.
  }
  return { status: response.status, body: parsed };
}

/**
 * The playground's JSON API: each platform's stand-in signs the reader's request as the
 * platform does, and it goes to that platform's route through the real handler. A platform
 * run with its own credentials (a real app) is not driven from here: only it can sign.
 */
export function playgroundApi(deps: PlaygroundDependencies) {
  // Refs name response URLs and interaction tokens on the stand-ins: too long to guess.
  const newRef = () => `pg-${randomUUID()}`;
  const toEach = async (
    make: (p: PlaygroundPlatform, ref: string) => PlatformRequest | undefined,
    only?: string,
  ) => {
    const ref = newRef();
    const answers = await Promise.all(
      deps.platforms
        .filter((p) => only === undefined || p.api.platform === only)
        .map(async (p): Promise<[string, PlatformAnswer | undefined]> => {
          const request = make(p, ref);
          if (!request) return [p.api.platform, undefined];
          return [p.api.platform, { ref, ...(await send(`${deps.baseUrl()}${p.route}`, request)) }];
        }),
    );
    return Object.fromEntries(answers);
  };

  const ask = (text: string) => toEach((p, ref) => p.api.command(text, ref, p.mountUrl()));

  const click = (input: { platform: string; actionId?: string; value?: string }) =>
    toEach(
      (p, ref) =>
        p.api.click(
          { actionId: input.actionId ?? "", value: input.value ?? "" },
          ref,
          p.mountUrl(),
        ),
      input.platform,
    );

  async function linkPlayground(tripId: string) {
    await Promise.all(
      deps.platforms.map(({ api }) =>
        deps.channels.link(api.platform, api.reader.channel, tripId, "playground"),
      ),
    );
  }

  async function state() {
    const [first] = deps.platforms;
    const [trips, linked] = await Promise.all([
      deps.store.listTrips(),
      first ? deps.channels.linkedTrip(first.api.platform, first.api.reader.channel) : undefined,
    ]);
    // The page draws a pane per platform; it can drive those whose stand-in signs.
    const platforms = deps.platforms.map(({ api, title }) => ({
      name: api.platform,
      label: title,
      channel: api.reader.channel,
      driven: api.signing,
    }));
    // The shown trip's race start, for the page's "pretend it is" choices.
    const trip = linked ? await deps.store.getTrip(linked) : undefined;
    const clock = deps.clock
      ? { now: deps.clock.now().toISOString(), pretending: deps.clock.pretending }
      : null;
    return {
      trips,
      linked: linked ?? null,
      platforms,
      clock,
      raceStart: trip?.event.startAt ?? null,
    };
  }

  /** Pretends it is `at` (an ISO time), or goes back to the real time (null). */
  function pretend(at: unknown) {
    if (!deps.clock)
      return { status: 409, body: { error: "the bot runs with a real app's credentials" } };
    const when = typeof at === "string" ? new Date(at) : undefined;
    if (at !== null && (!when || Number.isNaN(when.getTime()))) {
      return { status: 400, body: { error: "at: an ISO time, or null for the real time" } };
    }
    deps.clock.pretend(when);
    return {
      status: 200,
      body: { now: deps.clock.now().toISOString(), pretending: deps.clock.pretending },
    };
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
      streamFeed(deps.platforms, req, res);
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
      input = JSON.parse((await readRequestBody(req)).toString("utf8") || "{}");
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
      case "POST /clock": {
        const result = pretend(input.at);
        return json(result.status, result.body);
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
function streamFeed(
  platforms: readonly PlaygroundPlatform[],
  req: IncomingMessage,
  res: ServerResponse,
) {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  res.write(": connected\n\n");
  const listener = (m: unknown) => res.write(`data: ${JSON.stringify(m)}\n\n`);
  const stops = platforms.map((p) => p.api.onSent(listener));
  req.on("close", () => {
    for (const stop of stops) stop();
  });
}
