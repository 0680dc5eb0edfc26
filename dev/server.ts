import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { calendarDepsFromEnv, calendarHandlerFromEnv } from "../bot/calendar/from-env";
import { lambdaHttp } from "../bot/lambda/http";
import { remindersHandler } from "../bot/lambda/reminders";
import type { LoadResult } from "../bot/loading/load-trip";
import { BodyTooLarge } from "../bot/local-api";
import { PLATFORM_NAMES, PLATFORMS, secretArnVariable } from "../bot/platforms";
import { formatTripError, parseTripText, type TripFileError } from "../bot/trip/parse";
import type { TripFile } from "../bot/trip/schema";
import { type LambdaHttpHandler, serveThroughLambda } from "./api-gateway";
import { LocalClock } from "./clock";
import { claimDataFolder } from "./data-lock";
import {
  EXAMPLE_TRIPS,
  type LocalEnvironment,
  type LocalOrganiser,
  loadTripFile,
  openLocalEnvironment,
} from "./environment";
import { type PlaygroundPlatform, playgroundApi } from "./playground-api";
import { isLocalHost, serveStatic } from "./static";

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
  /**
   * The playground page, its API and the platforms' stand-ins. On by default; off by default
   * when a platform runs with its own credentials (a real app through a tunnel), so nothing
   * but the real platforms can reach the bot then.
   */
  playground?: boolean;
}

export interface LocalServer {
  url: string;
  dataPath?: string;
  /** What the start loaded: the example trips on a first start, then the given files. */
  loaded: { path: string; result: LoadResult }[];
  /** The playground's readers, made organisers of every trip this start and the page load. */
  organisers: readonly LocalOrganiser[];
  trips: { id: string; name: string }[];
  /** The platforms as served: each one's route and the stand-in playing its API. */
  platforms: readonly PlaygroundPlatform[];
  /** Whether the playground page, its API and the stand-ins are served. */
  playground: boolean;
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

/** A trip file that cannot be read at all (missing, a folder, no permission). */
export class TripFileUnreadable extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "there is no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : cause instanceof Error
              ? cause.message
              : String(cause);
    super(`Cannot read the trip file ${path}: ${why}`);
  }
}

async function readTripText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new TripFileUnreadable(path, e);
  }
}

/** Validates the given files first: a typo should not cost a database start. */
async function readTripFiles(
  paths: readonly string[],
): Promise<{ path: string; file: TripFile }[]> {
  const files: { path: string; file: TripFile }[] = [];
  for (const path of paths) {
    const parsed = parseTripText(await readTripText(path), path, { platforms: PLATFORM_NAMES });
    if (!parsed.ok) throw new TripFileInvalid(parsed.errors);
    files.push({ path, file: parsed.file });
  }
  return files;
}

