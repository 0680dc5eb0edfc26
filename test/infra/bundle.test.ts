import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { DEFERRED_PACKAGES, deferredFile } from "../../infra/bundling";
import { HANDLERS, type HandlerName } from "../../infra/stack";
import { testApp } from "./synth";

const outdir = mkdtempSync(join(tmpdir(), "cdk-bundle-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The one test that really runs esbuild, as `npm run deploy` does. */
describe("bundling", () => {
  it("bundles every handler with local esbuild into a minified CommonJS file with a source map", () => {
    const { app, stack } = testApp({ handlerCode: undefined }, outdir);
    app.synth();
    const template = Template.fromStack(stack);
    for (const name of Object.keys(HANDLERS) as HandlerName[]) {
      const fn =
        template.toJSON().Resources[
          stack.getLogicalId(stack.fn(name).fn.node.defaultChild as never)
        ];
      expect(fn.Properties.Handler).toBe("index.handler");
      const hash = String(fn.Properties.Code.S3Key).replace(/\.zip$/, "");
      const dir = join(outdir, `asset.${hash}`);
      const file = join(dir, "index.js");
      expect(existsSync(file), `${name}: ${file}`).toBe(true);
      expect(existsSync(join(dir, "index.js.map"))).toBe(true);
      const code = readFileSync(file, "utf8");
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
      // Minified: a few very long lines, not thousands of indented ones.
      expect(code.length / code.split("\n").length).toBeGreaterThan(1000);
      // Loads in a fresh Node process, as the Lambda runtime loads it, and exports the handler.
      const exported = execFileSync(
        process.execPath,
        ["-e", `process.stdout.write(typeof require(${JSON.stringify(file)}).handler)`],
        { env: { PATH: process.env.PATH ?? "" }, encoding: "utf8" },
      );
      expect(exported, name).toBe("function");
      // Each deferred package is beside it, and `require` from the bundle finds every name
      // the bot imports from it.
      for (const [pkg, names] of Object.entries(DEFERRED_PACKAGES)) {
        expect(existsSync(deferredFile(dir, pkg)), `${name}: ${pkg}`).toBe(true);
        const found = execFileSync(
          process.execPath,
          [
            "-e",
            `const m = require("node:module").createRequire(${JSON.stringify(file)})(${JSON.stringify(pkg)});
             process.stdout.write(JSON.stringify(${JSON.stringify(names)}.filter((n) => m[n] !== undefined)))`,
          ],
          { env: { PATH: process.env.PATH ?? "" }, encoding: "utf8" },
        );
        expect(JSON.parse(found), `${name}: ${pkg}`).toEqual(names);
      }
    }
  }, 180_000);

  it("the bot imports from a deferred package only the names its file exports", () => {
    // What the functions bundle: bot/ and handlers/ (dev/ and scripts/ run from source).
    const files = ["bot", "handlers"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts"))
        .map((f) => join(dir, f)),
    );
    const imported = new Map<string, Set<string>>();
    for (const file of files) {
      // Comments may quote an import; only code counts.
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const pkg of Object.keys(DEFERRED_PACKAGES)) {
        const from = `from\\s+"${pkg.replace(/[/.-]/g, "\\$&")}"`;
        const names = imported.get(pkg) ?? new Set<string>();
        // import { a, b as c, type D } / export { a } from "pkg"
        for (const m of code.matchAll(
          new RegExp(`(?:import|export)\\s+(?!type\\b)\\{([^}]*)\\}\\s*${from}`, "g"),
        )) {
          for (const part of (m[1] ?? "").split(",")) {
            const name =
              part
                .trim()
                .split(/\s+as\s+/)[0]
                ?.trim() ?? "";
            if (name && !name.startsWith("type ")) names.add(name);
          }
        }
        // import x, { … } (a default import) and import("pkg") would need the whole package.
        if (new RegExp(`import\\s+(?!type\\b)\\w+\\s*,?\\s*(\\{[^}]*\\})?\\s*${from}`).test(code))
          names.add("default");
        if (code.includes(`import("${pkg}")`)) names.add("import()");
        // import * as ns from "pkg": the names read from ns.
        for (const m of code.matchAll(
          new RegExp(`import\\s+\\*\\s+as\\s+(\\w+)\\s+${from}`, "g"),
        )) {
          for (const use of code.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, "g")))
            names.add(use[1] as string);
        }
        if (names.size > 0) imported.set(pkg, names);
      }
    }
    for (const [pkg, names] of Object.entries(DEFERRED_PACKAGES)) {
      expect([...(imported.get(pkg) ?? [])].sort(), pkg).toEqual([...names].sort());
    }
  });
});
