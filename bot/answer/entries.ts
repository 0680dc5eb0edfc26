import type { ItineraryItem, Trip } from "../trip/model";
import type { Contact, FaqEntry, Place, RuleTopic } from "../trip/schema";
import { formatInZone, localDate } from "../trip/time";

/**
 * Everything in a trip that can answer a question, one entry per thing a traveller could be
 * pointed at: each FAQ answer, each rule (not only its topic), each itinerary item, each place,
 * each event fact and each person to contact. Ids are stable for a given trip file, so labelled
 * question sets name them.
 */

export type EntryKind = "faq" | "rule" | "item" | "place" | "fact" | "contact";

/** Text by weight: what names the entry outweighs what merely mentions a word. */
export interface EntryField {
  text: string;
  weight: number;
}

interface EntryBase {
  /**
   * "faq:visa", "rule:photos:1", "item:coach-to-stadium", "place:hotel", "fact:2", "contact:1".
   * Rules, facts and contacts are numbered from 1 in the order the trip file lists them.
   */
  id: string;
  /** One line naming it, for "did you mean" lists. */
  label: string;
  fields: EntryField[];
  source?: string;
}

export type TripEntry =
  | (EntryBase & { kind: "faq"; faq: FaqEntry })
  | (EntryBase & {
      kind: "rule";
      topic: RuleTopic;
      rule: string;
      prohibition: boolean;
      /** Forbids, or requires what rules out the opposite ("Cover your shoulders…"). */
      restriction: boolean;
    })
  | (EntryBase & { kind: "item"; item: ItineraryItem })
  | (EntryBase & { kind: "place"; place: Place; role?: "start" | "finish" })
  | (EntryBase & { kind: "fact"; text: string; at?: Date })
  | (EntryBase & { kind: "contact"; contact: Contact });

/**
 * A rule that forbids something: it outranks any answer that permits. Read from the wording,
 * since trip files do not mark it ("Do not…", "…are not allowed", "Never…", "No headphones…").
 */
