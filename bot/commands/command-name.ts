/**
 * The slash command's name where nothing else names it: Discord registers it, and the Slack
 * manifest and a trip file default to it. In a module of its own so that what only needs the
 * name (the Discord poster in the reminders function) does not load every command.
 */
export const DEFAULT_COMMAND_NAME = "marathon";