/** The example trips on a first start, then the given files; the trip the page shows first. */
async function loadTrips(
  local: LocalEnvironment,
  files: { path: string }[],
  organisers: readonly LocalOrganiser[],
) {
  const loaded: LocalServer["loaded"] = [];
  const paths = (await local.store.listTrips()).length === 0 ? [...EXAMPLE_TRIPS] : [];
  for (const path of [...paths, ...files.map((f) => f.path)]) {
    loaded.push({ path, result: await loadTripFile(local.stores, path, organisers) });
  }
  const shown = loaded[files.length > 0 ? loaded.length - 1 : 0]?.result.tripId;
  return { loaded, shown };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/** The reminders Lambda's schedule: one run a minute, never two at once. */
function everyMinute(run: () => Promise<unknown>, log: (line: string) => void) {
  let running: Promise<void> | undefined;
  const once = (): Promise<void> => {
    running ??= run()
      .then(() => undefined)
      .catch((e) => log(`reminders run failed: ${e instanceof Error ? e.message : e}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  once();
  const timer = setInterval(once, REMINDERS_EVERY_MS);
  return {
    once,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The whole bot on this machine: the Lambda handlers behind a Node HTTP server (through the
 * same API Gateway v2 event shape), an embedded DynamoDB, the reminders handler every minute,
 * stand-ins for the platforms' APIs, and the playground page. Requests that arrive before
 * everything is loaded wait for it.
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const files = await readTripFiles(options.tripFiles ?? []);
  const release = options.dataPath ? claimDataFolder(options.dataPath) : () => {};
  let local: LocalEnvironment | undefined;
  const server = createServer();
  try {
    local = await openLocalEnvironment({ path: options.dataPath });
    let ready: (app: App) => void = () => {};
    const app = new Promise<App>((resolve) => {
      ready = resolve;
    });
    server.on("request", (req, res) => {
      app
        .then((a) => a.route(req, res))
        .catch((e) => {
          if (e instanceof BodyTooLarge) {
            if (!res.headersSent) res.writeHead(413, { "content-type": "text/plain" });
            res.end(e.message);
            return;
          }
          // The client went away mid-request (a closed tab, Ctrl-C on curl): nobody to answer.
          if ((e as NodeJS.ErrnoException).code === "ECONNRESET") return;
          log(`request ${req.method} ${req.url} failed: ${e instanceof Error ? e.message : e}`);
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end("Internal error");
        });
    });
    const port = await listen(server, options.port ?? 3000);
    const built = await buildApp({ env, local, port, files, playground: options.playground });
    ready(built);
    const reminders = everyMinute(() => built.runReminders(log), log);
    const opened = local;
    return {
      url: built.baseUrl,
      ...(options.dataPath ? { dataPath: options.dataPath } : {}),
      loaded: built.loaded,
      organisers: built.organisers,
      trips: (await opened.store.listTrips()).map(({ id, name }) => ({ id, name })),
      platforms: built.platforms,
      playground: built.playground,
      runReminders: reminders.once,
      async close() {
        server.close();
        // Open playground feeds and keep-alive sockets would otherwise hold the server open.
        server.closeAllConnections();
        await reminders.stop();
        // Deferred jobs run in this process right after their response; let them land.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await opened.close();
        release();
      },
    };
  } catch (e) {
    server.close();
    await local?.close();
    release();
    throw e;
  }
}

interface App {
  baseUrl: string;
  loaded: LocalServer["loaded"];
  organisers: LocalOrganiser[];
  platforms: PlaygroundPlatform[];
  playground: boolean;
  route(req: IncomingMessage, res: ServerResponse): Promise<void>;
  runReminders(log: (line: string) => void): Promise<void>;
}

interface AppInput {
  env: NodeJS.ProcessEnv;
  local: LocalEnvironment;
  port: number;
  /** Trip files to load after the example trips (already validated). */
  files: { path: string }[];
  playground?: boolean;
}

/**
 * Each platform's stand-in, mounted under /_local/<name>, and the environment pointed at it
 * and at the local table. A platform whose credentials the caller set keeps them (a real app
 * through a tunnel) and has no stand-in answering for it.
 */
async function standIns(input: AppInput, baseUrl: string, clock: LocalClock) {
  const { env, local } = input;
  const served = await Promise.all(
    PLATFORMS.map(async (platform) => ({ platform, api: await platform.standIn?.(clock.now) })),
  );
  const platforms: PlaygroundPlatform[] = served.flatMap(({ platform, api }) =>
    api
      ? [
          {
            api,
            title: platform.title,
            route: platform.route,
            mountUrl: () => `${baseUrl}/_local/${api.platform}`,
          },
        ]
      : [],
  );
  const keep = { ...env };
  env.TABLE_NAME = local.tableName;
  env.DYNAMODB_ENDPOINT = local.endpoint;
  env.PUBLIC_BASE_URL = baseUrl;
  // The reminders Lambda logs a JSON line per run, and every answer publishes a metrics record
  // (a JSON line), which CloudWatch wants and a terminal does not; `log` gets a line when a run
  // sends something.
  env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  env.POWERTOOLS_METRICS_DISABLED ??= "true";
  for (const { platform } of served) delete env[secretArnVariable(platform)];
  for (const { api, mountUrl } of platforms) Object.assign(env, api.environment(mountUrl(), keep));
  return { served: served.map((s) => s.platform), platforms };
}

/**
 * The readers this machine plays (their stand-in signs), who organise every trip loaded here so
 * the organisers' commands can be tried; a real app's members are never added.
 */
const localOrganisers = (platforms: readonly PlaygroundPlatform[]): LocalOrganiser[] =>
  platforms
    .filter(({ api }) => api.signing)
    .map(({ api }) => ({ platform: api.platform, user: api.reader.user }));

/** Points the handlers at the local table and the stand-ins, loads them, and routes requests. */
async function buildApp(input: AppInput): Promise<App> {
  const { env, local, port } = input;
  const baseUrl = `http://127.0.0.1:${port}`;
  const clock = new LocalClock();
  const { served, platforms } = await standIns(input, baseUrl, clock);
  const organisers = localOrganisers(platforms);
  const { loaded, shown } = await loadTrips(local, input.files, organisers);
  if (shown) {
    for (const { api } of platforms) {
      await local.stores.channels.link(api.platform, api.reader.channel, shown, "npm start");
    }
  }
  // Pretending it is another time needs every request signed here, at that time.
  const pretendable = platforms.length === served.length && platforms.every((p) => p.api.signing);
  const now = pretendable ? clock.now : () => new Date();
  // The same handlers as the Lambdas', built once the environment is set.
  const handlers = new Map<string, LambdaHttpHandler>(
    served.map((platform) => [
      platform.route,
      lambdaHttp(platform, { env, clock: now }) as LambdaHttpHandler,
    ]),
  );
  const calendar = calendarHandlerFromEnv({ deps: { ...calendarDepsFromEnv(env), clock: now } });
  const reminders = remindersHandler({ env });
  const playground = input.playground ?? platforms.every((p) => p.api.signing);
  const playgroundRoutes = playgroundApi({
    baseUrl: () => baseUrl,
    store: local.store,
    stores: local.stores,
    channels: local.stores.channels,
    platforms,
    organisers,
    ...(pretendable ? { clock } : {}),
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", baseUrl).pathname;
    // The platforms' routes check signatures, and a tunnel brings them with its own Host; the
    // calendar's links are unguessable tokens that calendar apps fetch from anywhere.
    const handler = req.method === "POST" ? handlers.get(path) : undefined;
    if (handler) return serveThroughLambda(handler, req, res);
    if (path.startsWith("/calendar/")) return serveThroughLambda(calendar, req, res);
    // The rest is for this machine only: a page elsewhere that names this address (DNS
    // rebinding) sends its own Host and is refused.
    if (!isLocalHost(req.headers.host, port)) {
      res.writeHead(421, { "content-type": "text/plain" }).end("Misdirected request");
      return;
    }
    const mounted = /^\/_local\/([^/]+)(\/.*)$/.exec(path);
    const standIn = platforms.find((p) => p.api.platform === mounted?.[1] && p.api.signing);
    if (mounted && standIn) return standIn.api.handle(mounted[2] as string, req, res);
    if (playground && (await playgroundRoutes(path, req, res))) return;
    if (playground && (req.method === "GET" || req.method === "HEAD"))
      return serveStatic(path, res);
    res
      .writeHead(404, { "content-type": "text/plain" })
      .end(playground ? "Not found" : PLAYGROUND_OFF);
  }

  async function runReminders(log: (line: string) => void): Promise<void> {
    const s = await reminders({ time: new Date().toISOString(), id: randomUUID() });
    if (s.sent + s.missed + s.deferred > 0) {
      log(`reminders: ${s.sent} sent, ${s.deferred} to retry, ${s.missed} missed`);
    }
  }

  return { baseUrl, loaded, organisers, platforms, playground, route, runReminders };
}

const PLAYGROUND_OFF =
  "The playground is off: the bot runs with a real app's credentials. Start with --playground to turn it on.";
