import type { CommandRequest } from "../commands/context";
import { notice } from "../commands/format";
import { isOrganiser, organisersOnly, unavailable } from "../commands/organisers";
import {
  editedItemId,
  editFieldLabel,
  withEditRebased,
  withItemEdited,
} from "../loading/edit-item";
import { readTripUpload, tripFileText } from "../loading/trip-file";
import { paragraph, type Reply } from "../reply";
import type { Proposal } from "../store/proposal-store";
import { shorten } from "../text/units";
import type { Trip } from "../trip/model";
import { parseTripText } from "../trip/parse";
import type { TripFile } from "../trip/schema";
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
  if (!changes) return Promise.resolve(NOT_HERE);
  return pressProposal(changes, request, button, (proposal) =>
    reproposal(changes, request, proposal),
  );
}

/** A proposal previewed again after another load: an edit is made again on the trip as it is. */
async function reproposal(
  changes: TripChanges,
  request: CommandRequest,
  proposal: Proposal,
): Promise<Reply> {
  if (!proposal.edit) return proposeLoad(changes, request, proposal.file);
  const current = await changes.facts.exportTrip(proposal.tripId);
  const rebased = current && withEditRebased(current, proposal.edit);
  if (!current || !rebased) return itemGone(proposal.edit.itemId);
  return proposeEdit(changes, request, current, proposal.edit.itemId, rebased);
}

const itemGone = (itemId: string) =>
  notice("That item is gone", [
    paragraph(`The trip has no item "${shorten(itemId, 64)}" any more. Nothing was changed.`),
  ]);

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
  if (!current || !edited) return itemGone(itemId);
  return proposeEdit(changes, request, current, itemId, edited);
}

/** `edited` (`current` with one item changed) checked as a whole file, then previewed. */
async function proposeEdit(
  changes: TripChanges,
  request: CommandRequest,
  current: TripFile,
  itemId: string,
  edited: TripFile,
): Promise<Reply> {
  // Checked as a whole file, exactly as an upload is; errors name the form's fields.
  const read = parseTripText(tripFileText(edited), `${current.id}.yaml`);
  if (!read.ok)
    return invalidEdit(
      itemId,
      current,
      read.errors.map((e) => e.message),
    );
  const before = current.itinerary.find((i) => i.id === itemId);
  const after = read.file.itinerary.find((i) => i.id === itemId);
  const edit = before && after ? { itemId, before, after } : undefined;
  return proposeLoad(changes, request, read.file, edit);
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
