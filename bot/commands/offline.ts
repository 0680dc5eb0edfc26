import { calendarUrls } from "../calendar/links";
import { packContents } from "../calendar/pack-contents";
import { paragraph, text } from "../reply";
import type { TripCommand } from "./context";
import { notice } from "./format";
import { unavailable } from "./organisers";

/**
 * The offline pack's link. The PDF itself is made by `offlinePack` (bot/calendar) when the link
 * is opened, so the answer stays well inside the platforms' 3 seconds whatever the trip's size.
 */
export const offline: TripCommand = {
  name: "offline",
  aliases: ["pdf", "pack"],
  summary: "The trip as a PDF to keep on your phone or print, for days without a connection",
  usage: "",
  examples: ["offline"],
  async run({ trip, services }) {
    const links = services.calendar;
    if (!links) return unavailable("The offline pack");
    const urls = calendarUrls(links.baseUrl, await links.tokens.tokenFor(trip.id));
    const { days, leftOut } = packContents(trip);
    return notice(`${trip.name}: offline pack`, [
      paragraph(
        "Download it now, while you have a connection: ",
        { type: "link", url: urls.pdf, text: "the offline pack (PDF)" },
        ".",
      ),
      paragraph(
        `Every day of the itinerary (${days.length}) with times in ${trip.zoneLabel} time, the places, the contacts, `,
        "the rules and the FAQ, with the emergency answers first. It reads on a phone and prints on A4 or Letter.",
      ),
      ...(leftOut > 0
        ? [
            paragraph(
              text(`${leftOut} ${leftOut === 1 ? "entry is" : "entries are"} left out`, true),
              ": the organisers marked them as not to be carried across a border.",
            ),
          ]
        : []),
      {
        type: "context",
        spans: [
          text(
            "Made when you open the link, from the trip as it is then. Anyone with the link can open it: keep it within the group.",
          ),
        ],
      },
    ]);
  },
};
