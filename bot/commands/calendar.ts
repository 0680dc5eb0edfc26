import { calendarUrls } from "../calendar/links";
import { nextVersions } from "../calendar/versions";
import { type Block, paragraph, type ReplyFile, text } from "../reply";
import type { Trip } from "../trip/model";
import type { TripCommand } from "./context";
import { echoed, notice } from "./format";
import { isOrganiser, organisersOnly, unavailable } from "./organisers";

function subscribeBlocks(trip: Trip, urls: ReturnType<typeof calendarUrls>): Block[] {
  return [
    paragraph(
      "Subscribe once and every itinerary item is in your calendar, with its reminders; when the ",
      "organisers change the plan, your calendar follows within about an hour.",
    ),
    {
      type: "fields",
      fields: [
        {
          label: "Subscribe (webcal)",
          // Plain text: chat apps link only http(s); pasted into a calendar app it subscribes.
          value: [text(urls.webcal)],
        },
        {
          label: "Subscribe (https)",
          value: [{ type: "link", url: urls.https, text: urls.https }],
        },
      ],
    },
    {
      type: "list",
      items: [
        [
          text("iPhone / iPad:", true),
          text(
            " paste the webcal link into Safari, or Settings → Apps → Calendar → Calendar Accounts → Add Account → Other → Add Subscribed Calendar, and paste it.",
          ),
        ],
        [
          text("Android / Google Calendar:", true),
          text(
            " on a computer, calendar.google.com → Other calendars + → From URL, paste the https link; your phone then syncs it.",
          ),
        ],
        [
          text("Outlook:", true),
          text(" Calendar → Add calendar → Subscribe from web, paste the https link."),
        ],
      ],
    },
    {
      type: "context",
      spans: [
        text(
          `Anyone with this link sees the itinerary: keep it within the group. Organisers replace it with /${trip.command} calendar reset.`,
        ),
      ],
    },
  ];
}

/**
 * The itinerary as one .ics file, for a one-off import where a subscription is not wanted. The
 * calendar library is loaded here, not by every cold start.
 */
async function icsFile(trip: Trip, now: Date): Promise<ReplyFile> {
  const { renderFeed, tripEvents } = await import("../calendar/feed");
  const events = tripEvents(trip);
  return {
    name: `${trip.id}.ics`,
    contentType: "text/calendar; charset=utf-8",
    text: renderFeed(trip, events, nextVersions({}, events, now).versions),
  };
}

export const calendar: TripCommand = {
  name: "calendar",
  aliases: ["ical", "ics"],
  summary: "The trip in your phone's calendar: a link that follows every change",
  usage: "[reset]",
  examples: ["calendar"],
  option: {
    name: "action",
    description: "reset: organisers replace the link (the old one stops working)",
    suggest: () => [{ label: "reset (organisers)", value: "reset" }],
  },
  async run({ trip, request, services, now }) {
    const links = services.calendar;
    if (!links) return unavailable("The calendar link");
    const action = request.input.trim().toLowerCase();
    if (action === "") {
      const urls = calendarUrls(links.baseUrl, await links.tokens.tokenFor(trip.id));
      return {
        ...notice(`${trip.name}: calendar`, subscribeBlocks(trip, urls)),
        files: [await icsFile(trip, now)],
      };
    }
    if (action !== "reset") {
      return notice(`Unknown calendar action "${echoed(request.input)}"`, [
        paragraph(
          `Use /${trip.command} calendar for the link, or /${trip.command} calendar reset (organisers) to replace it.`,
        ),
      ]);
    }
    if (!isOrganiser(trip, request)) return organisersOnly("replace the calendar link", request);
    const urls = calendarUrls(links.baseUrl, await links.tokens.reset(trip.id));
    return notice(`${trip.name}: new calendar link`, [
      paragraph(
        text("The old link no longer works.", true),
        " Calendars subscribed to it stop updating; travellers subscribe again with the new one.",
      ),
      ...subscribeBlocks(trip, urls),
    ]);
  },
};
