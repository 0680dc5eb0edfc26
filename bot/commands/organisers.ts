import { paragraph, type Reply, text } from "../reply";
import { shorten } from "../text/units";
import type { Trip } from "../trip/model";
import type { CommandRequest } from "./context";
import { notice } from "./format";

/**
 * Who may do what, for every command and both platforms:
 * - a trip's organisers are the ids its file lists under the request's platform, nobody else;
 * - only they may attach a channel to the trip, turn its reminders on, see its questions, post
 *   in its name (FAQ, announcements) or change it;
 * - re-linking a channel that answers from another trip needs that trip's organisers too;
 * - switching the bot off in a channel (unlink, reminders off) is also open to whoever the
 *   platform says manages the server (Discord's Manage Server): it only takes the bot out of
 *   their own server, and never attaches a trip that does not list them.
 */
export function isOrganiser(trip: Trip, request: CommandRequest): boolean {
  const ids = (trip.organisers as Record<string, readonly string[] | undefined>)[request.platform];
  return ids?.includes(request.user.id) ?? false;
}

/** Unlinking a channel or turning its reminders off: its trip's organisers, or a server manager. */
export function maySwitchOff(trip: Trip | undefined, request: CommandRequest): boolean {
  return request.user.canManage === true || (trip !== undefined && isOrganiser(trip, request));
}

/** How someone becomes an organiser: the same words wherever a refusal or help says it. */
export function becomeOrganiser(request?: CommandRequest): string {
  const whose = request
    ? `your ${request.platform} id (${request.user.id}) under organisers → ${request.platform}`
    : "your user id under organisers";
  return `To become an organiser, ask the tour operator to add ${whose} in the trip file and load it again.`;
}

export function organisersOnly(what: string, request?: CommandRequest): Reply {
  return notice("Only organisers can do that", [
    paragraph(`Only the trip's organisers can ${what}. Nothing was changed.`),
    paragraph(becomeOrganiser(request)),
  ]);
}

/**
 * The one refusal for a trip id that is missing or does not list the caller: the same words
 * for both, so nobody learns which trip ids exist by trying them.
 */
export function notYourTrip(tripId: string, request: CommandRequest): Reply {
  return notice("Not a trip you organise", [
    paragraph(
      "No trip with the id ",
      text(shorten(tripId, 64), true),
      " lists you as an organiser. Check the id at the top of the trip file. Nothing was changed.",
    ),
    paragraph(becomeOrganiser(request)),
  ]);
}

export function unavailable(what: string): Reply {
  return notice("Not available here", [
    paragraph(`${what} is not available from here. Nothing was changed.`),
  ]);
}
