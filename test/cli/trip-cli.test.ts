import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { format, promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LocalDynamo } from "../../bot/store/local-dynamo";
import { startLocalDynamo } from "../../bot/store/local-dynamo";
import { calendarDaysBetween } from "../../bot/trip/time";
import { runAskCli } from "../../scripts/ask";
import { runTripCli } from "../../scripts/trip";
import { NEW_YORK, PYONGYANG } from "../helpers/local-table";

const run = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a package script as a user would, returning its output and exit code. */
async function npmRun(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<Ran> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", script, "--", ...args], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * What `npm run <script> -- …args` does, in this process: the script's own entry point with
 * the same arguments and environment, its console output and exit code. Starting npm and tsx
 * once per case costs seconds; one case per script still starts the real thing.
 */
async function inProcess(
  cli: (argv: string[]) => Promise<number>,
  args: string[],
  env: Record<string, string> = {},
): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const spies = [
    vi.spyOn(console, "log").mockImplementation((...a) => {
      stdout += `${format(...a)}\n`;
    }),
    vi.spyOn(console, "error").mockImplementation((...a) => {
      stderr += `${format(...a)}\n`;
    }),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    }),
  ];
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  try {
    return { code: await cli(args), stdout, stderr };
  } finally {
    for (const spy of spies) spy.mockRestore();
    vi.unstubAllEnvs();
  }
}

const trip = (args: string[], env?: Record<string, string>) => inProcess(runTripCli, args, env);
const ask = (args: string[]) => inProcess(runAskCli, args);

