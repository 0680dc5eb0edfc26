/**
 * What a reminder's message needs, copied onto its schedule entry at load time, so a run
 * posts it without reading the trip: a run's cost follows what is due, not the trips' size.
 */
export interface ReminderContent {
  tripName: string;
  zone: string;
  zoneLabel: string;
  command: string;
  title: string;
  place?: string;
  notes?: string;
  /** The item's trip day, for "the whole day: /marathon itinerary 3". */
  day: number;
}

/**
 * One reminder of one itinerary item (all channels): which item, which lead time. A change
 * alert is the same kind of post, keyed by the trip revision that changed the item instead.
 */
export interface ReminderRef {
  tripId: string;
  itemId: string;
  /** 0 for a change alert. */
  leadMinutes: number;
  /** Set for a change alert: the trip revision whose load changed the item. */
  alertRevision?: number;
}

/** An itinerary item as a change alert shows it (times as ISO instants). */
export interface ItemSnapshot {
  title: string;
  startAt: string;
  place?: string;
}

/** What a load changed in an item that was close or already reminded. */
export interface ItemChange {
  was: ItemSnapshot;
  /** Absent when the load removed the item. */
  now?: ItemSnapshot;
}

/** One reminder (or change alert) of one itinerary item, before it is fanned out to channels. */
export interface ScheduledReminder extends ReminderRef {
  dueAt: Date;
  /**
   * When the item starts: past it, the reminder is too late to be useful. For a change alert,
   * the later of the item's old and new start.
   */
  startAt: Date;
  content: ReminderContent;
  /** Present on a change alert: what changed. */
  change?: ItemChange;
}

/** A reminder as the schedule keeps it: pending until every channel has it, then done. */
export interface ScheduleEntry extends ScheduledReminder {
  state: "pending" | "done";
}

/**
 * How far back `dueReminders` looks for reminders still pending: a run may have been down
 * that long. Older ones stay pending but are never posted.
 */
export const LOOKBACK_DAYS = 2;

/** The reminders every trip's itinerary asks for, and which of them are still to be posted. */
export interface ReminderSchedule {
  /** A trip's reminders as scheduled, finished ones included (change alerts are not). */
  scheduleOf(tripId: string): Promise<ScheduleEntry[]>;
  /** Adds or replaces the `put` entries and removes the `cancel`led ones. */
  update(change: { put: readonly ScheduleEntry[]; cancel: readonly ReminderRef[] }): Promise<void>;
  /**
   * Pending reminders due by `now`, from the UTC day `LOOKBACK_DAYS` before it on; read from
   * what is due only (DynamoDB: one Query per day), never from the trips.
   */
  dueReminders(now: Date): Promise<ScheduledReminder[]>;
  /**
   * Marks a reminder done once every channel has it (or missed it). A reminder a load has
   * moved since it was read (another `dueAt`) stays pending: the load's version wins.
   */
  complete(reminder: ScheduledReminder): Promise<void>;
}

export const reminderKey = (r: ReminderRef) =>
  `${r.tripId}#${r.itemId}#${r.alertRevision !== undefined ? `r${r.alertRevision}` : r.leadMinutes}`;

export const isAlert = (r: ReminderRef) => r.alertRevision !== undefined;
