import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
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
    }
  }, 180_000);
});
