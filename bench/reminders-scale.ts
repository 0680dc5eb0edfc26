/**
 * `npm run bench:reminders`: one reminders run with 10 due reminders, in a table of 1,000
 * itinerary items and in one of 100,000 (local DynamoDB, dynalite in memory). A run's cost
 * should follow what is due, not the table: the time ratio should stay under 1.5, and the
 * number of DynamoDB requests per run should be the same for both tables.
 */

import { loadTrip } from "../bot/loading/load-trip";
import { runReminders } from "../bot/reminders/run";
import { SlackPoster } from "../bot/slack/poster";
import { startFakeSlackApi } from "../bot/slack/stand-in";
import { type ReminderStore, reminderStoreOf } from "../bot/store/stores";
import { type LocalEnvironment, openLocalEnvironment } from "../dev/environment";
import { syntheticTrip } from "../test/helpers/synthetic-trip";
import { median, percentile, printTable } from "./lib/harness";

const T0 = new Date("2025-04-05T00:00:00Z");
const RUNS = 25;
const WARM_UP_RUNS = 5;
const DUE_PER_RUN = 10;
const ITEMS_PER_TRIP = 100;

async function buildTable(
  totalItems: number,
): Promise<{ env: LocalEnvironment; loadSeconds: number }> {
  const env = await openLocalEnvironment({ tableName: `bench-${totalItems}` });
  const started = performance.now();
  // The measured trip: every minute from T0 + 1 min, 10 items' 1-hour reminders fall due.
  const measured = syntheticTrip({
    id: "measured",
    items: RUNS * DUE_PER_RUN,
    firstStart: new Date(T0.getTime() + 61 * 60_000),
    spacingMinutes: 1 / DUE_PER_RUN,
  });
  await loadTrip(env.stores, measured, { now: T0 });
  // Filler trips, all falling due later the same day and on the days after.
  const fillerTrips = Math.ceil((totalItems - measured.itinerary.length) / ITEMS_PER_TRIP);
  for (let t = 0; t < fillerTrips; t++) {
    const items = Math.min(
      ITEMS_PER_TRIP,
      totalItems - measured.itinerary.length - t * ITEMS_PER_TRIP,
    );
    const firstStart = new Date(T0.getTime() + (3 * 60 + (t % 2000)) * 60_000);
    await loadTrip(
      env.stores,
      syntheticTrip({ id: `filler-${t}`, items, firstStart, spacingMinutes: 7 }),
      { now: T0 },
    );
    // Every trip has a channel following it, as in a busy deployment.
    await env.stores.channels.setSubscribed(`filler-${t}`, "slack", `CF${t}`, true, "bench");
  }
  return { env, loadSeconds: (performance.now() - started) / 1000 };
}

interface Subject {
  totalItems: number;
  loadSeconds: number;
  env: LocalEnvironment;
  reminders: ReminderStore;
  requests: number;
  times: number[];
  requestCounts: number[];
  delivered: number;
}

async function prepare(totalItems: number): Promise<Subject> {
  const { env, loadSeconds } = await buildTable(totalItems);
  const reminders = reminderStoreOf(env.stores);
  await env.stores.channels.setSubscribed("measured", "slack", "CBENCH", true, "bench");
  const subject: Subject = {
    totalItems,
    loadSeconds,
    env,
    reminders,
    requests: 0,
    times: [],
    requestCounts: [],
    delivered: 0,
  };
  env.doc.middlewareStack.add(
    (next) => async (args) => {
      subject.requests++;
      return next(args);
    },
    { step: "initialize", name: "countRequests" },
  );
  return subject;
}

const subjects = [await prepare(1_000), await prepare(100_000)];
const slack = await startFakeSlackApi();
const poster = new SlackPoster({ token: "xoxb-bench", apiUrl: slack.apiUrl });
// Minute by minute, each table's run in turn, so both see the same warm process; the first
// runs warm it up and are not counted.
for (let run = 1; run <= RUNS; run++) {
  for (const s of subjects) {
    s.requests = 0;
    const started = performance.now();
    const summary = await runReminders({
      reminders: s.reminders,
      posters: { slack: poster },
      now: new Date(T0.getTime() + run * 60_000),
      budgetMs: 50_000,
      runId: `bench-${run}`,
    });
    if (run > WARM_UP_RUNS) {
      s.times.push(performance.now() - started);
      s.requestCounts.push(s.requests);
    }
    s.delivered += summary.sent;
  }
}
await slack.close();
for (const s of subjects) {
  await s.env.close();
  if (s.delivered !== RUNS * DUE_PER_RUN) {
    throw new Error(`expected ${RUNS * DUE_PER_RUN} deliveries, got ${s.delivered}`);
  }
}
const [small, large] = subjects as [Subject, Subject];
console.log(
  `One reminders run with ${DUE_PER_RUN} due reminders (${RUNS - WARM_UP_RUNS} runs after ${WARM_UP_RUNS} warm-up runs)\n`,
);
printTable(
  subjects.map((r) => ({
    "items in table": r.totalItems.toLocaleString("en"),
    "load (s)": r.loadSeconds,
    "run median (ms)": median(r.times),
    "run p90 (ms)": percentile(r.times, 90),
    "DynamoDB requests per run": median(r.requestCounts),
  })),
);
console.log(
  `\nratio 100,000 / 1,000 items: ${(median(large.times) / median(small.times)).toFixed(2)} (goal < 1.5)`,
);
