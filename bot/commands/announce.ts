import { failedPostText, postFromCommand } from "../posting";
import { paragraph, type Reply, text } from "../reply";
import { shorten } from "../text/units";
import type { CommandRequest, TripCommand } from "./context";
import { notice } from "./format";
import { isOrganiser, organisersOnly } from "./organisers";

/**
 * The longest announcement posted, in UTF-16 units (what both platforms count): one screen on a
 * phone, and well inside one Slack section (3,000) and one Discord embed (4,096).
 */
export const ANNOUNCEMENT_MAX_UNITS = 1500;
const NAME_MAX_UNITS = 80;

/**
 * "@here" typed first asks for the ping; Slack sends it as typed, or as `<!here>` where an app
 * asks Slack to escape mentions. Anywhere else in the text it is just text, and stays inert.
 */
const HERE = /^(?:@here|<!here(?:\|@?here)?>)(?=\s|$)\s*/i;

/** What an organiser typed, read as the notice and whether to ping the channel. */
export function readAnnouncement(input: string): { body: string; here: boolean; cut: boolean } {
  const trimmed = input.trim();
  const here = HERE.test(trimmed);
  const body = (here ? trimmed.replace(HERE, "") : trimmed).trim();
  const shown = shorten(body, ANNOUNCEMENT_MAX_UNITS);
  return { body: shown, here, cut: shown !== body };
}

/** The public post: attributed, plain text (adapters escape it), with the ping only if asked. */
export function announcementReply(request: CommandRequest, body: string, here: boolean): Reply {
  const name = shorten(request.user.name?.trim() || "an organiser", NAME_MAX_UNITS);
  return {
    title: `Announcement from ${name}`,
    blocks: [paragraph(body)],
    buttons: [],
    visibility: "public",
    ...(here ? { mention: "here" as const } : {}),
  };
}

export const announce: TripCommand = {
  name: "announce",
  aliases: ["announcement"],
  summary: "Organisers: post a notice in this channel; start it with @here to notify everyone",
  usage: "[@here] <text>",
  examples: ["announce The bus leaves at 06:05, not 06:30", "announce @here Passports to Ms Kim"],
  organisers: true,
  option: {
    name: "text",
    description: "The notice; start it with @here to notify everyone online",
  },
  takesLong: (input) => input.trim() !== "",
  async run({ trip, request, services }) {
    if (!isOrganiser(trip, request)) return organisersOnly("announce in this channel", request);
    const { body, here, cut } = readAnnouncement(request.input);
    if (body === "") {
      return notice("What should the announcement say?", [
        paragraph(
          "Type the notice after the command: ",
          text(`/${trip.command} announce The bus leaves at 06:05`, true),
          ". Start it with @here to notify everyone online in the channel; otherwise nobody is pinged.",
        ),
      ]);
    }
    const post = announcementReply(request, body, here);
    // Without a way to post (the terminal), the post itself is the answer.
    if (!services.poster) return post;
    const outcome = await postFromCommand(services.poster, request.channel.id, post);
    if (!outcome.ok) {
      return notice(
        outcome.ambiguous
          ? "The announcement may not be posted"
          : "The announcement was not posted",
        [paragraph(failedPostText(outcome, "the announcement"))],
      );
    }
    return notice("Announcement posted", [
      paragraph(
        here
          ? "Posted in this channel with @here."
          : "Posted in this channel; nobody was pinged (start with @here to notify everyone).",
      ),
      ...(cut
        ? [
            paragraph(
              `Your text was longer than ${ANNOUNCEMENT_MAX_UNITS.toLocaleString("en")} characters, so the post stops there with "…".`,
            ),
          ]
        : []),
    ]);
  },
};
