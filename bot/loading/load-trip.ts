import { planSchedule, remindersOf, type ScheduleChange } from "../reminders/schedule";
import type { FactChange, FactStore, RevisionDraft } from "../store/fact-store";
import type { ReminderSchedule } from "../store/reminder-schedule";
import { resolveTrip } from "../trip/model";
import { type TripFile, TripFileSchema } from "../trip/schema";

export interface LoadResult {
  tripId: string;
  changes: FactChange[];
  /** Something was written: false for a dry run, or when nothing changed. */
  written: boolean;
  revision: number;
  /** What the load did (or, dry, would do) to the reminder schedule. */
  reminders: ScheduleChange["counts"];
}

/** What a load writes to: the trip's facts and its reminder schedule. */
export interface TripLoadStores {
  facts: FactStore;
  schedule: ReminderSchedule;
}

export interface LoadOptions {
  /** Say what the load would change; write nothing. */
  dryRun?: boolean;
  /** When the load happens: items that have started by then get no reminder. */
  now?: Date;
}

/** A trip file that fails validation; `issues` say where ("itinerary[2].start: …"). */
export class InvalidTripError extends Error {
  constructor(readonly issues: string[]) {
    super(`The trip is not valid:\n${issues.join("\n")}`);
    this.name = "InvalidTripError";
  }
}

/**
 * Loading a trip, wherever it comes from (the CLI, a file uploaded in the chat, an organiser's
 * edit): validate, compare with the revision in force, write the facts and switch readers
 * over, then bring the reminder schedule in line. Each step is safe to repeat, so a load that
 * died part-way is finished by running it again.
 */
export async function loadTrip(
  stores: TripLoadStores,
  input: TripFile,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const file = validate(input);
  const now = options.now ?? new Date();
  const [draft, scheduled] = await Promise.all([
    stores.facts.draftRevision(file),
    stores.schedule.scheduleOf(file.id),
  ]);
  const schedule = planSchedule(remindersOf(resolveTrip(file)), scheduled, now);
  if (options.dryRun) return result(draft, schedule, false, draft.revision);

  const revision = await draft.commit();
  // Reminders follow the itinerary now in force; a load that changed nothing still repairs a
  // schedule that an earlier load died before writing.
  await stores.schedule.update(schedule);
  // Announcing changes to items that are close or already reminded belongs here, next: it
  // has the draft's changes and the schedule as it was (`scheduled`).
  return result(draft, schedule, draft.switches, revision);
}

function validate(input: TripFile): TripFile {
  const checked = TripFileSchema.safeParse(input);
  if (checked.success) return checked.data;
  throw new InvalidTripError(
    checked.error.issues.map((i) => `${i.path.join(".") || "trip"}: ${i.message}`),
  );
}

function result(
  draft: RevisionDraft,
  schedule: ScheduleChange,
  written: boolean,
  revision: number,
): LoadResult {
  return {
    tripId: draft.tripId,
    changes: draft.changes,
    written,
    revision,
    reminders: schedule.counts,
  };
}
