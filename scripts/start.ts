/**
 * `npm start`: the bot on this machine, on an embedded DynamoDB kept under data/ (or in memory
 * with --memory), the example trips loaded on first start. Type a command at the prompt.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { parseCommandText } from "../bot/commands/registry";
import { createBot } from "../bot/core";
import {
  EXAMPLE_TRIPS,
  LOCAL_DATA_PATH,
  loadTripFile,
  openLocalEnvironment,
} from "../bot/local/environment";
import { renderText } from "../bot/text/render";

const { values } = parseArgs({
  options: {
    memory: { type: "boolean", default: false },
    trip: { type: "string", default: "pyongyang-marathon-2025" },
    tz: { type: "string", default: Intl.DateTimeFormat().resolvedOptions().timeZone },
  },
});

const env = await openLocalEnvironment({ path: values.memory ? undefined : LOCAL_DATA_PATH });
if ((await env.store.listTrips()).length === 0) {
  for (const path of EXAMPLE_TRIPS) {
    const r = await loadTripFile(env.store, path);
    console.log(`Loaded ${path} (trip ${r.tripId})`);
  }
}
const trips = await env.store.listTrips();
console.log(
  [
    `Trip bot running on an embedded DynamoDB (${values.memory ? "in memory" : `${LOCAL_DATA_PATH}/`}) at ${env.endpoint}`,
    `Trips: ${trips.map((t) => t.id).join(", ")}. Answering from ${values.trip}; your time zone: ${values.tz}.`,
    "Type a command (when, itinerary 2, faq visa, help); Ctrl-D or Ctrl-C to stop.",
  ].join("\n"),
);

const bot = createBot({ store: env.store, clock: () => new Date() });
const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "/marathon " });
rl.prompt();
for await (const line of rl) {
  const { command, input } = parseCommandText(line);
  const reply = await bot.answer({
    command,
    input,
    user: { id: "local" },
    channel: { id: "local" },
    platform: "cli",
    tripId: values.trip,
  });
  console.log(renderText(reply, { readerZone: values.tz ?? "UTC", now: new Date() }));
  rl.prompt();
}
await env.close();
