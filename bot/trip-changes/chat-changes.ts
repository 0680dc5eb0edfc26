import type { CommandRequest } from "../commands/context";
import { notice } from "../commands/format";
import { isOrganiser, organisersOnly, unavailable } from "../commands/organisers";
import { editedItemId, editFieldLabel, withItemEdited } from "../loading/edit-item";
import { readTripUpload, tripFileText } from "../loading/trip-file";
import { paragraph, type Reply } from "../reply";
import { shorten } from "../text/units";
import type { Trip } from "../trip/model";
import { parseTripText } from "../trip/parse";
import { invalidFileReply, tooLarge } from "./preview";
import { pressProposal, proposeLoad, type TripChanges } from "./proposals";

/** What `Bot.submitFile`, `submitForm` and `press` do, given the bot's wiring. */

const NOT_HERE = unavailable("Changing the trip");

/** An uploaded trip file: checked like `npm run trip -- validate`, then previewed. */
export async function submitFile(
  changes: TripChanges | undefined,
  request: CommandRequest,
  upload: { name: string; text: string },
): Promise<Reply> {
  if (!changes) return NOT_HERE;
  const name = shorten(upload.name || "trip.yaml", 100);
  const read = readTripUpload(upload.text, name);
  if ("tooLarge" in read) return tooLarge(name);
  if (!read.ok) return invalidFileReply(name, read.errors);
  return proposeLoad(changes, request, read.file);
}

/** A Confirm or Cancel click. */
export function press(
  changes: TripChanges | undefined,
  request: CommandRequest,
  button: { action: "confirm" | "cancel"; value: string },
): Promise<Reply> {
  return changes ? pressProposal(changes, request, button) : Promise.resolve(NOT_HERE);
}

/** A form's submission: an edited item becomes the same preview as an upload. */
export async function submitForm(
  changes: TripChanges | undefined,
  request: CommandRequest,
  trip: Trip | Reply,
  formId: string,
  values: Record<string, string>,
): Promise<Reply> {
  if (!changes) return NOT_HERE;
  const itemId = editedItemId(formId);
  if (itemId === undefined) {
    return notice("Nothing to submit", [
      paragraph("Send the trip file with the trip upload command: attach it or choose it."),
    ]);
  }
  if (!("id" in trip)) return trip;
  if (!isOrganiser(trip, request)) return organisersOnly("edit the itinerary");
  const current = await changes.facts.exportTrip(trip.id);
  const edited = current && withItemEdited(current, itemId, values);
  if (!edited) {
    return notice("That item is gone", [
      paragraph(`The trip has no item "${shorten(itemId, 64)}" any more. Nothing was changed.`),
    ]);
  }
  // Checked as a whole file, exactly as an upload is; errors name the form's fields.
  const read = parseTripText(tripFileText(edited), `${trip.id}.yaml`);
  if (!read.ok)
    return invalidEdit(
      itemId,
      current,
      read.errors.map((e) => e.message),
    );
  return proposeLoad(changes, request, read.file);
}

function invalidEdit(
  itemId: string,
  current: { itinerary: { id: string }[] },
  messages: string[],
): Reply {
  const index = current.itinerary.findIndex((i) => i.id === itemId);
  const prefix = `itinerary[${index}].`;
  const lines = messages.map((m) => {
    if (!m.startsWith(prefix)) return m;
    const [field = "", ...rest] = m.slice(prefix.length).split(":");
    return `${editFieldLabel(field)}:${rest.join(":")}`;
  });
  return notice("The edit has errors", [
    paragraph("Nothing was changed. Fix these and submit the edit again:"),
    {
      type: "list",
      items: lines.slice(0, 10).map((l) => [{ type: "text", text: shorten(l, 300) }]),
    },
  ]);
}
