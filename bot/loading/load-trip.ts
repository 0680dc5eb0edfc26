import {
  type AlertSummary,
  changeAlerts,
  owedAlerts,
  owedForm,
  summariseAlert,
} from "../reminders/alerts";
import { planSchedule, remindersOf, type ScheduleChange } from "../reminders/schedule";
import type { FactChange, FactStore, RevisionDraft } from "../store/fact-store";
import type { ReminderSchedule, ScheduleEntry } from "../store/reminder-schedule";
import { resolveTrip } from "../trip/model";
import { checkTripFile, type TripFile } from "../trip/schema";
import { type IdentityChange, identityChange, OrganisersChangeRefused } from "./trip-identity";

export interface LoadResult {
  tripId: string;
  changes: FactChange[];
  /** Something was written: false for a dry run, or when nothing changed. */
  written: boolean;
  revision: number;
  /** What the load did (or, dry, would do) to the reminder schedule. */
  reminders: ScheduleChange["counts"];
  /**
   * Changes to items that are close or already reminded: each subscribed channel gets one
   * "Changed" post per alert from the next reminders run (none on a dry or quiet load). They
   * include what an earlier load that died after switching over still owed.
   */
  alerts: AlertSummary[];
  /** The alerts were scheduled for posting (false for a dry run or a quiet load). */
  announced: boolean;
  /** What the load does to an existing trip's name or organisers, when it changes either. */
  identity?: IdentityChange;
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
  /** Change nothing in the channels: no change alerts for this load (`--quiet`). */
  quiet?: boolean;
  /**
   * Refuse (OrganisersChangeRefused, before writing anything) a load that would change an
   * existing trip's organisers; a dry run reports the change instead. The CLI sets it unless
   * told `--replace-organisers`.
   */
  keepOrganisers?: boolean;
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
 * over, then bring the reminder schedule in line and schedule the change alerts. Each step is
 * safe to repeat, so a load that died part-way is finished by running it again: the alerts a
 * switch owes are written with it, in HEAD, and stay there until they are in the schedule.
 */
export async function loadTrip(
  stores: TripLoadStores,
  input: TripFile,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const file = validate(input);
  const now = options.now ?? new Date();
  const [draft, scheduled, before] = await Promise.all([
    stores.facts.draftRevision(file),
    stores.schedule.scheduleOf(file.id),
    stores.facts.getTrip(file.id),
  ]);
  const trip = resolveTrip(file);
  const identity = identityChange(before, file);
  const schedule = planSchedule(remindersOf(trip), scheduled, now);
  const made = draft.switches ? draft.revision + 1 : draft.revision;
  // This load's own alerts; `before` is the revision in force, so a re-run after a switch has none.
  const fresh = before && draft.switches ? changeAlerts(before, trip, scheduled, now, made) : [];
  // What an earlier load's switch still owes: it died before the alerts were in the schedule.
  const owed = owedAlerts(draft.owed, now);
  const alerts = options.quiet ? fresh : [...owed, ...fresh];
  if (options.dryRun) {
    return result(draft, schedule, false, draft.revision, alerts, false, identity);
  }
  if (options.keepOrganisers && identity?.organisers.length) {
    throw new OrganisersChangeRefused(file.id, identity);
  }

  // The revision in force announced these when it was made: a switch below would drop them.
  if (owed.length > 0) await stores.schedule.update({ put: owed, cancel: [] });
  const owes = options.quiet ? [] : owedForm(fresh);
  const revision = await draft.commit(owes);
  // Reminders follow the itinerary now in force; a load that changed nothing still repairs a
  // schedule that an earlier load died before writing.
  await stores.schedule.update(schedule);
  // Changes to items that are close or already reminded are announced by the next reminders
  // run, which posts each alert once per channel through the delivery ledger: the load stays
  // fast and never posts itself. An owed alert put again after it went out is one the ledger
  // already has in every channel, so it is not posted twice.
  if (!options.quiet && fresh.length > 0) {
    await stores.schedule.update({ put: fresh, cancel: [] });
  }
  if (draft.switches ? owes.length > 0 : owed.length > 0) {
    await stores.facts.settleOwed(file.id, revision);
  }
  const announced = alerts.length > 0 && !options.quiet;
  return result(draft, schedule, draft.switches, revision, alerts, announced, identity);
}

function validate(input: TripFile): TripFile {
  const checked = checkTripFile(input);
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
  alerts: ScheduleEntry[],
  announced: boolean,
  identity: IdentityChange | undefined,
): LoadResult {
  return {
    tripId: draft.tripId,
    changes: draft.changes,
    written,
    revision,
    reminders: schedule.counts,
    alerts: alerts.map(summariseAlert),
    announced,
    ...(identity ? { identity } : {}),
  };
}
