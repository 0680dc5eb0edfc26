import type { CalendarLinks } from "./calendar/links";
import type {
  CommandContext,
  CommandDefinition,
  CommandRequest,
  CommandServices,
  Suggestion,
} from "./commands/context";
import { findingReply } from "./commands/finding-reply";
import { notice } from "./commands/format";
import { answerQuestion, readQuestion } from "./commands/question";
import {
  closestCommand,
  DEFAULT_COMMAND_NAME,
  findCommand,
  helpReply,
  overviewReply,
  unknownCommandReply,
} from "./commands/registry";
import type { ChannelPoster } from "./delivery";
import { paragraph, type Reply, text } from "./reply";
import type { ChannelStore } from "./store/channel-store";
import type { FactStore } from "./store/fact-store";
import type { ProposalStore } from "./store/proposal-store";
import type { QuestionStore } from "./store/question-store";
import type { ReminderSchedule } from "./store/reminder-schedule";
import type { TripVersions } from "./store/trip-versions";
import { typedText } from "./text/typed";
import type { Trip } from "./trip/model";
import type { TripChanges } from "./trip-changes/proposals";
import { TripResolver } from "./trip-resolver";

export interface BotDependencies {
  store: FactStore;
  /** Channel links and reminder subscriptions; without it every channel uses the only trip. */
  channels?: ChannelStore;
  /** Posting into channels, by platform ("slack", "discord"), for organisers' posts. */
  posters?: Readonly<Record<string, ChannelPoster>>;
  /** "Now"; injected so answers are exact in tests. */
  clock: () => Date;
  /** Where questions the bot could not answer are kept for organisers; none: not kept. */
  questions?: QuestionStore;
  /** Calendar tokens and the public URL, for the calendar and offline commands. */
  calendar?: CalendarLinks;
  /**
   * The stamps the trips this bot holds are checked against, in one request (DynamoDB: one
   * BatchGetItem); by default read through `store` and `channels`, one call each.
   */
  versions?: TripVersions;
  /**
   * What changing a trip from the chat needs (upload, edit, Confirm): the reminder schedule a
   * load syncs and where previews wait for Confirm. Without it the chat cannot change a trip.
   */
  changes?: { schedule: ReminderSchedule; proposals: ProposalStore };
}

/** The platform-neutral bot: adapters turn requests into `CommandRequest`s and render `Reply`s. */
export interface Bot {
  answer(request: CommandRequest): Promise<Reply>;
  /** Autocomplete for a command's option, from the channel's trip only. */
  suggest(request: CommandRequest): Promise<Suggestion[]>;
  /** A trip file an organiser sent in the chat: validated, checked, previewed with Confirm/Cancel. */
  submitFile(request: CommandRequest, file: { name: string; text: string }): Promise<Reply>;
  /** A form's submission (`form.id`, field name → value): an edit becomes the same preview. */
  submitForm(
    request: CommandRequest,
    formId: string,
    values: Record<string, string>,
  ): Promise<Reply>;
  /** A Confirm or Cancel click; `value` is the proposal id the button carried. */
  press(
    request: CommandRequest,
    button: { action: "confirm" | "cancel"; value: string },
  ): Promise<Reply>;
}

/**
 * The bot, holding the trips it reads for as long as it lives (a container keeps its bot):
 * checked against their revision in force on every request, never answered from stale.
 */
export function createBot(dependencies: BotDependencies): Bot {
  // A copy: the bot keeps what it was built with, whatever the caller later does to its object.
  const deps = {
    ...dependencies,
    resolver: new TripResolver(dependencies.store, dependencies.channels, dependencies.versions),
  };
  return {
    answer: (request) => answer(deps, request),
    suggest: (request) => suggest(deps, request),
    // Changing a trip loads the YAML parser and the load use case only when it happens, so a
    // cold start that answers a question does not pay for them.
    submitFile: async (request, file) =>
      (await import("./trip-changes/chat-changes")).submitFile(changesOf(deps), request, file),
    submitForm: async (request, formId, values) => {
      const { submitForm } = await import("./trip-changes/chat-changes");
      return submitForm(changesOf(deps), request, await tripFor(deps, request), formId, values);
    },
    press: async (request, button) =>
      (await import("./trip-changes/chat-changes")).press(changesOf(deps), request, button),
  };
}

const changesOf = ({ store, changes, clock }: Wiring): TripChanges | undefined =>
  changes && { facts: store, schedule: changes.schedule, proposals: changes.proposals, clock };

type Wiring = BotDependencies & { resolver: TripResolver };

