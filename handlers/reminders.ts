import { remindersHandlerFromEnv } from "../bot/reminders/from-env";

/** The reminders Lambda (EventBridge, every minute; the event's `time` is "now"). */
export const handler = remindersHandlerFromEnv();
