import { paragraph, text } from "../reply";
import type { ChannelCommand } from "./context";
import { notice } from "./format";
import { isOrganiser, maySwitchOff, notYourTrip, organisersOnly, unavailable } from "./organisers";

export const link: ChannelCommand = {
  scope: "channel",
  name: "link",
  aliases: [],
  summary: "Organisers: make this channel answer from a trip (its id from the trip file)",
  usage: "<trip-id>",
  examples: ["link pyongyang-marathon-2025"],
  organisers: true,
  option: { name: "trip", description: "The trip's id, as in its trip file" },
  async run({ request, services, trip: current, findTrip }) {
    const id = request.input.trim().toLowerCase();
    if (!services.channels) return unavailable("Linking a channel");
    if (id === "") {
      return notice("Link this channel to a trip", [
        paragraph(
          current ? `This channel answers from ${current.name} (${current.id}). ` : "",
          "An organiser links it with ",
          text("link <trip-id>", true),
          ", the id at the top of the trip file.",
        ),
      ]);
    }
    const trip = await findTrip(id);
    if (!trip || !isOrganiser(trip, request)) return notYourTrip(id, request);
    const linked = await services.channels.linkedTrip(request.platform, request.channel.id);
    if (linked === trip.id) {
      return notice("Already linked", [
        paragraph(`This channel already answers from ${trip.name}.`),
      ]);
    }
    // Taking a channel from another trip (its reminders go with it) is for that trip's
    // organisers too; a link to a trip that is gone binds nobody.
    const from = linked ? await findTrip(linked) : undefined;
    if (from && !isOrganiser(from, request)) {
      return notice("This channel belongs to another trip", [
        paragraph(
          `This channel answers from ${from.name}, and only its organisers can move it to another trip. `,
          "Ask one of them to ",
          text(`/${from.command} unlink`, true),
          " it first. Nothing was changed.",
        ),
      ]);
    }
    await services.channels.link(
      request.platform,
      request.channel.id,
      trip.id,
      request.user.id,
      request.workspace?.id,
    );
    return notice("Channel linked", [
      paragraph(`This channel now answers from ${trip.name} (${trip.id}).`),
      paragraph(
        `Turn on itinerary reminders here with `,
        text(`/${trip.command} reminders on`, true),
        ".",
      ),
    ]);
  },
};

export const unlink: ChannelCommand = {
  scope: "channel",
  name: "unlink",
  aliases: [],
  summary:
    "Organisers: stop this channel answering from its trip and its reminders; server managers too",
  usage: "",
  examples: ["unlink"],
  organisers: true,
  async run({ request, services, findTrip }) {
    if (!services.channels) return unavailable("Unlinking a channel");
    const linked = await services.channels.linkedTrip(request.platform, request.channel.id);
    const trip = linked ? await findTrip(linked) : undefined;
    if (!linked) return notice("Not linked", [paragraph("This channel is not linked to a trip.")]);
    if (!maySwitchOff(trip, request)) return organisersOnly("unlink this channel", request);
    await services.channels.unlink(request.platform, request.channel.id);
    return notice("Channel unlinked", [
      paragraph(
        `This channel no longer answers from ${trip?.name ?? linked}, and its reminders are off.`,
      ),
    ]);
  },
};