async function answer(deps: Wiring, typed: CommandRequest): Promise<Reply> {
  // A Discord option's value arrives as typed; Slack's text was read by parseCommandText.
  const request = { ...typed, command: typedText(typed.command), input: typedText(typed.input) };
  const command = request.command;
  const definition = command === "" ? undefined : findCommand(command);
  const trip = await tripFor(deps, request);
  const tripFound = "id" in trip;
  const commandName = tripFound ? trip.command : slashName(request);
  const now = deps.clock();
  // Help, the unknown-command answer and linking work without a trip; the rest need one.
  if (command !== "" && !definition && !tripFound) {
    return unknownCommandReply(command, commandName, request.input);
  }
  if (definition?.name === "help") {
    return helpReply(commandName, undefined, tripFound ? trip : undefined);
  }
  if (definition?.takes && !definition.takes(request.input) && tripFound) {
    // "trip to the stadium": words the command does not take ask a question.
    const question = `${command} ${request.input}`;
    const ctx = { trip, now, request, services: servicesFor(deps, request) };
    const reading = await readQuestion(ctx, question);
    if ("finding" in reading && reading.finding.sure) {
      return findingReply(trip, question, reading.finding, false);
    }
    return answerQuestion(ctx, question, reading);
  }
  if (definition?.scope === "channel") {
    return definition.run({
      trip: tripFound ? trip : undefined,
      now,
      request,
      services: servicesFor(deps, request),
      findTrip: (id) => deps.store.getTrip(id),
    });
  }
  if (!tripFound) return trip;
  const ctx = { trip, now, request, services: servicesFor(deps, request) };
  if (command !== "" && !definition) return freeText(ctx, command);
  if (definition && takesQuestion(definition, request)) {
    // "when does the coach leave": words after a command that takes none ask something.
    const question = `${command} ${request.input}`;
    const reading = await readQuestion(ctx, question);
    if ("reply" in reading) return reading.reply;
    const { finding } = reading;
    if (finding.sure) return findingReply(trip, question, finding, false);
    // Words about something the command does not show ask a question of their own; words that
    // match nothing ("next one", "when exactly") leave the command's answer.
    const { shows } = definition;
    if (shows && finding.choices.length > 0 && !finding.choices.some((c) => shows(c.entry))) {
      return answerQuestion(ctx, question, reading);
    }
  }
  return definition ? definition.run(ctx) : overviewReply(ctx);
}

async function suggest(deps: Wiring, request: CommandRequest): Promise<Suggestion[]> {
  const definition = findCommand(request.command);
  if (!definition?.option?.suggest) return [];
  const trip = await tripFor(deps, request);
  if (!("id" in trip)) return [];
  return definition.option.suggest(trip, request.input).slice(0, 25);
}

const servicesFor = (
  { store, channels, posters, questions, calendar }: BotDependencies,
  request: CommandRequest,
): CommandServices => ({
  channels,
  poster: posters?.[request.platform],
  questions,
  calendar,
  tripFile: (tripId) => store.exportTrip(tripId),
});

/** The slash command the reader typed, when the platform says and it is one; else the default. */
const slashName = (request: CommandRequest): string =>
  request.slashCommand && COMMAND_NAME.test(request.slashCommand)
    ? request.slashCommand
    : DEFAULT_COMMAND_NAME;

const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;

/** Each trip as named by each slash command, kept so that its search indexes are built once. */
const renamedTrips = new WeakMap<Trip, Map<string, Trip>>();

/**
 * The trip as this request's reader sees it: answers name the slash command they typed (the
 * one this app is registered as: `/marathon` on Discord, whatever the Slack app calls it),
 * which may differ from the trip file's `command`.
 */
function asNamedBy(trip: Trip, request: CommandRequest): Trip {
  const name = request.slashCommand;
  if (name === undefined || name === trip.command || !COMMAND_NAME.test(name)) return trip;
  let byName = renamedTrips.get(trip);
  if (!byName) {
    byName = new Map();
    renamedTrips.set(trip, byName);
  }
  let renamed = byName.get(name);
  if (!renamed) {
    renamed = { ...trip, command: name };
    byName.set(name, renamed);
  }
  return renamed;
}

/** The channel's trip: its link, else the only trip there is. Never another channel's. */
async function tripFor({ resolver }: Wiring, request: CommandRequest): Promise<Trip | Reply> {
  const found = await resolver.resolve({
    platform: request.platform,
    channelId: request.channel.id,
    workspaceId: request.workspace?.id,
    tripId: request.tripId,
  });
  switch (found.kind) {
    case "trip":
      return asNamedBy(found.trip, request);
    case "missing":
      return noTrip(
        found.reason === "named"
          ? `There is no trip "${found.tripId}".`
          : found.reason === "linked"
            ? "The trip this channel was linked to is gone."
            : "The trip could not be read; try again.",
      );
    case "no-trips":
      return noTrip("No trip has been loaded yet.");
    case "which-trip":
      return {
        ...helpReply(slashName(request), [
          paragraph(
            text("This channel is not linked to a trip yet.", true),
            ` An organiser links it with /${slashName(request)} link <trip-id>.`,
          ),
        ]),
        title: "Which trip?",
      };
  }
}

/**
 * Text whose first word is no command is a question: a day shows that day; answered when
 * the trip answers it surely; a word that is a slip for a command name gets "did you mean"; anything else gets
 * the closest entries and is kept for the organisers.
 */
async function freeText(ctx: CommandContext, firstWord: string): Promise<Reply> {
  const question = `${firstWord} ${ctx.request.input}`.trim();
  const slip = closestCommand(firstWord) !== undefined;
  const didYouMean = () => unknownCommandReply(firstWord, ctx.trip.command, ctx.request.input);
  // A day ("3", "sat", "tmrw") or the next of something comes before a slip: "3" is a letter
  // off "d", but means day 3.
  const reading = await readQuestion(ctx, question);
  if ("reply" in reading) return reading.reply;
  // One word one letter off a command name is a slip: "itinerery".
  if (slip && ctx.request.input.trim() === "") return didYouMean();
  if (reading.finding.sure) return findingReply(ctx.trip, question, reading.finding, false);
  return slip ? didYouMean() : answerQuestion(ctx, question, reading);
}

const takesQuestion = (definition: CommandDefinition, request: CommandRequest): boolean =>
  definition.scope !== "channel" &&
  !definition.option &&
  definition.name !== "help" &&
  request.input.trim() !== "";

function noTrip(message: string): Reply {
  return notice("No trip yet", [
    paragraph(message, " An organiser loads one with npm run trip -- load <file>."),
  ]);
}
