/**
 * The trip CLI, against TABLE_NAME and DYNAMODB_ENDPOINT:
 *   npm run trip -- validate <file…>
 *   npm run trip -- load <file> [--dry-run] [--quiet] [--replace-organisers]
 *   npm run trip -- export <trip-id> [--out <file>]
 * With neither variable set it uses the local table that `npm start` keeps under data/.
 */
import { realpathSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { describeLoad } from "../bot/loading/describe-load";
import { type LoadResult, loadTrip } from "../bot/loading/load-trip";
import { tripFileText } from "../bot/loading/trip-file";
import { describeIdentityChange, OrganisersChangeRefused } from "../bot/loading/trip-identity";
import { PLATFORM_NAMES } from "../bot/platforms";
import { createDocumentClient, ensureTable } from "../bot/store/dynamo-client";
import { dynamoStores } from "../bot/store/dynamo-stores";
import type { Stores } from "../bot/store/stores";
import { formatTripError, parseTripText } from "../bot/trip/parse";
import { LOCAL_DATA_PATH, openLocalEnvironment } from "../dev/environment";

const USAGE = `Usage:
  npm run trip -- validate <file…>          check trip files; print every error with line and column
  npm run trip -- load <file> [--dry-run] [--quiet] [--replace-organisers]
                                            load a trip into the table; print what it adds, changes,
                                            removes, and the change alerts it posts to channels
                                            (--quiet: post none; --dry-run: list them, change nothing;
                                            --replace-organisers: let the file change the organisers
                                            of a trip already loaded, which a load refuses otherwise)
  npm run trip -- export <trip-id> [--out <file>]   write a stored trip back out as YAML`;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

async function parseFile(path: string) {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    return {
      ok: false as const,
      errors: [`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? e})`],
    };
  }
  const r = parseTripText(text, path, { platforms: PLATFORM_NAMES });
  return r.ok ? r : { ok: false as const, errors: r.errors.map(formatTripError) };
}

async function withStores<T>(fn: (stores: Stores, where: string) => Promise<T>): Promise<T> {
  const tableName = process.env.TABLE_NAME;
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!tableName && !endpoint) {
    const env = await openLocalEnvironment({ path: LOCAL_DATA_PATH });
    try {
      return await fn(
        env.stores,
        `the local table in ${LOCAL_DATA_PATH}/ (set TABLE_NAME for another)`,
      );
    } finally {
      await env.close();
    }
  }
  if (!tableName) throw new Error("DYNAMODB_ENDPOINT is set but TABLE_NAME is not: name the table");
  const doc = createDocumentClient({ tableName, endpoint });
  try {
    // In AWS the stack owns the table; only a local server gets one created here.
    if (endpoint) await ensureTable(doc, tableName);
    return await fn(
      dynamoStores(doc, tableName),
      endpoint ? `${tableName} at ${endpoint}` : tableName,
    );
  } finally {
    doc.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      "replace-organisers": { type: "boolean", default: false },
      out: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [verb, ...rest] = positionals;
  if (values.help || !verb) {
    console.log(USAGE);
    return verb || values.help ? 0 : 2;
  }
  if (verb === "validate") return validate(rest);
  if (verb === "load") return load(rest, values);
  if (verb === "export") return exportTrip(rest, values.out);
  return usage(`unknown command "${verb}"`);
}

async function validate(rest: string[]): Promise<number> {
  if (rest.length === 0) return usage("validate needs at least one file");
  let failed = 0;
  for (const path of rest) {
    const r = await parseFile(path);
    if (r.ok)
      console.log(
        `${path}: valid (trip ${r.trip.id}, ${r.trip.itinerary.length} itinerary items, ${r.trip.faq.length} FAQ entries)`,
      );
    else {
      failed++;
      console.error(r.errors.join("\n"));
    }
  }
  return failed > 0 ? 1 : 0;
}

async function load(
  rest: string[],
  values: { "dry-run"?: boolean; quiet?: boolean; "replace-organisers"?: boolean },
): Promise<number> {
  const [path] = rest;
  if (!path || rest.length > 1) return usage("load takes one file");
  const r = await parseFile(path);
  if (!r.ok) {
    console.error(r.errors.join("\n"));
    console.error(`${path}: not loaded; nothing was written.`);
    return 1;
  }
  const dryRun = values["dry-run"] ?? false;
  const quiet = values.quiet ?? false;
  return withStores(async (stores, where) => {
    console.log(`${dryRun ? "Checking" : "Loading"} ${path} against ${where}`);
    const keepOrganisers = !values["replace-organisers"];
    let result: LoadResult;
    try {
      result = await loadTrip(stores, r.file, { dryRun, quiet, keepOrganisers });
    } catch (e) {
      if (!(e instanceof OrganisersChangeRefused)) throw e;
      console.error(describeIdentityChange(e.change).join("\n"));
      console.error(
        `${path}: not loaded, nothing was written: it changes the organisers of trip ${e.tripId}. Check the lines above, then load it with --replace-organisers.`,
      );
      return 1;
    }
    console.log(describeLoad(result, dryRun, quiet));
    if (dryRun && keepOrganisers && result.identity?.organisers.length) {
      console.log("Loading it will need --replace-organisers, as it changes the organisers.");
    }
    return 0;
  });
}

async function exportTrip(rest: string[], out: string | undefined): Promise<number> {
  const [id] = rest;
  if (!id || rest.length > 1) return usage("export takes one trip id");
  return withStores(async (stores, where) => {
    const file = await stores.facts.exportTrip(id);
    if (!file) {
      console.error(`There is no trip "${id}" in ${where}.`);
      return 1;
    }
    const text = tripFileText(file);
    if (out) {
      await writeFile(out, text);
      console.error(`Wrote trip ${id} to ${out}`);
    } else process.stdout.write(text);
    return 0;
  });
}

function usage(problem: string): number {
  console.error(`${problem}\n\n${USAGE}`);
  return 2;
}

/** The CLI as `npm run trip` runs it: the exit code; a failure is printed, never thrown. */
export function runTripCli(argv: string[]): Promise<number> {
  return main(argv).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    return 1;
  });
}

// Started as a script, not imported (the tests run the CLI in their own process).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runTripCli(process.argv.slice(2));
}
