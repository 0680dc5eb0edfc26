import type { CommandRequest, Suggestion } from "./commands/context";
import { notice } from "./commands/format";
import {
  DEFAULT_COMMAND_NAME,
  findCommand,
  helpReply,
  overviewReply,
  unknownCommandReply,
} from "./commands/registry";
import { paragraph, type Reply, text } from "./reply";
import type { FactStore } from "./store/fact-store";
import type { Trip } from "./trip/model";

export interface BotDependencies {
  store: FactStore;
  /** "Now"; injected so answers are exact in tests. */
  clock: () => Date;
}

/** The platform-neutral bot: adapters turn requests into `CommandRequest`s and render `Reply`s. */
export interface Bot {
  answer(request: CommandRequest): Promise<Reply>;
  /** Autocomplete for a command's option, from the channel's trip. */
  suggest(request: CommandRequest): Promise<Suggestion[]>;
}

export function createBot({ store, clock }: BotDependencies): Bot {
  async function tripFor(request: CommandRequest): Promise<Trip | Reply> {
    if (request.tripId) {
      return (
        (await store.getTrip(request.tripId)) ?? noTrip(`There is no trip "${request.tripId}".`)
      );
    }
    const trips = await store.listTrips();
    const [only] = trips;
    if (trips.length === 1 && only) {
      return (await store.getTrip(only.id)) ?? noTrip("The trip could not be read; try again.");
    }
    if (trips.length === 0) return noTrip("No trip has been loaded yet.");
    return {
      ...helpReply(DEFAULT_COMMAND_NAME, [
        paragraph(
          text("This channel is not linked to a trip yet.", true),
          " Ask an organiser to link it. The trips here: ",
          trips.map((t) => `${t.name} (${t.id})`).join(", "),
          ".",
        ),
      ]),
      title: "Which trip?",
    };
  }

  return {
    async answer(request) {
      const command = request.command.trim();
      const definition = command === "" ? undefined : findCommand(command);
      const trip = await tripFor(request);
      const tripFound = "id" in trip;
      const commandName = tripFound ? trip.command : DEFAULT_COMMAND_NAME;
      // Help and the unknown-command answer work without a trip; everything else needs one.
      if (command !== "" && !definition) return unknownCommandReply(command, commandName);
      if (definition?.name === "help") return helpReply(commandName);
      if (!tripFound) return trip;
      const ctx = { trip, now: clock(), request };
      return definition ? definition.run(ctx) : overviewReply(ctx);
    },

    async suggest(request) {
      const definition = findCommand(request.command);
      if (!definition?.option?.suggest) return [];
      const trip = await tripFor(request);
      if (!("id" in trip)) return [];
      return definition.option.suggest(trip, request.input).slice(0, 25);
    },
  };
}

function noTrip(message: string): Reply {
  return notice("No trip yet", [
    paragraph(message, " An organiser loads one with npm run trip -- load <file>."),
  ]);
}
