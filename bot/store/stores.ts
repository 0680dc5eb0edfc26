import type { ChannelStore } from "./channel-store";
import type { DeliveryLedger } from "./delivery-ledger";
import type { FactStore } from "./fact-store";
import type { ProposalStore } from "./proposal-store";
import type { ReminderSchedule } from "./reminder-schedule";
import type { TripVersions } from "./trip-versions";

/** Every port on one table (DynamoDB) or in one process (memory). */
export interface Stores {
  facts: FactStore;
  channels: ChannelStore;
  schedule: ReminderSchedule;
  ledger: DeliveryLedger;
  /** The stamps a warm container checks the trips it holds against. */
  versions: TripVersions;
  /** Trip changes previewed in the chat, waiting for Confirm. */
  proposals: ProposalStore;
}

/** What a reminders run reads and writes: due reminders, subscribed channels, deliveries. */
export type ReminderStore = Pick<ReminderSchedule, "dueReminders" | "complete"> &
  Pick<ChannelStore, "subscriptions" | "deliveryState" | "holdDeliveries" | "recordRun"> &
  DeliveryLedger;

/** The reminders run's view of a set of stores. */
export function reminderStoreOf({ schedule, channels, ledger }: Stores): ReminderStore {
  return {
    dueReminders: (now) => schedule.dueReminders(now),
    complete: (reminder) => schedule.complete(reminder),
    subscriptions: (tripId) => channels.subscriptions(tripId),
    deliveryState: (platform, channelId) => channels.deliveryState(platform, channelId),
    holdDeliveries: (platform, channelId, until) =>
      channels.holdDeliveries(platform, channelId, until),
    recordRun: (platform, channelId, report) => channels.recordRun(platform, channelId, report),
    claim: (key, runId, now, leaseMs) => ledger.claim(key, runId, now, leaseMs),
    finish: (key, runId, outcome) => ledger.finish(key, runId, outcome),
    skip: (key, runId, outcome) => ledger.skip(key, runId, outcome),
    record: (key) => ledger.record(key),
  };
}
