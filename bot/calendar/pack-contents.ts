import type { Trip } from "../trip/model";

/**
 * Whatever the trip file marks `offline: false` (an item, a rule topic, a FAQ entry, an event
 * fact, a contact) is left out of the offline pack, for what travellers should not carry across
 * a border.
 */
const inPack = (entry: { offline?: boolean }) => entry.offline !== false;

/** What goes into the pack, and how many entries were left out. */
export function packContents(trip: Trip) {
  const facts = trip.event.facts.filter(inPack);
  const days = trip.days
    .map((day) => ({ ...day, items: day.items.filter(inPack) }))
    .filter((day) => day.items.length > 0);
  const rules = trip.rules.filter(inPack);
  const faq = trip.faq.filter(inPack);
  const allContacts = trip.file.contacts ?? [];
  const contacts = allContacts.filter(inPack);
  const leftOut =
    trip.event.facts.length -
    facts.length +
    trip.itinerary.filter((i) => !inPack(i)).length +
    trip.rules.length -
    rules.length +
    trip.faq.length -
    faq.length +
    allContacts.length -
    contacts.length;
  const emergency = faq.filter((f) =>
    /emergenc|urgent|contact/i.test([f.id, f.question, ...f.keywords].join(" ")),
  );
  return { facts, days, rules, faq, emergency, contacts, leftOut };
}
