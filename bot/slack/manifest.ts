import { COMMANDS, DEFAULT_COMMAND_NAME } from "../commands/registry";

export interface ManifestOptions {
  /** The API's base URL, e.g. https://abc.execute-api.eu-west-1.amazonaws.com */
  baseUrl: string;
  /** The route the Slack handler serves. */
  path?: string;
  command?: string;
  name?: string;
}

/**
 * A Slack app manifest: paste it at api.slack.com/apps → "From an app manifest". Commands and
 * button clicks go to one URL (the same handler). The scopes are the minimum the bot needs:
 * `commands` for the slash command, `chat:write` to post shared answers and reminders, and
 * `channels:history` / `groups:history` so that a reminder run that died mid-post can check
 * whether its message landed (SlackPoster.findDelivered) instead of posting it twice;
 * `files:read` for an organiser's uploaded trip file (the modal's file input, its
 * url_private), `files:write` and `im:write` to send `trip download`'s file in a direct message.
 */
export function slackManifest(options: ManifestOptions) {
  const base = new URL(options.baseUrl);
  if (
    base.protocol !== "https:" &&
    base.hostname !== "127.0.0.1" &&
    base.hostname !== "localhost"
  ) {
    throw new Error(`Slack only calls https URLs, not ${options.baseUrl}`);
  }
  const url = new URL(
    (options.path ?? "/slack/events").replace(/^\/?/, ""),
    `${base.href.replace(/\/?$/, "/")}`,
  ).href;
  const command = (options.command ?? DEFAULT_COMMAND_NAME).replace(/^\//, "");
  const name = options.name ?? "Trip bot";
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: "Answers a trip group's questions from the trip's facts.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: name, always_online: false },
      slash_commands: [
        {
          command: `/${command}`,
          url,
          description: "Ask about the trip: when, where, itinerary, rules, FAQ",
          usage_hint: COMMANDS.map((c) => c.name).join(" | "),
          should_escape: false,
        },
      ],
    },
    oauth_config: {
      scopes: {
        bot: [
          "commands",
          "chat:write",
          "channels:history",
          "groups:history",
          "files:read",
          "files:write",
          "im:write",
        ],
      },
    },
    settings: {
      interactivity: { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
