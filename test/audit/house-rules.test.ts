import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORMS } from "../../bot/platforms";

// The house rules of DESIGN.md, read from the source: only the list, a platform's own handler
// line and its own setup script reach into an adapter folder; commands, the core and handlers
// never query DynamoDB; adapters never do either. A third platform is one folder away.

const ROOT = join(import.meta.dirname, "../..");
const PRODUCT = ["bot", "dev", "infra", "scripts", "handlers"];
const ADAPTERS = PLATFORMS.map((p) => `bot/${p.name}/`);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const imports = (path: string): string[] =>
  [...readFileSync(join(ROOT, path), "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)].map(
    (m) => m[1] as string,
  );

/** Where a relative import lands, from the project root. */
const target = (from: string, spec: string) =>
  spec.startsWith(".") ? relative(ROOT, join(ROOT, from, "..", spec)) : spec;

describe("the house rules, from the source", () => {
  const files = PRODUCT.flatMap(sources);

  it("only the platform list, each platform's handler and its setup script import an adapter", () => {
    const allowed = (file: string, adapter: string) => {
      const name = adapter.split("/")[1] as string;
      return (
        file === "bot/platforms.ts" ||
        file === `handlers/${name}.ts` ||
        (file.startsWith("scripts/") && file.includes(name))
      );
    };
    const leaks = files.flatMap((file) =>
      ADAPTERS.some((a) => file.startsWith(a))
        ? []
        : imports(file)
            .map((spec) => target(file, spec))
            .flatMap((t) => ADAPTERS.filter((a) => `${t}/`.startsWith(a) || t.startsWith(a)))
            .filter((a) => !allowed(file, a))
            .map((a) => `${file} → ${a}`),
    );
    expect(leaks).toEqual([]);
  });

  it("adapters, commands, the core and handlers never reach DynamoDB", () => {
    const banned = /(^@aws-sdk\/(client|lib)-dynamodb$)|(^bot\/store\/dynamo-)/;
    const where = [...ADAPTERS, "bot/commands/", "bot/core.ts", "handlers/"];
    const leaks = files
      .filter((f) => where.some((w) => f.startsWith(w)))
      .flatMap((file) =>
        imports(file)
          .map((spec) => target(file, spec))
          .filter((t) => banned.test(t))
          .map((t) => `${file} → ${t}`),
      );
    expect(leaks).toEqual([]);
  });

  it("every handler of a platform is one line over the shared transport", () => {
    for (const p of PLATFORMS) {
      const code = readFileSync(join(ROOT, `handlers/${p.name}.ts`), "utf8");
      const statements = code
        .split("\n")
        .filter((l) => l.trim() !== "" && !/^\s*(import|\/\*\*|\*|\/\/)/.test(l));
      expect(statements, p.name).toEqual([`export const handler = lambdaHttp(${p.name});`]);
    }
  });
});
