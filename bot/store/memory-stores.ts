import { MemoryChannelStore } from "./memory-channel-store";
import { MemoryDeliveryLedger } from "./memory-delivery-ledger";
import { MemoryFactStore } from "./memory-fact-store";
import { MemoryReminderSchedule } from "./memory-reminder-schedule";
import type { Stores } from "./stores";

/** Every port in memory: what unit tests use; nothing leaves the process. */
export function memoryStores(): Stores {
  return {
    facts: new MemoryFactStore(),
    channels: new MemoryChannelStore(),
    schedule: new MemoryReminderSchedule(),
    ledger: new MemoryDeliveryLedger(),
  };
}
