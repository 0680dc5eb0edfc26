/**
 * `npm start`: the whole bot on this machine, with the playground page. Options: --memory (no
 * data kept), --trip <file> (validate and load a trip file; repeatable), --data <dir> (where
 * the table is kept; data/dynamodb by default), --playground / --no-playground (the page and
 * the platforms' stand-ins; on unless a platform runs with its own credentials). PORT sets the
 * port (3000 by default).
 */
import { parseArgs } from "node:util";
import { DataFolderInUse } from "./data-lock";
import { LOCAL_DATA_PATH } from "./environment";
import { type LocalServer, startLocalServer, TripFileInvalid, TripFileUnreadable } from "./server";

const { values } = parseArgs({
  options: {
    memory: { type: "boolean", default: false },
    trip: { type: "string", multiple: true, default: [] },
    data: { type: "string", default: LOCAL_DATA_PATH },
    playground: { type: "boolean" },
    "no-playground": { type: "boolean" },
  },
});

const port = process.env.PORT ? Number(process.env.PORT) : 3000;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT}"`);
  process.exit(2);
}

let server: LocalServer | undefined;
let stopping = false;
// Installed before anything starts: a Ctrl-C at any moment ends the process through `exit`,
// whose handlers give up the data folder. A second one (tsx forwards its own) means "now".
const stop = async () => {
  if (stopping || !server) process.exit(130);
  stopping = true;
  console.log("\nStopping…");
  await server.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

try {
  server = await startLocalServer({
    port,
    dataPath: values.memory ? undefined : values.data,
    tripFiles: values.trip,
    ...(values.playground ? { playground: true } : {}),
    ...(values["no-playground"] ? { playground: false } : {}),
  });
} catch (e) {
  if (e instanceof TripFileInvalid) {
    console.error(`The trip file does not validate:\n${e.message}`);
    process.exit(1);
  }
  if (e instanceof DataFolderInUse || e instanceof TripFileUnreadable) {
    console.error(e.message);
    process.exit(1);
  }
  if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`Port ${port} is in use: try PORT=3001 npm start`);
    process.exit(1);
  }
  throw e;
}

for (const { path, result } of server.loaded) {
  console.log(`Loaded ${path} → trip ${result.tripId} (${result.changes.length} changes)`);
}
if (server.organisers.length > 0) {
  const as = server.organisers.map((o) => `${o.platform} ${o.user}`).join(", ");
  console.log(`Organisers: the playground's reader (${as}) organises every trip loaded here.`);
}
const platforms = server.platforms;
const labels = platforms.map((p) => p.title).join(" and ");
console.log(
  [
    `Trip bot on ${server.url} — embedded DynamoDB ${server.dataPath ? `in ${server.dataPath}/ (kept between runs)` : "in memory"}, reminders every minute.`,
    `Trips: ${server.trips.map((t) => t.id).join(", ")}`,
    "",
    server.playground
      ? `  Playground   ${server.url}/   type a command, see it as ${labels} show it`
      : "  Playground   off (a platform runs with its own credentials; --playground turns it on)",
    ...platforms.map(
      ({ api, title, route }) =>
        `  ${title.padEnd(12)} POST ${server.url}${route} (${api.signing ? "development keys" : "your app's credentials"})`,
    ),
    "",
    "With several trips, a channel answers once an organiser types /marathon link <trip id> in it.",
    "A real app: expose this port through a tunnel (e.g.",
    `cloudflared tunnel --url ${server.url}) and start with the app's secrets set.`,
    ...platforms.map(
      ({ api, title, route }) => `  ${title}: ${api.realAppHint("<tunnel>", route)}`,
    ),
    "One command in the terminal instead: npm run ask -- when. Ctrl-C stops (nothing is lost).",
  ].join("\n"),
);
