import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadResult } from "../loading/load-trip";
import { DynamoReminderStore } from "../store/dynamo-reminder-store";
import { formatTripError, parseTripText, type TripFileError } from "../trip/parse";
import type { TripFile } from "../trip/schema";
import { type LambdaHttpHandler, serveThroughLambda } from "./api-gateway";
import { claimDataFolder } from "./data-lock";
import { EXAMPLE_TRIPS, loadTripFile, openLocalEnvironment } from "./environment";
import { PlatformSink } from "./platform-sink";
import { PLAYGROUND, playgroundApi } from "./playground-api";
import { generateDevSecrets } from "./signing";

const PLAYGROUND_DIR = fileURLToPath(new URL("../../playground/", import.meta.url));
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
  /** Which platforms use generated development credentials (and which the caller's own). */
  credentials: { slack: "development" | "environment"; discord: "development" | "environment" };
  sink: PlatformSink;
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
      loaded.push({ path, result: await loadTripFile(local.stores, path) });
    }
  }
  for (const { path } of files)
    loaded.push({ path, result: await loadTripFile(local.stores, path) });
  // The playground answers from the trip just given, or on a first start the first example.
  const shown = loaded[files.length > 0 ? loaded.length - 1 : 0]?.result.tripId;
  if (shown) {
    await channels.link("slack", PLAYGROUND.slack.channel, shown, "npm start");
    await channels.link("discord", PLAYGROUND.discord.channel, shown, "npm start");
  }

  const sink = new PlatformSink();
  let baseUrl = "";
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, "127.0.0.1", () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The handlers read their configuration from the environment, as in Lambda. A platform whose
  // signing secret the caller set keeps the caller's settings (a real app through a tunnel).
  const secrets = generateDevSecrets();
  const slackOwn = Boolean(env.SLACK_SIGNING_SECRET);
  const discordOwn = Boolean(env.DISCORD_PUBLIC_KEY);
  env.TABLE_NAME = local.tableName;
  env.DYNAMODB_ENDPOINT = local.endpoint;
  // The reminders Lambda logs a JSON line per run, which CloudWatch wants and a terminal does
  // not; `log` gets a line when a run sends something.
  env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  delete env.SLACK_SECRET_ARN;
  delete env.DISCORD_SECRET_ARN;
  if (!slackOwn) {
    env.SLACK_SIGNING_SECRET = secrets.slackSigningSecret;
    env.SLACK_BOT_TOKEN = "xoxb-local-development";
    env.SLACK_API_URL = `${baseUrl}/_local/slack/api/`;
  }
  if (!discordOwn) {
    env.DISCORD_PUBLIC_KEY = secrets.discordPublicKeyHex;
    env.DISCORD_APPLICATION_ID = "local-app";
    env.DISCORD_BOT_TOKEN = "local-development";
    env.DISCORD_API_URL = `${baseUrl}/_local/discord`;
  }
  // Loaded after the environment is set: they build their dependencies from it.
  const slack = await import("../../handlers/slack");
  const discord = await import("../../handlers/discord");
  const reminders = await import("../../handlers/reminders");

  const playground = playgroundApi({
    baseUrl: () => baseUrl,
    store: local.store,
    stores: local.stores,
    channels,
    sink,
    slackSigningSecret: env.SLACK_SIGNING_SECRET as string,
    ...(discordOwn ? {} : { discordPrivateKey: secrets.discordPrivateKey }),
  });

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", baseUrl).pathname;
    if (req.method === "POST" && path === "/slack/events") {
      return serveThroughLambda(slack.handler as LambdaHttpHandler, req, res);
    }
    if (req.method === "POST" && path === "/discord/interactions") {
      return serveThroughLambda(discord.handler as LambdaHttpHandler, req, res);
    }
    if (path.startsWith("/_local/")) {
      const rest = path.slice("/_local".length);
      if ((await sink.slack(rest, req, res)) || (await sink.discord(rest, req, res))) return;
    }
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
    credentials: {
      slack: slackOwn ? "environment" : "development",
      discord: discordOwn ? "environment" : "development",
    },
    sink,
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
