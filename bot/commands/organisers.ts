import { paragraph, type Reply } from "../reply";
import type { Trip } from "../trip/model";
import type { CommandRequest } from "./context";
import { notice } from "./format";

/**
 * An organiser is listed in the trip file under the request's platform, or is someone the
 * platform itself says manages the server.
 */
export function isOrganiser(trip: Trip, request: CommandRequest): boolean {
  if (request.user.canManage) return true;
  const ids = (trip.organisers as Record<string, readonly string[] | undefined>)[request.platform];
  return ids?.includes(request.user.id) ?? false;
}

export function organisersOnly(what: string): Reply {
  return notice("Only organisers can do that", [
    paragraph(`Only the trip's organisers can ${what}. Nothing was changed.`),
  ]);
}

export function unavailable(what: string): Reply {
  return notice("Not available here", [
    paragraph(`${what} is not available from here. Nothing was changed.`),
  ]);
}
