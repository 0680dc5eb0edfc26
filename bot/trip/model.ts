import { placeNamed } from "./places";
import type { FaqEntry, ItineraryItemFile, Place, RuleTopic, TripFile } from "./schema";
import { canonicalZone, localDate, parseLeadTime, wallClockToInstant, zoneCity } from "./time";

/** A validated trip with every wall-clock time resolved to an instant. */
export interface Trip {
  file: TripFile;
  id: string;
  name: string;
  zone: string;
  /** "Pyongyang", as in "08:00 Pyongyang time". */
  zoneLabel: string;
  command: string;
  organisers: TripFile["organisers"];
  event: TripFile["event"] & { startAt: Date };
  places: Place[];
  itinerary: ItineraryItem[];
  /** The trip's calendar days at the destination, in order, each with its items. */
  days: TripDay[];
  rules: RuleTopic[];
  faq: FaqEntry[];
}

export interface ItineraryItem extends ItineraryItemFile {
  /** Where its times are shown: its own zone, its place's, or the destination's. */
  zone: string;
  zoneLabel: string;
  startAt: Date;
  endAt?: Date;
  /** Reminder lead times in minutes, largest first. */
  leadMinutes: number[];
  /** 1-based trip day. */
  day: number;
  /** Where it happens, as readers see it: the named place's name (the file may give its id). */
  placeName?: string;
}

export interface TripDay {
  number: number;
  /** YYYY-MM-DD at the destination. */
  date: string;
  items: ItineraryItem[];
}

function instant(text: string, zone: string): Date {
  const r = wallClockToInstant(text, zone);
  // The schema has already rejected every time that fails here.
  if (!r.ok) throw new Error(r.message);
  return r.instant;
}

/** Resolves a trip file that has passed `TripFileSchema`. */
export function resolveTrip(file: TripFile): Trip {
  const zone = canonicalZone(file.timeZone);
  const zoneLabel = file.timeZoneLabel ?? zoneCity(zone);
  const whereOf = (item: ItineraryItemFile) => {
    const place = placeNamed(file.places, item.place);
    const written = item.timeZone ?? place?.timeZone;
    const own = written && canonicalZone(written);
    if (!own || own === zone) return { zone, zoneLabel };
    return {
      zone: own,
      zoneLabel: (item.timeZone ? item.timeZoneLabel : place?.timeZoneLabel) ?? zoneCity(own),
    };
  };
  const { startPlace, finishPlace } = file.event;
  const namedPlaces = [startPlace, ...(finishPlace ? [finishPlace] : []), ...file.places];
  const items = file.itinerary
    .map((item, index) => {
      const where = whereOf(item);
      return { item, index, where, startAt: instant(item.start, where.zone) };
    })
    .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.index - b.index);
  // Days are the destination's, wherever an item happens.
  const dates = [...new Set(items.map((x) => localDate(x.startAt, zone)))];
  const itinerary: ItineraryItem[] = items.map(({ item, where, startAt }) => ({
    ...item,
    ...where,
    startAt,
    endAt: item.end === undefined ? undefined : instant(item.end, where.zone),
    leadMinutes: (item.reminders ?? file.defaultReminders)
      .map((t) => parseLeadTime(t) ?? 0)
      .filter((m) => m > 0)
      .sort((a, b) => b - a),
    day: dates.indexOf(localDate(startAt, zone)) + 1,
    ...(item.place === undefined
      ? {}
      : { placeName: placeNamed(namedPlaces, item.place)?.name ?? item.place }),
  }));
  return {
    file,
    id: file.id,
    name: file.name,
    zone,
    zoneLabel,
    command: file.command,
    organisers: file.organisers,
    event: { ...file.event, startAt: instant(file.event.start, zone) },
    places: file.places,
    itinerary,
    days: dates.map((date, i) => ({
      number: i + 1,
      date,
      items: itinerary.filter((x) => x.day === i + 1),
    })),
    rules: file.rules,
    faq: file.faq,
  };
}
