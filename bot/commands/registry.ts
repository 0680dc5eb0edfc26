import { type Block, paragraph, type Reply, text } from "../reply";
import { closest } from "../search/distance";
import { TYPED_SEPARATOR, typedText } from "../text/typed";
import { shorten } from "../text/units";
import type { Trip } from "../trip/model";
import { announce } from "./announce";
import { ask } from "./ask";
import { calendar } from "./calendar";
import { DEFAULT_COMMAND_NAME } from "./command-name";
import type { CommandContext, CommandDefinition, TripCommand } from "./context";
import { edit } from "./edit";
import { facts } from "./facts";
import { faq } from "./faq";
import { answer, moment, notice } from "./format";
import { itinerary } from "./itinerary";
import { link, unlink } from "./link";
import { next } from "./next";
import { offline } from "./offline";
import { becomeOrganiser } from "./organisers";
import { questions } from "./questions";
import { reminders } from "./reminders";
import { rules } from "./rules";
import { tripFile } from "./trip-file";
import { startSentence, when } from "./when";
import { where } from "./where";

/**
 * Every command, defined once. Help text, Slack's text parsing and Discord's command
 * registration all read this list.
 */

export { DEFAULT_COMMAND_NAME } from "./command-name";

function helpBlocks(commandName: string, trip?: Trip): Block[] {
  const line = (c: CommandDefinition) => [
    text(`/${commandName} ${c.name}${c.usage ? ` ${c.usage}` : ""}`, true),
    text(` — ${c.summary.replace(/^Organisers: /, "")}`),
  ];
  const travellers = COMMANDS.filter((c) => !c.organisers);
  return [
    { type: "list", items: travellers.map(line) },
    {
      type: "context",
      spans: [
        text(
          `Examples: ${travellers
            .flatMap((c) => (trip && c.examplesFor ? c.examplesFor(trip) : c.examples).slice(0, 2))
            .map((e) => `/${commandName} ${e}`)
            .join(" · ")}`,
        ),
      ],
    },
    { type: "heading", text: "For organisers" },
    {
      type: "list",
      items: [
        ...COMMANDS.filter((c) => c.organisers).map(line),
        [text(`/${commandName} faq post`, true), text(" — post the whole FAQ in this channel")],
      ],
    },
    { type: "context", spans: [text(becomeOrganiser())] },
  ];
}

/** Help needs no trip, so it answers even before any trip is loaded; with one, its examples. */
export function helpReply(commandName = DEFAULT_COMMAND_NAME, lead?: Block[], trip?: Trip): Reply {
  return notice(`/${commandName}: what you can ask`, [
    ...(lead ?? []),
    ...helpBlocks(commandName, trip),
  ]);
}

export const help: TripCommand = {
  name: "help",
  aliases: ["commands", "?"],
  summary: "What you can ask, with examples",
  usage: "",
  examples: ["help"],
  run: ({ trip }) => helpReply(trip.command, undefined, trip),
};

/** The overview for a bare `/marathon`: the trip at a glance, then what to ask. */
export function overviewReply(ctx: CommandContext): Reply {
  const { trip, now } = ctx;
  const upcoming = trip.itinerary.find((i) => i.startAt.getTime() > now.getTime());
  const lead: Block[] = [
    paragraph(...startSentence(ctx)),
    ...(upcoming
      ? [
          paragraph(
            "Next on the itinerary: ",
            text(upcoming.title, true),
            " ",
            moment(upcoming, upcoming.startAt, "datetime", true),
          ),
        ]
      : []),
    { type: "heading", text: "Ask" },
  ];
  return answer(trip.name, [...lead, ...helpBlocks(trip.command, trip)]);
}

export const COMMANDS: readonly CommandDefinition[] = [
  when,
  where,
  itinerary,
  next,
  facts,
  rules,
  faq,
  ask,
  calendar,
  offline,
  help,
  link,
  unlink,
  reminders,
  questions,
  announce,
  tripFile,
  edit,
];

export function findCommand(name: string): CommandDefinition | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n || c.aliases.includes(n));
}

/** Whether a request may take longer than a platform waits (its definition says). */
export function takesLong(request: { command: string; input: string }): boolean {
  return findCommand(request.command.trim())?.takesLong?.(request.input) ?? false;
}

/** "itinerary day 2" → { command: "itinerary", input: "day 2" }. */
export function parseCommandText(raw: string): { command: string; input: string } {
  const trimmed = typedText(raw).replace(/^\/\S+\s*/, "");
  const [command = ""] = trimmed.split(TYPED_SEPARATOR, 1);
  return { command: command.toLowerCase(), input: typedText(trimmed.slice(command.length)) };
}

/**
 * Words a sentence starts with. One of them is a question ("is alcohol allowed", "no wifi?"),
 * never a slip for a command name a letter away ("ics", "now").
 */
const SENTENCE_WORDS = new Set(
  `a am an any are can could did do does had has have how i if is it may might must my no not
  our shall should so the there they was we were what whats when where which who why will would
  you your`.split(/\s+/),
);

/** The command name closest to what was typed, if it is close enough to be a slip. */
export function closestCommand(typed: string): CommandDefinition | undefined {
  if (SENTENCE_WORDS.has(typed.toLowerCase())) return undefined;
  const guess = closest(
    typed,
    COMMANDS.flatMap((c) => [c.name, ...c.aliases]),
  );
  return guess ? findCommand(guess) : undefined;
}

/** A short "did you mean" for a word that is no command (no help wall on a phone). */
export function unknownCommandReply(
  typed: string,
  commandName = DEFAULT_COMMAND_NAME,
  rest = "",
): Reply {
  const guess = closestCommand(typed);
  // What was typed is echoed, not repeated at length: a pasted essay gets a short answer.
  const word = shorten(typed, 40);
  const tail = rest ? ` ${shorten(rest, 120)}` : "";
  return notice(`Unknown command: ${word}`, [
    paragraph(
      text(`There is no "${word}" command.`, true),
      guess
        ? ` Did you mean /${commandName} ${guess.name}${tail}?`
        : ` Ask in your own words, e.g. /${commandName} what time is the bus.`,
    ),
    paragraph(`/${commandName} help lists what you can ask.`),
  ]);
}
