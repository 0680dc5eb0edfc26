import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "sdk-free-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Infra, the secrets loader and the trip schema read the platform list; the list must stay
 * cheap to read, so a synth never loads a chat SDK (only a platform's endpoint does).
 */
describe("reading the platform list", () => {
  it("loads neither Bolt nor discord.js, while building an endpoint does", () => {
    const hook = join(dir, "hook.mjs");
    writeFileSync(
      hook,
      `export async function resolve(s, c, next) {
        const r = await next(s, c);
        if (/@slack\\/bolt|discord\\.js|@discordjs\\//.test(r.url)) process.stdout.write("SDK " + r.url + "\\n");
        return r;
      }`,
    );
    const register = join(dir, "register.mjs");
    writeFileSync(
      register,
      `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hook).href)});`,
    );
    const loaded = (code: string) =>
      execFileSync(process.execPath, ["--import", "tsx", "--import", register, "-e", code], {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
      });
    const synth = loaded(
      "const s = await import('./infra/stack.ts'); await import('./bot/config/secrets.ts'); console.log(Object.keys(s.HANDLERS).join(','));",
    );
    expect(synth).toContain("slack,discord,reminders");
    expect(synth).not.toMatch(/^SDK /m);
    // The check itself works: the Slack endpoint's module does load Bolt.
    expect(loaded("await import('./bot/slack/http.ts');")).toMatch(/^SDK .*@slack\/bolt/m);
  }, 60_000);
});
