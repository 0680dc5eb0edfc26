import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { NEEDS_OWN_MODULES } from "../vitest.config";

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? testFiles(join(dir, e.name))
      : e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );

const listed = (file: string) =>
  NEEDS_OWN_MODULES.some((pattern) =>
    pattern.endsWith("/**/*.test.ts")
      ? file.startsWith(pattern.slice(0, -"**/*.test.ts".length))
      : file === pattern,
  );

// Files share their worker's modules unless listed; a deployed entry point keeps the runtime
// of the first file that loaded it, so a second file would be answered from the first's table.
it("runs every test file that loads a deployed handler with modules of its own", () => {
  const loadsHandler = testFiles("test").filter((file) =>
    /from "(\.\.\/)+handlers\/|import\("(\.\.\/)+handlers\//.test(readFileSync(file, "utf8")),
  );
  expect(loadsHandler.length).toBeGreaterThan(0);
  expect(loadsHandler.filter((file) => !listed(file))).toEqual([]);
});
