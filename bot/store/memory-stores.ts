import { MemoryChannelStore } from "./memory-channel-store";
import { MemoryDeliveryLedger } from "./memory-delivery-ledger";
import { MemoryFactStore } from "./memory-fact-store";
import { MemoryProposalStore } from "./memory-proposal-store";
import { MemoryReminderSchedule } from "./memory-reminder-schedule";
import type { Stores } from "./stores";
import { versionsThroughPorts } from "./trip-versions";

/** Every port in memory: what unit tests use; nothing leaves the process. */
export function memoryStores(): Stores {
  const facts = new MemoryFactStore();
  const channels = new MemoryChannelStore();
  return {
    facts,
    channels,
    schedule: new MemoryReminderSchedule(),
    ledger: new MemoryDeliveryLedger(),
    versions: versionsThroughPorts(facts, channels),
    proposals: new MemoryProposalStore(),
  };
}
