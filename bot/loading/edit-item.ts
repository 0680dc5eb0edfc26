import type { Form } from "../reply";
import type { ItineraryItemFile, TripFile } from "../trip/schema";

/**
 * One itinerary item edited in a form: the form, prefilled as the trip file has it (times as
 * typed there, in the item's zone), and the trip file with the submitted values in place.
 */

export const EDIT_FORM_PREFIX = "edit:";
const MAX_FORM_ID = 60;

/** Form fields → the item's keys; empty optional fields are removed from the item. */
const FIELDS = [
  { name: "start", label: "Start (YYYY-MM-DD HH:MM)", kind: "line", required: true },
  { name: "end", label: "End (YYYY-MM-DD HH:MM, optional)", kind: "line", required: false },
  { name: "title", label: "Title", kind: "line", required: true },
  { name: "place", label: "Place", kind: "line", required: false },
  { name: "notes", label: "Notes", kind: "paragraph", required: false },
] as const;

export type EditField = (typeof FIELDS)[number]["name"];

export const editFieldLabel = (name: string): string =>
  FIELDS.find((f) => f.name === name)?.label.replace(/ \(.*\)$/, "") ?? name;

/** The form editing `item`, or undefined when its id is too long to route a submission. */
export function editForm(item: ItineraryItemFile): Form | undefined {
  const id = `${EDIT_FORM_PREFIX}${item.id}`;
  if (id.length > MAX_FORM_ID) return undefined;
  return {
    id,
    title: "Edit itinerary item",
    submitLabel: "Preview",
    fields: FIELDS.map((f) => ({
      ...f,
      ...(item[f.name] !== undefined ? { value: item[f.name] } : {}),
    })),
  };
}

/** The item a form id routes to ("edit:race-start" → "race-start"). */
export const editedItemId = (formId: string): string | undefined =>
  formId.startsWith(EDIT_FORM_PREFIX) ? formId.slice(EDIT_FORM_PREFIX.length) : undefined;

/**
 * A value longer than a platform's form holds is shown cut, ending in "…" (Slack's inputs hold
 * 3,000 characters, Discord's 4,000). Sent back as shown, it is the value left alone, not a
 * shorter one: saving it would cut long notes when only the start time was edited.
 */
const cutAsShown = (submitted: string, current: unknown): boolean =>
  typeof current === "string" &&
  submitted.endsWith("…") &&
  current.length > submitted.length &&
  current.startsWith(submitted.slice(0, -1));

/** `file` with the item's fields set from the form; undefined when the item is gone. */
export function withItemEdited(
  file: TripFile,
  itemId: string,
  values: Record<string, string>,
): TripFile | undefined {
  const index = file.itinerary.findIndex((i) => i.id === itemId);
  const item = file.itinerary[index];
  if (!item) return undefined;
  const edited: Record<string, unknown> = { ...item };
  for (const f of FIELDS) {
    const value = values[f.name];
    // A field the form did not send keeps its value; a cleared optional field goes.
    if (value === undefined) continue;
    const v = value.trim();
    if (cutAsShown(v, item[f.name])) continue;
    if (v === "" && !f.required) delete edited[f.name];
    else edited[f.name] = f.name === "notes" ? v : v.replace(/\s+/g, " ");
  }
  const itinerary = [...file.itinerary];
  itinerary[index] = edited as unknown as ItineraryItemFile;
  return { ...file, itinerary };
}

/**
 * `file` with the fields an edit changed (from `before` to `after`) set on its item as `file`
 * has it now: the same edit made again after another load, which keeps everything that load
 * did to the other fields and items. Undefined when the item is gone.
 */
export function withEditRebased(
  file: TripFile,
  edit: { itemId: string; before: ItineraryItemFile; after: ItineraryItemFile },
): TripFile | undefined {
  const index = file.itinerary.findIndex((i) => i.id === edit.itemId);
  const item = file.itinerary[index];
  if (!item) return undefined;
  const rebased: Record<string, unknown> = { ...item };
  const before = edit.before as Record<string, unknown>;
  const after = edit.after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (after[key] === undefined) delete rebased[key];
    else rebased[key] = after[key];
  }
  const itinerary = [...file.itinerary];
  itinerary[index] = rebased as unknown as ItineraryItemFile;
  return { ...file, itinerary };
}