const PROHIBITION =
  /^(?:no|never|don'?t|do not)\b|\b(?:do not|don'?t|must not|may not|cannot|can'?t|not allowed|not permitted|forbidden|prohibited|banned|never|only)\b/i;

export function isProhibition(rule: string): boolean {
  return PROHIBITION.test(rule);
}

/**
 * A rule that requires something ("Cover your shoulders and knees", "Stay inside the vehicle at
 * all times"): it answers a "can I…" about the opposite, though it says no "not".
 */
const OBLIGATION =
  /^(?:always|only|cover|wear|keep|stay|carry|be|bring|use|ask|tell|wait|follow|remove|take off|dress|return|hand|show|sign|book)\b|\b(?:must|at all times|unless|required|mandatory|compulsory)\b/i;

export function isRestriction(rule: string, prohibition = isProhibition(rule)): boolean {
  return prohibition || OBLIGATION.test(rule);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function placeEntry(place: Place, id: string, role?: "start" | "finish"): TripEntry {
  const roleWords =
    role === "start" ? "race start line" : role === "finish" ? "race finish line" : "";
  return {
    id,
    kind: "place",
    place,
    ...(role ? { role } : {}),
    label: place.name,
    source: place.source,
    fields: [
      { text: place.name, weight: 3 },
      { text: roleWords, weight: 2.5 },
      { text: (place.id ?? "").replace(/-/g, " "), weight: 1.5 },
      { text: `${place.description ?? ""} ${place.address ?? ""}`, weight: 1 },
      // A place with an address answers "the condo's address", "hotel address".
      ...(place.address ? [{ text: "address", weight: 2.5 }] : []),
    ],
  };
}

function faqEntries(trip: Trip): TripEntry[] {
  return trip.faq.map((f) => ({
    id: `faq:${f.id}`,
    kind: "faq",
    faq: f,
    label: f.question,
    source: f.source,
    fields: [
      { text: [f.id.replace(/-/g, " "), ...f.keywords, ...(f.also ?? [])].join(" "), weight: 3 },
      { text: f.question, weight: 2.5 },
      { text: f.answer, weight: 1 },
    ],
  }));
}

/** Each rule is its own entry: a question is answered by the rule, not the whole topic. */
function ruleEntries(trip: Trip): TripEntry[] {
  return trip.rules.flatMap((topic) =>
    topic.rules.map((rule, i): TripEntry => {
      const prohibition = isProhibition(rule);
      return {
        id: `rule:${topic.topic}:${i + 1}`,
        kind: "rule",
        topic,
        rule,
        prohibition,
        restriction: isRestriction(rule, prohibition),
        label: rule,
        source: topic.source,
        fields: [
          { text: (topic.also ?? []).join(" "), weight: 3 },
          { text: rule, weight: 2.5 },
          { text: `${topic.topic} ${topic.title} rules`, weight: 0.8 },
        ],
      };
    }),
  );
}

function itemEntries(trip: Trip): TripEntry[] {
  const lastDay = trip.days.length;
  const raceDate = localDate(trip.event.startAt, trip.zone);
  const raceDay = trip.days.find((d) => d.date === raceDate)?.number;
  // A day's items share its name: named once a day, as formatting is dear on a cold answer.
  const dayNames = new Map<number, string>();
  const dayName = (item: ItineraryItem) => {
    let name = dayNames.get(item.day);
    if (name === undefined) {
      name = formatInZone(item.startAt, trip.zone, "weekday-date");
      dayNames.set(item.day, name);
    }
    return name;
  };
  return trip.itinerary.map((item) => {
    // How travellers name a day without its date: "arrival", "the last day", "going home".
    const dayWords = [
      item.day === 1 ? "first day arrival arrive" : "",
      item.day === lastDay && lastDay > 1 ? "last day departure going home return back" : "",
      item.day === raceDay ? "race day race morning" : "",
      // "dinner saturday": the day's name as travellers say it.
      dayName(item),
    ].join(" ");
    return {
      id: `item:${item.id}`,
      kind: "item",
      item,
      label: item.title,
      source: item.source,
      fields: [
        { text: item.title, weight: 3 },
        { text: `${item.id.replace(/-/g, " ")} ${item.place ?? ""}`, weight: 1.5 },
        { text: `${item.notes ?? ""} ${dayWords}`, weight: 1 },
      ],
    };
  });
}

function placeEntries(trip: Trip): TripEntry[] {
  const { event } = trip;
  const entries = [placeEntry(event.startPlace, "place:start", "start")];
  if (event.finishPlace) entries.push(placeEntry(event.finishPlace, "place:finish", "finish"));
  const seen = new Set<string>();
  for (const place of trip.places) {
    let id = `place:${place.id ?? slug(place.name)}`;
    while (seen.has(id)) id += "-2";
    seen.add(id);
    entries.push(placeEntry(place, id));
  }
  return entries;
}

/** The event's start, its distances and each of its facts. */
function factEntries(trip: Trip): TripEntry[] {
  const { event } = trip;
  const entries: TripEntry[] = [
    {
      id: "fact:start",
      kind: "fact",
      text: `${event.name} starts at ${event.startPlace.name}.`,
      at: event.startAt,
      label: `When ${event.name} starts`,
      source: event.source,
      fields: [
        { text: `${event.name} race start date day time`, weight: 2 },
        { text: event.startPlace.name, weight: 1 },
      ],
    },
  ];
  if (event.distances.length > 0) {
    entries.push({
      id: "fact:distances",
      kind: "fact",
      text: `Distances: ${event.distances.join(", ")}.`,
      label: "The race distances",
      source: event.source,
      fields: [
        { text: "distances race distance", weight: 3 },
        { text: event.distances.join(" "), weight: 2 },
        { text: event.name, weight: 0.5 },
      ],
    });
  }
  event.facts.forEach((fact, i) => {
    entries.push({
      id: `fact:${i + 1}`,
      kind: "fact",
      text: fact.text,
      label: fact.text,
      source: fact.source ?? event.source,
      fields: [{ text: fact.text, weight: 2.5 }],
    });
  });
  return entries;
}

/**
 * The words a traveller asks for a person with, by the ways the contact can be reached: weighted
 * low, so they find a contact whose name or role the question names ("guide's number") without
 * making a bare "phone" question about SIM cards one for a contact. ("who" alone says nothing;
 * "who do I call" is a phrase of the built-in synonyms.)
 */
function reachWords(contact: Contact): string {
  return [
    "contact reach who to call",
    contact.phone ? "phone number mobile call ring text" : "",
    contact.email ? "email" : "",
  ].join(" ");
}

/**
 * Each person travellers can reach, as the trip file lists them; its `offline` flag keeps its
 * meaning (left out of the offline pack), as chat is not carried across a border.
 */
function contactEntries(trip: Trip): TripEntry[] {
  return (trip.file.contacts ?? []).map((contact, i) => ({
    id: `contact:${i + 1}`,
    kind: "contact",
    contact,
    label: contact.role ? `${contact.name}: ${contact.role}` : contact.name,
    fields: [
      { text: contact.name, weight: 3 },
      { text: contact.role ?? "", weight: 2.5 },
      { text: reachWords(contact), weight: 0.5 },
    ],
  }));
}

function buildEntries(trip: Trip): TripEntry[] {
  return [
    ...faqEntries(trip),
    ...ruleEntries(trip),
    ...itemEntries(trip),
    ...placeEntries(trip),
    ...factEntries(trip),
    ...contactEntries(trip),
  ];
}

const cache = new WeakMap<Trip, TripEntry[]>();

/** The trip's entries, built once per trip object (a warm container reuses them). */
export function tripEntries(trip: Trip): TripEntry[] {
  let entries = cache.get(trip);
  if (!entries) {
    entries = buildEntries(trip);
    cache.set(trip, entries);
  }
  return entries;
}
