import { remindersHandler } from "../bot/lambda/reminders";

/**
 * The reminders Lambda (EventBridge, every minute; the event's `time` is "now"). It posts
 * through every platform in the list whose bot token it has (in AWS, from their secrets).
 */
export const handler = remindersHandler();
