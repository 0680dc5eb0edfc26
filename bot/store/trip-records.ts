import { createHash } from "node:crypto";
import type { TripFile } from "../trip/schema";
import type { FactChange } from "./fact-store";
import { keys } from "./table";

/**
 * A trip file split into facts: one record per itinerary item, rule topic, FAQ entry and place,
 * plus the trip settings and the event. Each record's sort key ends in a hash of its content,
 * so a load writes new content beside the old and switches over by rewriting one HEAD record,
 * whose list of sort keys also keeps the file's order.
 */

export type FactKind = "settings" | "event" | "place" | "item" | "rule" | "faq";

export interface FactRecord {
  kind: FactKind;
  key: string;
  data: Record<string, unknown>;
  hash: string;
  sk: string;
}

const LABELS: Record<FactKind, string> = {
  settings: "trip settings",
  event: "event",
  place: "place",
  item: "itinerary",
  rule: "rules",
  faq: "faq",
};

export function factLabel(kind: FactKind, key: string): string {
  return kind === "settings" || kind === "event" ? LABELS[kind] : `${LABELS[kind]} ${key}`;
}

/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function record(kind: FactKind, key: string, data: Record<string, unknown>): FactRecord {
  const hash = createHash("sha256").update(canonicalJson(data)).digest("hex").slice(0, 16);
  const clean = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  return { kind, key, data: clean, hash, sk: keys.fact(kind, key, hash) };
}

export function tripToRecords(file: TripFile): FactRecord[] {
  const { event, places, itinerary, rules, faq, ...settings } = file;
  return [
    record("settings", "trip", settings),
    record("event", "event", event),
    ...places.map((p, i) => record("place", p.id ?? `place-${i + 1}`, p)),
    ...itinerary.map((x) => record("item", x.id, x)),
    ...rules.map((r) => record("rule", r.topic, r)),
    ...faq.map((f) => record("faq", f.id, f)),
  ];
}

/** Reassembles the trip file from its fact records, in the order `tripToRecords` gave them. */
export function recordsToTrip(records: readonly FactRecord[]): TripFile | undefined {
  const of = (kind: FactKind) => records.filter((r) => r.kind === kind).map((r) => r.data);
  const settings = of("settings")[0];
  const event = of("event")[0];
  if (!settings || !event) return undefined;
  return {
    ...settings,
    event,
    places: of("place"),
    itinerary: of("item"),
    rules: of("rule"),
    faq: of("faq"),
  } as unknown as TripFile;
}

/** What changes when `next` replaces `current`, fact by fact, in file order. */
export function diffRecords(
  current: readonly FactRecord[],
  next: readonly FactRecord[],
): FactChange[] {
  const id = (r: FactRecord) => `${r.kind}#${r.key}`;
  const before = new Map(current.map((r) => [id(r), r]));
  const after = new Set(next.map(id));
  const changes: FactChange[] = [];
  for (const r of next) {
    const old = before.get(id(r));
    if (!old) changes.push({ kind: "add", fact: factLabel(r.kind, r.key) });
    else if (old.hash !== r.hash) {
      const fieldNames = new Set([...Object.keys(old.data), ...Object.keys(r.data)]);
      const fields = [...fieldNames].filter(
        (f) => canonicalJson(old.data[f]) !== canonicalJson(r.data[f]),
      );
      changes.push({ kind: "change", fact: factLabel(r.kind, r.key), fields });
    }
  }
  for (const r of current) {
    if (!after.has(id(r))) changes.push({ kind: "remove", fact: factLabel(r.kind, r.key) });
  }
  // A reordered list shows in the file's order of what both versions have.
  for (const kind of ["place", "item", "rule", "faq"] as const) {
    const kept = (list: readonly FactRecord[], other: Set<string>) =>
      list.filter((r) => r.kind === kind && other.has(id(r))).map(id);
    const beforeOrder = kept(current, after).join();
    const afterOrder = kept(next, new Set(before.keys())).join();
    if (beforeOrder !== afterOrder)
      changes.push({ kind: "change", fact: LABELS[kind], fields: ["order"] });
  }
  return changes;
}