describe("npm run trip", { timeout: 120_000 }, () => {
  let dynamo: LocalDynamo;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    dynamo = await startLocalDynamo();
    env = { TABLE_NAME: "cli-test", DYNAMODB_ENDPOINT: dynamo.endpoint };
    dir = await mkdtemp(join(tmpdir(), "trip-cli-"));
  });
  afterAll(() => dynamo.close());

  it("validates good files and reports every error of a broken one with file, line and column", async () => {
    const ok = await trip(["validate", PYONGYANG, NEW_YORK]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${PYONGYANG}: valid`);
    const broken = join(dir, "broken.yaml");
    const text = (await readFile(NEW_YORK, "utf8"))
      .replace("timeZone: America/New_York", "timeZone: America/Nowhere")
      .replace("  - id: shakeout-run", "  - id: expo-bibs");
    await writeFile(broken, text);
    const bad = await trip(["validate", broken]);
    expect(bad.code).toBe(1);
    const lineOf = (needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    expect(bad.stderr).toContain(`${broken}:${lineOf("America/Nowhere")}:11: timeZone:`);
    expect(bad.stderr).toContain(
      `${broken}:${text.split("\n").findLastIndex((l) => l.includes("- id: expo-bibs")) + 1}:9: itinerary[1].id: duplicate id "expo-bibs"`,
    );
  });

  it("refuses to load a broken file and writes nothing", async () => {
    const broken = join(dir, "types.yaml");
    await writeFile(
      broken,
      (await readFile(PYONGYANG, "utf8")).replace(
        "name: Pyongyang Marathon tour 2025",
        "name: [oops",
      ),
    );
    const r = await trip(["load", broken], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/types\.yaml:\d+:\d+: /);
    expect(r.stderr).toContain("not loaded; nothing was written");
    const exported = await trip(["export", "pyongyang-marathon-2025"], env);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('There is no trip "pyongyang-marathon-2025"');
  });

  it("loads, reports a second load as no change, shows an edit's diff on a dry run, and exports a file that round-trips", async () => {
    const first = await trip(["load", PYONGYANG], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("+ itinerary race-start");
    expect(first.stdout).toMatch(
      /Loaded trip pyongyang-marathon-2025: 30 added, 0 changed, 0 removed \(revision 1\)/,
    );

    const second = await trip(["load", PYONGYANG], env);
    expect(second.stdout).toContain(
      "No changes: trip pyongyang-marathon-2025 is already up to date (revision 1).",
    );

    const edited = join(dir, "edited.yaml");
    await writeFile(
      edited,
      (await readFile(PYONGYANG, "utf8")).replace("title: Early dinner", "title: Pasta dinner"),
    );
    const dry = await trip(["load", edited, "--dry-run"], env);
    expect(dry.stdout).toContain("~ itinerary pasta-dinner (title)");
    expect(dry.stdout).toContain(
      "Dry run: would apply 0 added, 1 changed, 0 removed. Nothing was written.",
    );

    const out = join(dir, "exported.yaml");
    const exported = await trip(["export", "pyongyang-marathon-2025", "--out", out], env);
    expect(exported.code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("title: Early dinner");
    expect((await trip(["validate", out])).code).toBe(0);
    const reload = await trip(["load", out], env);
    expect(reload.stdout).toContain("No changes");
  });

  it("says when a load changes a trip's name or organisers, and changes organisers only when told to", async () => {
    const first = await trip(["load", NEW_YORK], env);
    expect(first.code).toBe(0);
    const other = join(dir, "takeover.yaml");
    await writeFile(
      other,
      (await readFile(NEW_YORK, "utf8"))
        .replace("name: New York City Marathon weekend 2025", "name: Our New York weekend")
        .replace("slack: [YOUR-SLACK-MEMBER-ID]", "slack: [UINTRUDER]"),
    );
    const dry = await trip(["load", other, "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Would change the trip's name and organisers:");
    expect(dry.stdout).toContain(
      '~ name: "New York City Marathon weekend 2025" → "Our New York weekend"',
    );
    expect(dry.stdout).toContain("+ organiser slack UINTRUDER");
    expect(dry.stdout).toContain("- organiser slack YOUR-SLACK-MEMBER-ID");
    expect(dry.stdout).toContain("--replace-organisers");

    const refused = await trip(["load", other], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("+ organiser slack UINTRUDER");
    expect(refused.stderr).toContain("nothing was written");
    expect(refused.stderr).toContain("--replace-organisers");
    const kept = await trip(["export", "new-york-marathon-2025"], env);
    expect(kept.stdout).not.toContain("UINTRUDER");
    expect(kept.stdout).toContain("name: New York City Marathon weekend 2025");

    const replaced = await trip(["load", other, "--replace-organisers"], env);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain("Changed the trip's name and organisers:");
    const now = await trip(["export", "new-york-marathon-2025"], env);
    expect(now.stdout).toContain("UINTRUDER");
  });

  it("refuses an organisers key that is no platform the bot speaks, with line and column", async () => {
    const typo = join(dir, "typo.yaml");
    const text = (await readFile(NEW_YORK, "utf8")).replace("  slack: [YOUR", "  slakc: [YOUR");
    await writeFile(typo, text);
    const line = text.split("\n").findIndex((l) => l.startsWith("  slakc:")) + 1;
    for (const verb of ["validate", "load"]) {
      const r = await trip([verb, typo], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${typo}:${line}:3: organisers: "slakc" is not a platform`);
    }
  });

  it("explains its usage", async () => {
    // The one case that starts npm itself: the script, its arguments and its exit code.
    const r = await npmRun("trip", ["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain("npm run trip -- load <file> [--dry-run]");
  });
});

describe("npm run ask", { timeout: 60_000 }, () => {
  it("answers `when` with the race date, the start place and a countdown from today", async () => {
    // Started by npm, as a user runs it.
    const r = await npmRun("ask", ["--tz", "Europe/Paris", "when"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Sun 6 Apr 2025, 08:00 Pyongyang time (your time: Sun 6 Apr 2025, 01:00)",
    );
    expect(r.stdout).toContain("Kim Il Sung Stadium");
    const days = calendarDaysBetween(
      new Date(),
      new Date("2025-04-05T23:00:00Z"),
      "Asia/Pyongyang",
    );
    expect(r.stdout).toContain(
      days < 0 ? `The race was ${-days} days ago.` : `Race day is in ${days} days.`,
    );
  });

  it("answers an unknown option or one without its value with its usage, not a stack trace", async () => {
    for (const args of [["--tz"], ["--trip"], ["--bogus", "when"]]) {
      const r = await ask(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("Usage: npm run ask -- [--trip <file>]");
      expect(r.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
    }
    expect((await ask(["--tz"])).stderr).toContain("Option '--tz <value>' argument missing");
  });

  it("answers `itinerary 2`", async () => {
    const r = await ask(["itinerary 2"]);
    expect(r.stdout).toContain("Itinerary: Day 2 — Fri 4 Apr 2025");
    expect(r.stdout).toContain("City tour");
  });
});
