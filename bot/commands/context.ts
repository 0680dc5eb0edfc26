import type { TripEntry } from "../answer/entries";
import type { CalendarLinks } from "../calendar/links";
import type { ChannelPoster } from "../delivery";
import type { Reply } from "../reply";
import type { ChannelStore } from "../store/channel-store";
import type { QuestionStore } from "../store/question-store";
import type { Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";

/** Who asked, where, and on which platform: everything a command may know about a request. */
export interface CommandRequest {
  /** The command's name or alias as typed ("itinerary", "race"); empty for the overview. */
  command: string;
  /** The rest of what was typed, or the option's value ("day 2", "visa"). */
  input: string;
  user: {
    id: string;
    name?: string;
    /** The platform says this member manages the server (Discord's Manage Server permission). */
    canManage?: boolean;
  };
  channel: { id: string };
  /** The Slack workspace or Discord server the channel is in, when the platform says. */
  workspace?: { id: string };
  /** "slack", "discord", "cli", …: keys organiser ids and channel links; commands never branch on it. */
  platform: string;
  locale?: string;
  /**
   * The slash command the reader typed, without its "/" ("marathon", "wedding"): answers name
   * it, since that is the one this app is registered as; absent where there is none (the CLI).
   */
  slashCommand?: string;
  /** Answer from this trip (the CLI's --trip); otherwise the channel's trip. */
  tripId?: string;
}

/** What commands that change things may use; absent where the caller has none (the CLI). */
export interface CommandServices {
  channels?: ChannelStore;
  /** Posts into the request's channel, on the request's platform. */
  poster?: ChannelPoster;
  /** Where questions the bot could not answer are kept for the organisers. */
  questions?: QuestionStore;
  /** The trip's calendar and offline-pack links; absent where there is no public URL (the CLI). */
  calendar?: CalendarLinks;
  /** The trip file in force, as stored: what `trip download` and an edit start from. */
  tripFile?: (tripId: string) => Promise<TripFile | undefined>;
}

export interface CommandContext {
  trip: Trip;
  /** Injected, so every answer is exact in tests. */
  now: Date;
  request: CommandRequest;
  services: CommandServices;
}

/** For commands about the channel itself (link, unlink), which may have no trip yet. */
export interface ChannelCommandContext extends Omit<CommandContext, "trip"> {
  /** The channel's trip, if it has one. */
  trip?: Trip;
  findTrip(tripId: string): Promise<Trip | undefined>;
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

/** A file the command takes beside its option (Discord: an attachment option). */
export interface CommandAttachment {
  name: string;
  description: string;
}

interface CommandInfo {
  name: string;
  aliases: readonly string[];
  /** One line, at most 100 characters (Discord's limit for descriptions). */
  summary: string;
  /** Arguments as shown in help, e.g. "[day N | date]". */
  usage: string;
  examples: readonly string[];
  /**
   * Examples from a trip's own entries ("rules reef", "faq certificate"), for help shown with
   * a trip: the fixed examples name the marathon's topics, which another trip may not have.
   */
  examplesFor?: (trip: Trip) => readonly string[];
  option?: CommandOption;
  attachment?: CommandAttachment;
  /**
   * The inputs this command takes; any other words after its name ask a question
   * ("trip to the stadium"). Absent: it takes whatever follows.
   */
  takes?: (input: string) => boolean;
  /**
   * For a command that takes no words: the trip entries its own answer shows. Words after its
   * name that the search cannot answer surely get the command's answer only when one of the
   * closest entries is among these ("when is the race"); otherwise they ask a question of
   * their own ("when is dinner on the last night") and get the not-sure answer. Absent: such
   * words get the command's answer.
   */
  shows?: (entry: TripEntry) => boolean;
  /** Only for organisers: help lists it apart. */
  organisers?: boolean;
  /**
   * Whether answering this input may pass the platforms' 3-second deadline (it posts into the
   * channel, several messages, each maybe rate-limited). Adapters then answer at once and
   * finish through the "after the response" service.
   */
  takesLong?: (input: string) => boolean;
}

/** A question about the channel's trip. */
export interface TripCommand extends CommandInfo {
  scope?: "trip";
  run(ctx: CommandContext): Reply | Promise<Reply>;
}

/** A command about the channel's link to a trip; runs with or without a trip. */
export interface ChannelCommand extends CommandInfo {
  scope: "channel";
  run(ctx: ChannelCommandContext): Promise<Reply>;
}

export type CommandDefinition = TripCommand | ChannelCommand;
