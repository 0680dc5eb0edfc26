import { SlashCommandBuilder } from "@discordjs/builders";
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";
import type { CommandDefinition } from "../commands/context";
import { COMMANDS } from "../commands/registry";
import { ROOT_COMMAND } from "./interaction";

export const ROOT_DESCRIPTION = "Ask about the trip: when, where, the itinerary, rules and FAQ";

/**
 * `/marathon` with one subcommand per registered command and its typed option, built from the
 * registry with discord.js's builders (which also validate names and lengths). Only the
 * registration script needs this; the interaction handler reads the registry directly.
 */
export function discordCommands(
  commands: readonly CommandDefinition[] = COMMANDS,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const root = new SlashCommandBuilder().setName(ROOT_COMMAND).setDescription(ROOT_DESCRIPTION);
  for (const command of commands) {
    root.addSubcommand((sub) => {
      sub.setName(command.name).setDescription(command.summary);
      const option = command.option;
      if (option) {
        sub.addStringOption((o) =>
          o
            .setName(option.name)
            .setDescription(option.description)
            .setRequired(false)
            .setAutocomplete(option.suggest !== undefined),
        );
      }
      const attachment = command.attachment;
      if (attachment) {
        sub.addAttachmentOption((o) =>
          o.setName(attachment.name).setDescription(attachment.description).setRequired(false),
        );
      }
      return sub;
    });
  }
  return [root.toJSON()];
}
