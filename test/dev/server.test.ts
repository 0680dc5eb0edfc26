import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { slackStandIn } from "../../bot/slack/stand-in";
import { ping, signedEvent, slash, testKeys } from "../discord/helpers";
import { NEW_YORK, withOrganisers } from "../helpers/memory-trips";
import { commandBody, SECRET, sign } from "../slack/signed";

const keys = testKeys();
const dirs: string[] = [];
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "npm-start-"));
  dirs.push(dir);
  return dir;
}

interface Started {
  url: string;
  output: () => string;
  /** Ctrl-C, and the exit code. */
  stop(): Promise<number | null>;
  /** Ctrl-C twice at once (as tsx forwards one of its own), and the exit code. */
  interruptTwice(): Promise<number | null>;
}

/**
 * `npm start` as a person runs it (tsx dev/start.ts, in one process so a signal reaches
 * the server itself), on a free port. The signing secrets
 * are this test's, as for a real app pointed at the server; the platforms' APIs point nowhere.
 */
function run(args: string[]): {
  child: ChildProcess;
  exited: Promise<number | null>;
  all: () => string;
} {
  // The test runner turns metrics off; a person's terminal has no such setting.
  const { POWERTOOLS_METRICS_DISABLED: _, ...outside } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "dev/start.ts", ...args], {
    env: {
      ...outside,
      PORT: "0",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: "http://127.0.0.1:9/",
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: "http://127.0.0.1:9",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let all = "";
  child.stdout?.on("data", (d) => {
    all += d;
  });
  child.stderr?.on("data", (d) => {
    all += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, all: () => all };
}

async function start(args: string[]): Promise<Started> {
  const { child, exited, all } = run(args);
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const m = /Trip bot on (http:\/\/127\.0\.0\.1:\d+)/.exec(all());
      if (m?.[1]) resolve(m[1]);
    });
    exited.then((code) => reject(new Error(`npm start exited (${code}):\n${all()}`)));
  });
  return {
    url,
    output: all,
    async stop() {
      child.kill("SIGINT");
      return exited;
    },
    async interruptTwice() {
      child.kill("SIGINT");
      child.kill("SIGINT");
      return exited;
    },
  };
}

