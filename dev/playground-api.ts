import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type LoadResult,
  loadTrip as loadTripInto,
  type TripLoadStores,
} from "../bot/loading/load-trip";
import {
  type LocalApi,
  type LocalFile,
  type PlatformRequest,
  readRequestBody,
} from "../bot/local-api";
import { PLATFORM_NAMES } from "../bot/platforms";
import type { ChannelStore } from "../bot/store/channel-store";
import type { DynamoFactStore } from "../bot/store/dynamo-fact-store";
import { ConcurrentLoadError } from "../bot/store/fact-store";
import { parseTripText } from "../bot/trip/parse";
import type { LocalClock } from "./clock";
import { type LocalOrganiser, withLocalOrganisers } from "./environment";

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
  /** Who organises every trip the page loads (the readers this machine plays). */
  organisers?: readonly LocalOrganiser[];
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

async function send(url: string, request: PlatformRequest, api: LocalApi) {
  const response = await fetch(url, { method: "POST", ...request });
  // A message with files comes as multipart form data: the message is its payload_json, and
  // the platform keeps its files (`files[n]`) where the reader can open them.
  if ((response.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await response.formData();
    const body = JSON.parse(String(form.get("payload_json") ?? "null"));
    const files: LocalFile[] = [];
    for (const [name, part] of form) {
      if (name.startsWith("files[") && typeof part !== "string") {
        files.push({ name: part.name, text: await part.text() });
      }
    }
    const hosted = api.hostAnswerFiles?.(files) ?? [];
    if (hosted.length > 0 && body?.data && typeof body.data === "object") {
      body.data.attachments = hosted;
    }
    return { status: response.status, body };
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : "";
  } catch {
    // Some requests are acknowledged with an empty or plain body.
  }
  return { status: response.status, body: parsed };
}

interface Answered {
  status: number;
  body: unknown;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** A file the page sends: `{ name, text }`; undefined when absent, null when malformed. */
function fileOf(v: unknown): LocalFile | undefined | null {
  if (v === undefined || v === null) return undefined;
  const f = v as Record<string, unknown>;
  if (typeof f !== "object" || typeof f.name !== "string" || typeof f.text !== "string") {
    return null;
  }
  const name = f.name.trim().slice(0, 200);
  return name ? { name, text: f.text } : null;
}

/** Text fields the page sends: an object of strings; null when malformed. */
function valuesOf(v: unknown): Record<string, string> | null {
  if (v === undefined) return {};
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const entries = Object.entries(v);
  return entries.every(([, x]) => typeof x === "string")
    ? (Object.fromEntries(entries) as Record<string, string>)
    : null;
}

const BAD_FILE = "file: { name, text } of a file the reader chose";

/**
 * What the playground page can do: ask and click as the local reader of every platform, link
 * its channels to a trip, load a trip file, pretend it is another time.
 */
class Playground {
  constructor(private readonly deps: PlaygroundDependencies) {}

  /** The same request, signed by each platform's stand-in, through each platform's route. */
  private async toEach(
    make: (p: PlaygroundPlatform, ref: string) => PlatformRequest | undefined,
    only?: string,
  ) {
    // Refs name response URLs and interaction tokens on the stand-ins: too long to guess.
    const ref = `pg-${randomUUID()}`;
    const answers = await Promise.all(
      this.deps.platforms
        .filter((p) => only === undefined || p.api.platform === only)
        .map(async (p): Promise<[string, PlatformAnswer | undefined]> => {
          const request = make(p, ref);
          if (!request) return [p.api.platform, undefined];
          const url = `${this.deps.baseUrl()}${p.route}`;
          return [p.api.platform, { ref, ...(await send(url, request, p.api)) }];
        }),
    );
    return Object.fromEntries(answers);
  }

  async ask(input: Record<string, unknown>): Promise<Answered> {
    const text = str(input.text) ?? "";
    const file = fileOf(input.file);
    if (file === null) return { status: 400, body: { error: BAD_FILE } };
    const answers = await this.toEach((p, ref) => p.api.command(text, ref, p.mountUrl(), file));
    return { status: 200, body: answers };
  }

  /** The reader submitting a form a platform's bot opened, through that platform's route. */
  async submit(input: Record<string, unknown>): Promise<Answered> {
    const platform = this.deps.platforms.find((p) => p.api.platform === input.platform);
    const id = str(input.form) ?? "";
    const values = valuesOf(input.values);
    const file = fileOf(input.file);
    if (!platform || !id || values === null || file === null) {
      return {
        status: 400,
        body: { error: "send { platform, form, values: { field: text }, file?: { name, text } }" },
      };
    }
    const form = { id, values, ...(file ? { file } : {}) };
    let unknown = false;
    const answers = await this.toEach((p, ref) => {
      const request = p.api.submit(form, ref, p.mountUrl());
      unknown = p.api.signing && !request;
      return request;
    }, platform.api.platform);
    if (unknown) return { status: 404, body: { error: `no form "${id}" is open` } };
    return { status: 200, body: answers };
  }

  click(input: Record<string, unknown>) {
    const button = { actionId: str(input.actionId) ?? "", value: str(input.value) ?? "" };
    return this.toEach(
      (p, ref) => p.api.click(button, ref, p.mountUrl()),
      str(input.platform) ?? "",
    );
  }

  private async linkAll(tripId: string) {
    await Promise.all(
      this.deps.platforms.map(({ api }) =>
        this.deps.channels.link(api.platform, api.reader.channel, tripId, "playground"),
      ),
    );
  }

  async link(input: Record<string, unknown>): Promise<Answered> {
    const tripId = str(input.tripId) ?? "";
    const exists = (await this.deps.store.listTrips()).some((t) => t.id === tripId);
    if (!exists) return { status: 404, body: { error: `no trip "${tripId}"` } };
    await this.linkAll(tripId);
    return { status: 200, body: await this.state() };
  }

  async state() {
    const { store, channels, clock } = this.deps;
    const [first] = this.deps.platforms;
    const [trips, linked] = await Promise.all([
      store.listTrips(),
      first ? channels.linkedTrip(first.api.platform, first.api.reader.channel) : undefined,
    ]);
    // The page draws a pane per platform; it can drive those whose stand-in signs.
    const platforms = this.deps.platforms.map(({ api, title }) => ({
      name: api.platform,
      label: title,
      channel: api.reader.channel,
      driven: api.signing,
    }));
    // The shown trip's race start, for the page's "pretend it is" choices.
    const trip = linked ? await store.getTrip(linked) : undefined;
    return {
      trips,
      linked: linked ?? null,
      platforms,
      clock: clock ? { now: clock.now().toISOString(), pretending: clock.pretending } : null,
      raceStart: trip?.event.startAt ?? null,
    };
  }

  /** Pretends it is `at` (an ISO time), or goes back to the real time (null). */
  pretend(input: Record<string, unknown>): Answered {
    const { clock } = this.deps;
    if (!clock)
      return { status: 409, body: { error: "the bot runs with a real app's credentials" } };
    const when = typeof input.at === "string" ? new Date(input.at) : undefined;
    if (input.at !== null && (!when || Number.isNaN(when.getTime()))) {
      return { status: 400, body: { error: "at: an ISO time, or null for the real time" } };
    }
    clock.pretend(when);
    return { status: 200, body: { now: clock.now().toISOString(), pretending: clock.pretending } };
  }

  async loadTrip(input: Record<string, unknown>): Promise<Answered> {
    const fileName = str(input.fileName)?.trim() || "trip.yaml";
    const parsed = parseTripText(str(input.text) ?? "", fileName, { platforms: PLATFORM_NAMES });
    if (!parsed.ok) return { status: 422, body: { ok: false, errors: parsed.errors } };
    const file = withLocalOrganisers(parsed.file, this.deps.organisers ?? []);
    let result: LoadResult;
    try {
      result = await loadTripInto(this.deps.stores, file);
    } catch (e) {
      // Another load of the same trip (a second tab, a double click) switched it first.
      if (e instanceof ConcurrentLoadError) {
        return { status: 409, body: { ok: false, error: e.message } };
      }
      throw e;
    }
    await this.linkAll(result.tripId);
    const { tripId, changes, written } = result;
    return {
      status: 200,
      body: { ok: true, tripId, name: parsed.trip.name, changes: changes.length, written },
    };
  }
}

/** The POST routes and what answers them. */
const ACTIONS: Record<
  string,
  (p: Playground, input: Record<string, unknown>) => Promise<Answered>
> = {
  "/ask": (p, input) => p.ask(input),
  "/submit": (p, input) => p.submit(input),
  "/click": async (p, input) => ({ status: 200, body: await p.click(input) }),
  "/link": (p, input) => p.link(input),
  "/clock": async (p, input) => p.pretend(input),
  "/trip": (p, input) => p.loadTrip(input),
};

/**
 * The playground's JSON API: each platform's stand-in signs the reader's request as the
 * platform does, and it goes to that platform's route through the real handler. A platform
 * run with its own credentials (a real app) is not driven from here: only it can sign.
 * Handles `/playground/api/*`; false for any other path.
 */
export function playgroundApi(deps: PlaygroundDependencies) {
  const playground = new Playground(deps);
  return async function handle(path: string, req: IncomingMessage, res: ServerResponse) {
    if (!path.startsWith("/playground/api/")) return false;
    const json = ({ status, body }: Answered): true => {
      res
        .writeHead(status, { "content-type": "application/json", "cache-control": "no-store" })
        .end(JSON.stringify(body));
      return true;
    };
    const route = path.slice("/playground/api".length);
    if (req.method === "GET" && route === "/feed") {
      streamFeed(deps.platforms, req, res);
      return true;
    }
    if (req.method === "GET" && route === "/state") {
      return json({ status: 200, body: await playground.state() });
    }
    const action = ACTIONS[route];
    if (!action) return json({ status: 404, body: { error: "no such playground route" } });
    if (req.method !== "POST") return json({ status: 405, body: { error: "method not allowed" } });
    // A page on another site cannot send JSON here without a CORS preflight, which this server
    // never grants: it cannot load trips or send signed requests through a reader's browser.
    if (!(req.headers["content-type"] ?? "").startsWith("application/json")) {
      return json({ status: 415, body: { error: "send application/json" } });
    }
    const body = (await readRequestBody(req)).toString("utf8");
    let input: unknown;
    try {
      input = JSON.parse(body || "{}");
    } catch {
      input = undefined;
    }
    if (!input || typeof input !== "object" || Array.isArray(input)) {
      return json({ status: 400, body: { error: "send a JSON object" } });
    }
    return json(await action(playground, input as Record<string, unknown>));
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
