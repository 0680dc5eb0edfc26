import { notice } from "../commands/format";
import type { LoadResult } from "../loading/load-trip";
import { TRIP_FILE_MAX_BYTES } from "../loading/trip-file-limit";
import { describeIdentityChange } from "../loading/trip-identity";
import { type Block, context, paragraph, type Reply, text } from "../reply";
import type { FactChange } from "../store/fact-store";
import { shorten } from "../text/units";
import type { TripFileError } from "../trip/parse";

/**
 * What an organiser sees before a trip change takes effect, and after: private replies built
 * from the load's dry run. Long lists are cut to what a phone shows, and say so.
 */

/** Lines of a list shown at most; the rest is counted. */
const MAX_LINES = 25;
/** One line's length at most (a fact's name, an alert's changes). */
const MAX_LINE = 300;

const MARK = { add: "+", change: "~", remove: "−" } as const;

function capped(lines: string[], what: string): Block[] {
  const shown = lines.slice(0, MAX_LINES).map((l) => [text(shorten(l, MAX_LINE))]);
  const rest = lines.length - shown.length;
  return [
    { type: "list", items: shown },
    ...(rest > 0 ? [context(`… and ${rest} more ${what} not shown here.`)] : []),
  ];
}

const changeLine = (c: FactChange) =>
  `${MARK[c.kind]} ${c.fact}${c.fields?.length ? ` (${c.fields.join(", ")})` : ""}`;

function counted(result: LoadResult): string {
  const n = (k: FactChange["kind"]) => result.changes.filter((c) => c.kind === k).length;
  return `${n("add")} added, ${n("change")} changed, ${n("remove")} removed`;
}

/** The blocks saying what a load does (dry: would do): facts, reminders, change alerts. */
export function loadBlocks(result: LoadResult, dry: boolean): Block[] {
  if (result.changes.length === 0) {
    return [
      paragraph(
        text("No changes: ", true),
        `trip ${result.tripId} is already up to date (revision ${result.revision}).`,
      ),
    ];
  }
  const blocks: Block[] = [
    paragraph(text(dry ? "This would apply " : "Applied ", true), `${counted(result)}:`),
    ...capped(result.changes.map(changeLine), "changes"),
  ];
  // Who runs the trip is said apart: a slip here locks an organiser out of their own trip.
  const identity = describeIdentityChange(result.identity).map((l) => l.trim());
  if (identity.length > 0) {
    blocks.push(
      paragraph(text("Name and organisers: ", true), dry ? "this would change them:" : "changed:"),
      ...capped(identity, "lines"),
    );
  }
  const { scheduled, updated, cancelled } = result.reminders;
  if (scheduled + updated + cancelled > 0) {
    blocks.push(
      paragraph(
        text("Reminders: ", true),
        dry
          ? `${scheduled} to schedule, ${updated} to move or reword, ${cancelled} to cancel.`
          : `${scheduled} scheduled, ${updated} moved or reworded, ${cancelled} cancelled.`,
      ),
    );
  }
  if (result.alerts.length > 0) {
    const n = result.alerts.length;
    blocks.push(
      paragraph(
        text(`${n} change alert${n === 1 ? "" : "s"} `, true),
        dry
          ? "would be posted in every channel with reminders on:"
          : "will be posted in every channel with reminders on:",
      ),
      ...capped(
        result.alerts.map((a) => `${a.title}: ${a.changes.join("; ")}`),
        "alerts",
      ),
    );
  }
  return blocks;
}

/** The private preview of a proposed load, with its Confirm and Cancel buttons. */
export function previewReply(
  tripName: string,
  result: LoadResult,
  proposalId: string,
  lead: Block[] = [],
): Reply {
  return {
    title: `Preview: ${shorten(tripName, 200)}`,
    blocks: [
      ...lead,
      ...loadBlocks(result, true),
      context(
        result.changes.length === 0
          ? "Confirm writes nothing. The preview is good for 15 minutes."
          : "Nothing changes until you press Confirm, within 15 minutes.",
      ),
    ],
    buttons: [
      { action: "confirm", label: "Confirm", value: proposalId, style: "primary" },
      { action: "cancel", label: "Cancel", value: proposalId, style: "danger" },
    ],
    visibility: "private",
  };
}

/** A file that failed validation: every error with its line and column, nothing stored. */
export function invalidFileReply(fileName: string, errors: TripFileError[]): Reply {
  const lines = errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`);
  return notice("The trip file has errors", [
    paragraph(
      `${shorten(fileName, 100)} was not loaded; nothing was changed. Fix `,
      errors.length === 1 ? "this error" : `these ${errors.length} errors`,
      " and upload it again:",
    ),
    ...capped(lines, "errors"),
  ]);
}

/** A file over TRIP_FILE_MAX_BYTES: refused before it is read. */
export function tooLarge(name: string): Reply {
  return notice("The file is too large", [
    paragraph(
      `${name} is larger than ${TRIP_FILE_MAX_BYTES / 1024} KiB, the most a trip file may be. Nothing was changed.`,
    ),
  ]);
}
