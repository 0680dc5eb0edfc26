import type { Reply } from "../reply";
import type { Trip } from "../trip/model";

/** Who asked, where, and on which platform: everything a command may know about a request. */
export interface CommandRequest {
  /** The command's name or alias as typed ("itinerary", "race"); empty for the overview. */
  command: string;
  /** The rest of what was typed, or the option's value ("day 2", "visa"). */
  input: string;
  user: { id: string; name?: string };
  channel: { id: string };
  /** "slack", "discord", "cli", …: for logs and links only; commands never branch on it. */
  platform: string;
  locale?: string;
  /** Answer from this trip (the CLI's --trip); otherwise the channel's trip. */
  tripId?: string;
}

export interface CommandContext {
  trip: Trip;
  /** Injected, so every answer is exact in tests. */
  now: Date;
  request: CommandRequest;
}

export interface Suggestion {
  label: string;
  value: string;
}

export interface CommandOption {
  name: string;
  description: string;
  /** Values to suggest while typing, best first (Discord autocomplete). */
  suggest?: (trip: Trip, partial: string) => Suggestion[];
}

export interface CommandDefinition {
  name: string;
  aliases: readonly string[];
  /** One line, at most 100 characters (Discord's limit for descriptions). */
  summary: string;
  /** Arguments as shown in help, e.g. "[day N | date]". */
  usage: string;
  examples: readonly string[];
  option?: CommandOption;
  run(ctx: CommandContext): Reply;
}
