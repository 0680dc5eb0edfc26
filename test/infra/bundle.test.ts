import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { RUNTIME } from "../../infra/bot-function";
import { DEFERRED_PACKAGES, deferredFile, esbuildOptions } from "../../infra/bundling";
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
        // Both ways the bundle loads one: `require` (a static import in a module evaluated on
        // first use) and `import()`, from the asset directory.
        const found = execFileSync(
          process.execPath,
          [
            "-e",
            `const names = ${JSON.stringify(names)};
             const required = require("node:module").createRequire(${JSON.stringify(file)})(${JSON.stringify(pkg)});
             import(${JSON.stringify(pkg)}).then((imported) => process.stdout.write(JSON.stringify(
               names.filter((n) => required[n] !== undefined && imported[n] !== undefined))));`,
          ],
          { cwd: dir, env: { PATH: process.env.PATH ?? "" }, encoding: "utf8" },
        );
        expect(JSON.parse(found), `${name}: ${pkg}`).toEqual(names);
      }
    }
  }, 180_000);

  it("the bundled code imports from a deferred package only the names its file exports", async () => {
    // Every module of every function's bundle: ours and the packages'.
    const files = new Set<string>();
    for (const entry of Object.values(HANDLERS)) {
      const { metafile } = await build({
        ...esbuildOptions(RUNTIME, process.cwd()),
        entryPoints: [entry],
        outfile: join(outdir, "scan.js"),
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      for (const input of Object.keys(metafile.inputs)) files.add(input);
    }
    const imported = new Map<string, Set<string>>();
    for (const file of files) {
      // Comments may quote an import; only code counts.
      const code = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      for (const pkg of Object.keys(DEFERRED_PACKAGES)) {
        const names = importedNames(code, pkg);
        if (names.length > 0) imported.set(pkg, new Set([...(imported.get(pkg) ?? []), ...names]));
      }
    }
    for (const [pkg, names] of Object.entries(DEFERRED_PACKAGES)) {
      expect([...(imported.get(pkg) ?? [])].sort(), pkg).toEqual([...names].sort());
    }
  });
});

/**
 * The names `code` imports from `pkg`; "default", "import()" or "require()" where it would need
 * the whole package.
 */
function importedNames(code: string, pkg: string): string[] {
  const quoted = `"${pkg.replace(/[/.-]/g, "\\$&")}"`;
  const listed = (list: string | undefined, rename: RegExp) =>
    (list ?? "")
      .split(",")
      .map((part) => part.trim().split(rename)[0]?.trim() ?? "")
      .filter((name) => name !== "" && !name.startsWith("type "));
  const names: string[] = [];
  // import { a, b as c, type D } from "pkg" / export { a } from "pkg"
  for (const m of code.matchAll(
    new RegExp(`(?:import|export)\\s+(?!type\\b)\\{([^{}]*)\\}\\s*from\\s+${quoted}`, "g"),
  )) {
    names.push(...listed(m[1], /\s+as\s+/));
  }
  // const { a, b: c } = await import("pkg")
  for (const m of code.matchAll(
    new RegExp(`\\{([^{}]*)\\}\\s*=\\s*await\\s+import\\(\\s*${quoted}\\s*\\)`, "g"),
  )) {
    names.push(...listed(m[1], /\s*:\s*/));
  }
  // import * as ns from "pkg": the names read from ns.
  for (const m of code.matchAll(
    new RegExp(`import\\s+\\*\\s+as\\s+(\\w+)\\s+from\\s+${quoted}`, "g"),
  )) {
    for (const use of code.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, "g"))) {
      names.push(use[1] as string);
    }
  }
  if (
    new RegExp(`import\\s+(?!type\\b)\\w+\\s*,?\\s*(\\{[^{}]*\\})?\\s*from\\s+${quoted}`).test(code)
  ) {
    names.push("default");
  }
  if (new RegExp(`(?<!=\\s*await\\s+)import\\(\\s*${quoted}`).test(code)) names.push("import()");
  if (new RegExp(`require\\(\\s*${quoted}`).test(code)) names.push("require()");
  return names;
}
