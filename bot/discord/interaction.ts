import type { APIInteraction, APIUser } from "discord-api-types/v10";
import { DEFAULT_COMMAND_NAME } from "../commands/command-name";
import type { CommandRequest } from "../commands/context";
import { DISCORD_LIMITS } from "./limits";

/** Interaction types Discord sends (discord-api-types' InteractionType, without its runtime). */
export const INTERACTION = {
  ping: 1,
  command: 2,
  component: 3,
  autocomplete: 4,
  modalSubmit: 5,
} as const;

/** The top-level slash command; every core command is one of its subcommands. */
export const ROOT_COMMAND = DEFAULT_COMMAND_NAME;

interface OptionLike {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: OptionLike[];
}

// Permission bits: Administrator implies every other; Manage Server marks a server manager,
// who may switch the bot off in their server (never an organiser by it).
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

function canManage(permissions: string | undefined): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & (ADMINISTRATOR | MANAGE_GUILD)) !== 0n;
}

function who(interaction: APIInteraction): CommandRequest["user"] {
  const user: APIUser | undefined = interaction.member?.user ?? interaction.user;
  const name = interaction.member?.nick ?? user?.global_name ?? user?.username;
  return {
    id: user?.id ?? "unknown",
    ...(name ? { name } : {}),
    ...(canManage(interaction.member?.permissions) ? { canManage: true } : {}),
  };
}

function base(interaction: APIInteraction): Omit<CommandRequest, "command" | "input"> {
  const channelId = interaction.channel?.id ?? interaction.channel_id ?? "unknown";
  return {
    user: who(interaction),
    channel: { id: channelId },
    ...(interaction.guild_id ? { workspace: { id: interaction.guild_id } } : {}),
    platform: "discord",
    // Discord sends only the commands this app registered: every one is under /marathon.
    slashCommand: ROOT_COMMAND,
    ...("locale" in interaction && interaction.locale ? { locale: interaction.locale } : {}),
  };
}

/** Who asked and where, as every kind of interaction says it. */
export { base as interactionBase };

const ATTACHMENT = 11;

/**
 * `/marathon itinerary day:2` → { command: "itinerary", input: "2" }. Works for commands and
 * autocomplete alike (for autocomplete, `input` is what the user has typed so far).
 */
export function commandRequest(interaction: APIInteraction): CommandRequest | undefined {
  if (interaction.type !== INTERACTION.command && interaction.type !== INTERACTION.autocomplete) {
    return undefined;
  }
  const data = interaction.data as { name?: string; options?: OptionLike[] } | undefined;
  if (!data || data.name !== ROOT_COMMAND) return undefined;
  const sub = data.options?.find((o) => o.type === 1);
  // An attachment option's value is the file's id, never the command's input.
  const option =
    sub?.options?.find((o) => o.focused) ?? sub?.options?.find((o) => o.type !== ATTACHMENT);
  const input = option?.value === undefined ? "" : String(option.value);
  return { ...base(interaction), command: sub?.name ?? "", input: input.trim() };
}

const SHARE_PREFIX = "share:";

/** The share button carries what to answer again: "share:<command>:<input>", ≤ 100 chars. */
export function shareCustomId(command: string, input: string): string | undefined {
  const id = `${SHARE_PREFIX}${command}:${input}`;
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

/** The request a "Share in channel" click stands for, or undefined for any other component. */
export function shareRequest(interaction: APIInteraction): CommandRequest | undefined {
  if (interaction.type !== INTERACTION.component) return undefined;
  const customId = (interaction.data as { custom_id?: string } | undefined)?.custom_id ?? "";
  if (!customId.startsWith(SHARE_PREFIX)) return undefined;
  const rest = customId.slice(SHARE_PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon < 0) return undefined;
  return { ...base(interaction), command: rest.slice(0, colon), input: rest.slice(colon + 1) };
}
