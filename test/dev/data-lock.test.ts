import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimDataFolder, DataFolderInUse } from "../../dev/data-lock";

/** A claim on the data folder goes only with the process that holds it. */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "data-lock-"));
  dirs.push(dir);
  return dir;
};

describe("the data folder's claim", () => {
  it("is given up only by the process that holds it", () => {
    const dir = tempDir();
    const path = join(dir, "db");
    const release = claimDataFolder(path);
    // Another process (here: this test's parent, alive) took the folder over meanwhile.
    writeFileSync(`${path}.pid`, String(process.ppid));
    release();
    expect(existsSync(`${path}.pid`)).toBe(true);
    expect(readFileSync(`${path}.pid`, "utf8")).toBe(String(process.ppid));
    expect(() => claimDataFolder(path)).toThrow(DataFolderInUse);
  });
});
