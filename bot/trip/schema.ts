import { en } from "zod/locales";
import * as z from "zod/mini";
import { placeNamed } from "./places";
import { isValidTimeZone, parseLeadTime, wallClockToInstant } from "./time";

/**
 * The one definition of a trip file. The YAML loader, the JSON Schema for editors
 * (`npm run schema`, json-schema.ts), the store and the export all read it. Written with zod's
 * mini build: the webhooks check uploads with it, and full zod would add ~400 KiB to their
 * bundles (its methods, and every locale through its `z` object).
 */

const Id = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes (like day1-arrival)"),
    z.maxLength(64),
  );
const Text = z.string().check(z.trim(), z.minLength(1, "must not be empty"));
/** `schema` with a description for editors (the JSON Schema's `description`). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;
const Source = z.optional(
  described(
    Text,
    "Where this fact comes from: a URL or publication, or 'Example content for organisers to replace'.",
  ),
);
const WallClock = described(
  z.string(),
  "Wall-clock time at the destination: YYYY-MM-DD HH:MM (add a UTC offset only for a time that happens twice)",
);
/** Other ways travellers ask for the same thing; the question search reads them too. */
const Also = described(
  z.optional(z.array(Text)),
  "Other phrasings travellers use for this, e.g. [bus, shuttle, ride to the start]",
);

/**
 * `offline: false` keeps an entry out of the offline pack (`/marathon offline`): for what
 * travellers should not carry across a border. Absent means it is in the pack.
 */
const Offline = described(
  z.optional(z.boolean()),
  "false: leave this out of the offline pack (what should not be carried across a border)",
);
const LeadTime = described(
  z.string(),
  'How long before the item a reminder is posted: "1d", "2h", "30m", "1h30m"',
).check(
  z.refine(
    (s: string) => parseLeadTime(s) !== undefined,
    'write a lead time like "1d", "2h", "30m" or "1h30m"',
  ),
);

const ZoneOverride = {
  timeZone: described(
    z.optional(Text),
    "IANA time zone when it is not the destination's (a briefing in Beijing): times are shown in it",
  ),
  timeZoneLabel: described(
    z.optional(Text),
    'How to name that time: "Beijing" → "09:00 Beijing time"',
  ),
};

export const PlaceSchema = z.strictObject({
  id: z.optional(Id),
  name: Text,
  description: z.optional(Text),
  address: z.optional(Text),
  ...ZoneOverride,
  source: Source,
});

export const FactSchema = z.strictObject({ text: Text, source: Source, offline: Offline });

export const EventSchema = z.strictObject({
  name: Text,
  start: described(WallClock, "When the race starts, in the destination's wall-clock time"),
  startPlace: PlaceSchema,
  finishPlace: z.optional(PlaceSchema),
  distances: z._default(z.array(Text), []),
  facts: z._default(z.array(FactSchema).check(z.maxLength(200)), []),
  url: z.optional(
    z.url({
      protocol: /^https?$/,
      error: "must be a web address starting with https:// or http://",
    }),
  ),
  source: Source,
});

export const ItineraryItemSchema = z.strictObject({
  id: Id,
  start: WallClock,
  end: z.optional(WallClock),
  title: Text,
  place: described(
    z.optional(Text),
    "Where it happens; naming a place of the trip (its id or name) brings that place's time zone",
  ),
  notes: z.optional(Text),
  ...ZoneOverride,
  reminders: described(
    z.optional(z.array(LeadTime)),
    "Lead times; defaults to the trip's defaultReminders",
  ),
  source: Source,
  offline: Offline,
});

export const RuleTopicSchema = z.strictObject({
  topic: described(Id, "Short name readers type: /marathon rules <topic>"),
  title: Text,
  rules: z.array(Text).check(z.minLength(1)),
  also: Also,
  source: Source,
  offline: Offline,
});

export const FaqEntrySchema = z.strictObject({
  id: Id,
  question: Text,
  answer: Text,
  keywords: z._default(z.array(Text), []),
  also: Also,
  source: Source,
  offline: Offline,
});

export const ContactSchema = z.strictObject({
  name: Text,
  role: described(z.optional(Text), 'What to call them for: "Tour leader, travels with the group"'),
  phone: z.optional(Text),
  email: z.optional(Text),
  offline: Offline,
});

/**
 * Organisers' user ids, keyed by platform name. The trip model does not import
 * the platform list (the adapters depend on the trip model, not the other way round), so any
 * platform name is accepted here; the JSON Schema for editors lists the platforms the bot has.
 */
export const OrganisersSchema = z.record(
  z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, "a platform name, like the bot's platforms use")),
  z.array(Text),
);

/** A list of organiser ids for one platform, as the JSON Schema for editors describes it. */
export const organiserIds = (description: string) =>
  described(z._default(z.array(Text), []), description);

/**
 * How many facts a trip may hold. A stored trip's HEAD record lists every fact's key in one
 * DynamoDB item (400 KB at most); these caps keep it well under that, far above any real tour.
 */
export const MAX_FACTS = { places: 200, itinerary: 2000, rules: 200, faq: 500 } as const;

/**
 * The most one fact (the event, a place, an item, a rules topic, a FAQ entry) may weigh as
 * stored: each is one DynamoDB item, which holds 400 KB at most with its keys and attributes.
 */
export const MAX_FACT_BYTES = 100_000;

