import type { LoadResult } from "./load-trip";
import { describeIdentityChange } from "./trip-identity";

/** What the trip CLI prints for a load: the changes, the reminders, and the change alerts. */
export function describeLoad(result: LoadResult, dryRun: boolean, quiet = false): string {
  const lines = result.changes.map((c) => {
    const mark = c.kind === "add" ? "+" : c.kind === "change" ? "~" : "-";
    return `  ${mark} ${c.fact}${c.fields?.length ? ` (${c.fields.join(", ")})` : ""}`;
  });
  const count = (k: string) => result.changes.filter((c) => c.kind === k).length;
  if (result.changes.length === 0) {
    lines.push(
      `No changes: trip ${result.tripId} is already up to date (revision ${result.revision}).`,
    );
  } else {
    const summary = `${count("add")} added, ${count("change")} changed, ${count("remove")} removed`;
    lines.push(
      dryRun
        ? `Dry run: would apply ${summary}. Nothing was written.`
        : `Loaded trip ${result.tripId}: ${summary} (revision ${result.revision}).`,
    );
  }
  const { scheduled, updated, cancelled } = result.reminders;
  if (scheduled + updated + cancelled > 0) {
    lines.push(
      `Reminders: ${scheduled} ${dryRun ? "to schedule" : "scheduled"}, ${updated} ${dryRun ? "to update" : "updated"}, ${cancelled} ${dryRun ? "to cancel" : "cancelled"}.`,
    );
  }
  if (result.alerts.length > 0) {
    const n = result.alerts.length;
    const what = `${n} change alert${n === 1 ? "" : "s"}`;
    lines.push(
      dryRun
        ? quiet
          ? `A load without --quiet would announce ${what}:`
          : `Would announce ${what} in every channel with reminders on:`
        : result.announced
          ? `Announcing ${what} in every channel with reminders on (the next reminders run posts them):`
          : `Not announcing ${what} (--quiet):`,
    );
    for (const a of result.alerts) lines.push(`  ! ${a.title}: ${a.changes.join("; ")}`);
  }
  const identity = describeIdentityChange(result.identity);
  if (result.identity && identity.length > 0) {
    const what = [
      ...(result.identity.name ? ["name"] : []),
      ...(result.identity.organisers.length > 0 ? ["organisers"] : []),
    ].join(" and ");
    lines.unshift(`${dryRun ? "Would change" : "Changed"} the trip's ${what}:`, ...identity);
  }
  return lines.join("\n");
}
