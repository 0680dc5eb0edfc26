import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoReminderStore } from "../bot/store/dynamo-reminder-store";
import type { LoadResult } from "../bot/store/fact-store";
import { formatTripError, parseTripText, type TripFileError } from "../bot/trip/parse";
import type { TripFile } from "../bot/trip/schema";
import { type LambdaHttpHandler, serveThroughLambda } from "./api-gateway";
import { claimDataFolder } from "./data-lock";
import { EXAMPLE_TRIPS, loadTripFile, openLocalEnvironment } from "./environment";
import { LOCAL_PLATFORMS } from "./platforms";
import { type PlaygroundPlatform, playgroundApi } from "./playground-api";

const PLAYGROUND_DIR = fileURLToPath(new URL("./playground/", import.meta.url));
const REMINDERS_EVERY_MS = 60_000;

export interface LocalServerOptions {
  /** Where dynalite keeps the table; in memory when undefined. */
  dataPath?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Trip files to validate and load after the example trips. */
  tripFiles?: readonly string[];
  /** The environment the handlers read (it is changed): process.env, which they read too. */
  env?: NodeJS.ProcessEnv;
  /** Where reminder runs and failures are reported. */
  log?: (line: string) => void;
}

export interface LocalServer {
  url: string;
  dataPath?: string;
  /** What the start loaded: the example trips on a first start, then the given files. */
  loaded: { path: string; result: LoadResult }[];
  trips: { id: string; name: string }[];
  /** The platforms as served: each one's route and the stand-in playing its API. */
  platforms: readonly PlaygroundPlatform[];
  /** One reminders run now (or waits for the one under way), as the minute's run would do. */
  runReminders(): Promise<void>;
  close(): Promise<void>;
}

/** A trip file that does not validate, with every error's line and column. */
export class TripFileInvalid extends Error {
  constructor(readonly errors: TripFileError[]) {
    super(errors.map(formatTripError).join("\n"));
  }
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".yaml": "text/yaml; charset=utf-8",
};

async function serveStatic(path: string, res: ServerResponse): Promise<void> {
  const relative = normalize(path === "/" ? "index.html" : path.slice(1));
  if (relative.startsWith("..") || !CONTENT_TYPES[extname(relative)]) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    return;
  }
  try {
    const body = await readFile(join(PLAYGROUND_DIR, relative));
    res
      .writeHead(200, {
        "content-type": CONTENT_TYPES[extname(relative)] as string,
        "cache-control": "no-cache",
      })
      .end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  }
}

/**
 * The whole bot on this machine: the Lambda handlers behind a Node HTTP server (through the
 * same API Gateway v2 event shape), an embedded DynamoDB, the reminders handler every minute,
 * stand-ins for Slack's and Discord's APIs, and the playground page.
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));

  // Validate the given files first: a typo should not cost a database start.
  const files: { path: string; file: TripFile }[] = [];
  for (const path of options.tripFiles ?? []) {
    const text = await readFile(path, "utf8");
    const parsed = parseTripText(text, path);
    if (!parsed.ok) throw new TripFileInvalid(parsed.errors);
    files.push({ path, file: parsed.file });
  }

  const release = options.dataPath ? claimDataFolder(options.dataPath) : () => {};
  const local = await openLocalEnvironment({ path: options.dataPath }).catch((e) => {
    release();
    throw e;
  });
  const channels = new DynamoReminderStore(local.doc, local.tableName);
  const loaded: LocalServer["loaded"] = [];
  if ((await local.store.listTrips()).length === 0) {
    for (const path of EXAMPLE_TRIPS) {
      loaded.push({ path, result: await loadTripFile(local.store, path) });
    }
  }
  for (const { path } of files)
    loaded.push({ path, result: await loadTripFile(local.store, path) });
  // The playground answers from the trip just given, or on a first start the first example.
  const shown = loaded[files.length > 0 ? loaded.length - 1 : 0]?.result.tripId;
  const platforms = LOCAL_PLATFORMS.map((p) => {
    const api = p.standIn();
    return {
      api,
      route: p.route,
      mountUrl: () => `${baseUrl}/_local/${api.platform}`,
      load: p.handler,
    };
  });
  if (shown) {
    for (const { api } of platforms) {
      await channels.link(api.platform, api.reader.channel, shown, "npm start");
    }
  }

  let baseUrl = "";
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, "127.0.0.1", () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The handlers read their configuration from the environment, as in Lambda. A platform whose
  // credentials the caller set keeps the caller's settings (a real app through a tunnel).
  const keep = { ...env };
  env.TABLE_NAME = local.tableName;
  env.DYNAMODB_ENDPOINT = local.endpoint;
  // The reminders Lambda logs a JSON line per run, which CloudWatch wants and a terminal does
  // not; `log` gets a line when a run sends something.
  env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  for (const name of Object.keys(env)) if (name.endsWith("_SECRET_ARN")) delete env[name];
  for (const { api, mountUrl } of platforms) Object.assign(env, api.environment(mountUrl(), keep));
  // Loaded after the environment is set: they build their dependencies from it.
  const handlers = new Map<string, LambdaHttpHandler>();
  for (const p of platforms) handlers.set(p.route, await p.load());
  const reminders = await import("../handlers/reminders");

  const playground = playgroundApi({
    baseUrl: () => baseUrl,
    store: local.store,
    channels,
    platforms,
  });

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", baseUrl).pathname;
    const handler = req.method === "POST" ? handlers.get(path) : undefined;
    if (handler) return serveThroughLambda(handler, req, res);
    const mounted = /^\/_local\/([^/]+)(\/.*)$/.exec(path);
    const standIn = platforms.find((p) => p.api.platform === mounted?.[1]);
    if (mounted && standIn) return standIn.api.handle(mounted[2] as string, req, res);
    if (await playground(path, req, res)) return;
    if (req.method === "GET" || req.method === "HEAD") return serveStatic(path, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  };
  server.on("request", (req, res) => {
    route(req, res).catch((e) => {
      log(`request ${req.method} ${req.url} failed: ${e instanceof Error ? e.message : e}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });

  // The reminders Lambda's schedule: one run a minute, never two at once.
  let running: Promise<void> | undefined;
  const runReminders = (): Promise<void> => {
    if (running) return running;
    running = reminders
      .handler({ time: new Date().toISOString(), id: randomUUID() })
      .then((s) => {
        if (s.sent + s.missed + s.deferred > 0) {
          log(`reminders: ${s.sent} sent, ${s.deferred} to retry, ${s.missed} missed`);
        }
      })
      .catch((e) => log(`reminders run failed: ${e instanceof Error ? e.message : e}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  runReminders();
  const timer = setInterval(runReminders, REMINDERS_EVERY_MS);

  return {
    url: baseUrl,
    ...(options.dataPath ? { dataPath: options.dataPath } : {}),
    loaded,
    trips: (await local.store.listTrips()).map(({ id, name }) => ({ id, name })),
    platforms,
    runReminders,
    async close() {
      clearInterval(timer);
      server.close();
      // Open playground feeds and keep-alive sockets would otherwise hold the server open.
      server.closeAllConnections();
      await running;
      // Deferred Discord jobs run in this process right after their response; let them land.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await local.close();
      release();
    },
  };
}
