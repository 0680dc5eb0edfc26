import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** A second `npm start` on the same data folder (LevelDB allows one process at a time). */
export class DataFolderInUse extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`${path} is in use by another npm start (process ${pid}); stop it first or use --memory`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holderOf(file: string): number {
  try {
    return Number(readFileSync(file, "utf8").trim());
  } catch {
    return Number.NaN;
  }
}

/**
 * Claims the data folder for this process. Without it, a second server fails deep inside
 * dynalite with "Database is closed"; a stale claim (its process gone) is taken over. The claim
 * file is created exclusively, so of two starts at the same moment only one gets it.
 */
export function claimDataFolder(path: string): () => void {
  // Beside the folder, not in it: the folder is LevelDB's.
  const file = `${path.replace(/\/+$/, "")}.pid`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) throw e;
      const holder = holderOf(file);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new DataFolderInUse(path, holder);
      }
      rmSync(file, { force: true });
    }
  }
  // However the process ends (a second Ctrl-C exits at once), the claim goes with it; a claim
  // another process holds now is left to it.
  const release = () => {
    process.off("exit", release);
    if (holderOf(file) === process.pid) rmSync(file, { force: true });
  };
  process.on("exit", release);
  return release;
}