/** The trip file's fields, without the checks that span them (the JSON Schema's source). */
export const TripFileShape = z.strictObject({
  id: Id,
  name: Text,
  timeZone: described(Text, "IANA time zone of the destination, e.g. Asia/Pyongyang"),
  timeZoneLabel: described(
    z.optional(Text),
    'How to name the destination time: "Pyongyang" → "08:00 Pyongyang time"',
  ),
  command: z._default(
    z
      .string()
      .check(
        z.regex(
          /^[a-z0-9_-]{1,32}$/,
          "a slash-command name: 1–32 lowercase letters, digits, - or _",
        ),
      ),
    "marathon",
  ),
  organisers: z._default(OrganisersSchema, {}),
  contacts: described(
    z.optional(z.array(ContactSchema).check(z.maxLength(50))),
    "People travellers can reach (organisers, guides, the local agency): the offline pack lists them",
  ),
  defaultReminders: z._default(z.array(LeadTime), ["1d", "1h"]),
  event: EventSchema,
  places: z._default(z.array(PlaceSchema).check(z.maxLength(MAX_FACTS.places)), []),
  itinerary: z._default(z.array(ItineraryItemSchema).check(z.maxLength(MAX_FACTS.itinerary)), []),
  rules: z._default(z.array(RuleTopicSchema).check(z.maxLength(MAX_FACTS.rules)), []),
  faq: z._default(z.array(FaqEntrySchema).check(z.maxLength(MAX_FACTS.faq)), []),
});

export interface TripIssue {
  path: (string | number)[];
  message: string;
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * The checks that span fields: time zone, wall-clock times, end after start, unique ids. They
 * read the data loosely, so a file with type errors elsewhere still gets all of these reported.
 */
export function tripSemanticIssues(data: unknown): TripIssue[] {
  const issues: TripIssue[] = [];
  const trip = record(data);
  const zone = str(trip.timeZone);
  if (zone !== undefined && !isValidTimeZone(zone)) {
    issues.push({
      path: ["timeZone"],
      message: `"${zone}" is not an IANA time zone (like Asia/Pyongyang or Europe/Berlin)`,
    });
  } else if (zone !== undefined) {
    const checkTime = (value: unknown, path: (string | number)[], where = zone) => {
      const text = str(value);
      if (text === undefined) return undefined;
      const r = wallClockToInstant(text, where);
      if (!r.ok) issues.push({ path, message: r.message });
      return r.ok ? r.instant : undefined;
    };
    const zoneOf = (value: unknown, path: (string | number)[]) => {
      const own = str(value);
      if (own === undefined || isValidTimeZone(own)) return own;
      issues.push({ path, message: `"${own}" is not an IANA time zone (like Asia/Shanghai)` });
      return undefined;
    };
    list(trip.places).forEach((p, i) => {
      zoneOf(record(p).timeZone, ["places", i, "timeZone"]);
    });
    checkTime(record(trip.event).start, ["event", "start"]);
    list(trip.itinerary).forEach((raw, i) => {
      const item = record(raw);
      const own = zoneOf(item.timeZone, ["itinerary", i, "timeZone"]);
      const place = placeNamed(list(trip.places).map(record), str(item.place));
      const placeZone = str(place?.timeZone);
      const where = own ?? (placeZone && isValidTimeZone(placeZone) ? placeZone : zone);
      const start = checkTime(item.start, ["itinerary", i, "start"], where);
      const end = checkTime(item.end, ["itinerary", i, "end"], where);
      if (start && end && end.getTime() < start.getTime()) {
        issues.push({ path: ["itinerary", i, "end"], message: "ends before it starts" });
      }
    });
  }
  const unique = (what: string, field: string) => {
    const seen = new Map<string, number>();
    list(trip[what]).forEach((entry, i) => {
      const k = str(record(entry)[field]);
      if (k === undefined) return;
      const first = seen.get(k);
      if (first !== undefined) {
        issues.push({
          path: [what, i, field],
          message: `duplicate ${field} "${k}" (already used by ${what}[${first}])`,
        });
      } else seen.set(k, i);
    });
  };
  const weigh = (value: unknown, path: (string | number)[]) => {
    const bytes = Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
    if (bytes > MAX_FACT_BYTES) {
      issues.push({
        path,
        message: `is too large to store: ${Math.ceil(bytes / 1000)} KB, at most ${MAX_FACT_BYTES / 1000} KB (split it up)`,
      });
    }
  };
  weigh(trip.event, ["event"]);
  for (const what of ["places", "itinerary", "rules", "faq"] as const) {
    list(trip[what]).forEach((entry, i) => {
      weigh(entry, [what, i]);
    });
  }
  unique("itinerary", "id");
  unique("faq", "id");
  unique("rules", "topic");
  unique("places", "id");
  return issues;
}

export const TripFileSchema = TripFileShape.check(
  z.superRefine((trip, ctx) => {
    for (const issue of tripSemanticIssues(trip)) ctx.addIssue({ code: "custom", ...issue });
  }),
);

/**
 * Checks a trip file against the schema, with zod's English messages ("Too big: expected array
 * to have <=200 items"): the mini build has none of its own, and organisers read them.
 */
export const checkTripFile = (input: unknown) =>
  TripFileSchema.safeParse(input, { error: en().localeError });

/** A trip file as written (after defaults). */
export type TripFile = z.output<typeof TripFileSchema>;
export type Place = z.output<typeof PlaceSchema>;
export type ItineraryItemFile = z.output<typeof ItineraryItemSchema>;
export type RuleTopic = z.output<typeof RuleTopicSchema>;
export type FaqEntry = z.output<typeof FaqEntrySchema>;
export type Contact = z.output<typeof ContactSchema>;
