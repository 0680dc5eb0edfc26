import { withSecrets } from "../bot/config/secrets";
import { remindersHandlerFromEnv } from "../bot/reminders/from-env";

/**
 * The reminders Lambda (EventBridge, every minute; the event's `time` is "now"). In AWS the bot
 * tokens come from the secrets named by SLACK_SECRET_ARN and DISCORD_SECRET_ARN; locally and in
 * tests from plain variables.
 */
export const handler = withSecrets((env) => remindersHandlerFromEnv(env));
