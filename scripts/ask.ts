/**
 * `npm run ask -- "itinerary 2"`: answers one command in the terminal from an embedded table
 * with the example trip loaded. Options: --trip <file>, --tz <reader's zone>, --now <ISO time>.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseCommandText } from "../bot/commands/registry";
import { createBot } from "../bot/core";
import { renderText } from "../bot/text/render";
import { isValidTimeZone } from "../bot/trip/time";
import { EXAMPLE_TRIPS, loadTripFile, openLocalEnvironment } from "../dev/environment";

const USAGE = `Usage: npm run ask -- [--trip <file>] [--tz <zone>] [--now <ISO time>] <command or question>
  e.g. npm run ask -- --tz America/New_York "itinerary 2"`;

const readArgs = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      trip: { type: "string", default: EXAMPLE_TRIPS[0] },
      tz: { type: "string", default: Intl.DateTimeFormat().resolvedOptions().timeZone },
      now: { type: "string" },
    },
  });

/** The CLI as `npm run ask` runs it: the exit code; a failure is printed, never thrown. */
export async function runAskCli(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof readArgs>;
  try {
    parsed = readArgs(argv);
  } catch (e) {
    // An unknown option or one without its value: say so, never a stack trace.
    console.error(`${e instanceof Error ? e.message : e}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;

  const readerZone = values.tz ?? "UTC";
  if (!isValidTimeZone(readerZone)) {
    console.error(`--tz ${readerZone} is not an IANA time zone (like Europe/London)`);
    return 2;
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`--now ${values.now} is not a date and time`);
    return 2;
  }

  const env = await openLocalEnvironment();
  try {
    const loaded = await loadTripFile(env.stores, values.trip ?? "");
    const bot = createBot({ store: env.store, clock: () => now });
    const { command, input } = parseCommandText(positionals.join(" "));
    const reply = await bot.answer({
      command,
      input,
      user: { id: "cli" },
      channel: { id: "cli" },
      platform: "cli",
      tripId: loaded.tripId,
    });
    process.stdout.write(renderText(reply, { readerZone, now }));
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  } finally {
    await env.close();
  }
}

// Started as a script, not imported (the tests run the CLI in their own process).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runAskCli(process.argv.slice(2));
}
