import { createHash } from "node:crypto";
import type { TripFile } from "../trip/schema";
import type { FactChange } from "./fact-store";
import { keys } from "./table";

/**
 * A trip file split into facts: one record per itinerary item, rule topic, FAQ entry and place,
 * plus the trip settings and the event. Each record's sort key ends in a hash of its content,
 * so a load writes new content beside the old and switches over by rewriting one HEAD record.
 */

export type FactKind = "settings" | "event" | "place" | "item" | "rule" | "faq";

export interface FactRecord {
  kind: FactKind;
  key: string;
  /** Position within its list, so an export keeps the file's order. */
  order: number;
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

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function record(
  kind: FactKind,
  key: string,
  order: number,
  data: Record<string, unknown>,
): FactRecord {
  const hash = createHash("sha256")
    .update(canonicalJson({ order, data }))
    .digest("hex")
    .slice(0, 16);
  const clean = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  return { kind, key, order, data: clean, hash, sk: keys.fact(kind, key, hash) };
}

export function tripToRecords(file: TripFile): FactRecord[] {
  const { event, places, itinerary, rules, faq, ...settings } = file;
  return [
    record("settings", "trip", 0, settings),
    record("event", "event", 0, event),
    ...places.map((p, i) => record("place", p.id ?? `place-${i + 1}`, i, p)),
    ...itinerary.map((x, i) => record("item", x.id, i, x)),
    ...rules.map((r, i) => record("rule", r.topic, i, r)),
    ...faq.map((f, i) => record("faq", f.id, i, f)),
  ];
}

/** Reassembles the trip file from its fact records (in any order). */
export function recordsToTrip(records: readonly FactRecord[]): TripFile | undefined {
  const of = (kind: FactKind) =>
    records
      .filter((r) => r.kind === kind)
      .sort((a, b) => a.order - b.order)
      .map((r) => r.data);
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
      if (old.order !== r.order) fields.push("position");
      changes.push({ kind: "change", fact: factLabel(r.kind, r.key), fields });
    }
  }
  for (const r of current) {
    if (!after.has(id(r))) changes.push({ kind: "remove", fact: factLabel(r.kind, r.key) });
  }
  return changes;
}