async function slackCommand(url: string, text: string, channel = "C0001") {
  const body = commandBody(text, { channel_id: channel, response_url: "http://127.0.0.1:9/r" });
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(SECRET, timestamp, body),
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** Discord's POST, built and signed by the Discord tests' helper, sent over HTTP. */
async function discord(url: string, interaction: unknown, contentType = "application/json") {
  const event = signedEvent(JSON.stringify(interaction), {
    privateKey: keys.privateKey,
    timestamp: Math.floor(Date.now() / 1000),
    headers: { "content-type": contentType },
  });
  const response = await fetch(`${url}/discord/interactions`, {
    method: "POST",
    headers: event.headers as Record<string, string>,
    body: event.body,
  });
  return { status: response.status, json: (await response.json()) as Reply };
}

interface Reply {
  type?: number;
  data?: unknown;
}

const discordText = (json: Reply) => JSON.stringify(json.data ?? {});

describe("npm start", () => {
  it("answers signed Slack and Discord requests through the Lambda handlers, and keeps trips and links across a restart", async () => {
    const data = tempDir();
    const first = await start(["--data", data, "--playground"]);
    // With a real app's keys, no member is made an organiser.
    expect(first.output()).not.toContain("organises every trip loaded here");
    expect(first.output()).toContain("Loaded trips/pyongyang-marathon-2025.yaml");
    expect(first.output()).toMatch(/slack:manifest -- --url/);
    expect(first.output()).toMatch(/discord:register/);
    expect(first.output()).toMatch(/npm run ask/);

    // Slack: a slash command answered in the HTTP response, as Block Kit (in the channel the
    // first start links to the first example trip; other channels ask an organiser to link).
    const when = await slackCommand(first.url, "when", slackStandIn().reader.channel);
    expect(when.status).toBe(200);
    expect(when.text).toContain("Pyongyang International Marathon 2025");
    expect(when.text).toContain("<!date^");
    // A wrong signature is refused by the handler, as in Lambda.
    const forged = await fetch(`${first.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
        "x-slack-signature": "v0=0000",
      },
      body: commandBody("when"),
    });
    expect(forged.status).toBe(401);

    // Discord: PING; an organiser links a channel to the second trip, once a file lists them
    // (this test's Discord member, 42).
    expect((await discord(first.url, ping())).json).toEqual({ type: 1 });
    const organised = await fetch(`${first.url}/playground/api/trip`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        fileName: "new-york.yaml",
        text: readFileSync(withOrganisers(NEW_YORK, { discord: ["42"] }), "utf8"),
      }),
    });
    expect(await organised.json()).toMatchObject({ ok: true, tripId: "new-york-marathon-2025" });
    const link = await discord(
      first.url,
      slash("link", { name: "trip", value: "new-york-marathon-2025" }),
    );
    expect(discordText(link.json)).toMatch(/linked/i);
    // A body API Gateway passes on base64-encoded (not text) keeps its signed bytes.
    const binary = await discord(first.url, slash("when"), "application/octet-stream");
    expect(binary.status).toBe(200);
    expect(discordText(binary.json)).toMatch(/New York.*<t:\d+:F>/);

    // A trip file checked and loaded through the playground.
    const invalid = await fetch(`${first.url}/playground/api/trip`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fileName: "broken.yaml", text: "id: broken\nname: [oops\n" }),
    });
    expect(invalid.status).toBe(422);
    const { errors } = (await invalid.json()) as { errors: { line: number; column: number }[] };
    expect(errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    const ours = readFileSync("trips/pyongyang-marathon-2025.yaml", "utf8")
      .replace("id: pyongyang-marathon-2025", "id: our-tour")
      .replace("name: Pyongyang Marathon tour 2025", "name: Our own tour");
    const loaded = await fetch(`${first.url}/playground/api/trip`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fileName: "ours.yaml", text: ours }),
    });
    expect(await loaded.json()).toMatchObject({ ok: true, tripId: "our-tour" });

    // A second server on the same data says so, and leaves the first alone.
    const second = run(["--data", data]);
    expect(await second.exited).toBe(1);
    expect(second.all()).toContain("is in use by another npm start");

    // The terminal keeps to its few lines: no metrics record (a JSON line) per request.
    expect(first.output()).not.toContain("CloudWatchMetrics");
    expect(await first.stop()).toBe(0);

    const again = await start(["--data", data, "--playground"]);
    try {
      // Nothing is loaded again: the table was kept.
      expect(again.output()).not.toContain("Loaded trips/");
      expect(again.output()).toContain("our-tour");
      const linked = await discord(again.url, slash("when"));
      expect(discordText(linked.json)).toContain("New York");
      const state = await fetch(`${again.url}/playground/api/state`);
      expect(((await state.json()) as { linked: string }).linked).toBe("our-tour");
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });

  it("leaves no claim on the data folder when a second Ctrl-C comes at once", async () => {
    const data = tempDir();
    const started = await start(["--data", join(data, "db")]);
    expect(readFileSync(join(data, "db.pid"), "utf8").trim()).toMatch(/^\d+$/);
    expect(await started.interruptTwice()).not.toBeNull();
    expect(() => readFileSync(join(data, "db.pid"))).toThrow();
  });

  it("refuses a trip file that does not validate, with its line and column", async () => {
    const dir = tempDir();
    const file = join(dir, "broken.yaml");
    writeFileSync(
      file,
      readFileSync("trips/new-york-marathon-2025.yaml", "utf8").replace(
        /timeZone: .*/,
        "timeZone: Mars/Olympus_Mons",
      ),
    );
    const { exited, all } = run(["--memory", "--trip", file]);
    expect(await exited).toBe(1);
    expect(all()).toMatch(new RegExp(`${file}:\\d+:\\d+: .*`));
    expect(all()).not.toContain("Trip bot on");
  });

  it("says plainly when a trip file cannot be read: missing, or a folder", async () => {
    const unreadable: [string, string][] = [
      ["no-such-trip.yaml", "there is no such file"],
      ["trips", "it is a folder"],
    ];
    for (const [path, why] of unreadable) {
      const { exited, all } = run(["--memory", "--trip", path]);
      expect(await exited, path).toBe(1);
      expect(all()).toContain(`Cannot read the trip file ${path}: ${why}`);
      expect(all(), "no stack trace").not.toMatch(/\n\s+at /);
    }
  });
});
