import { paragraph, text } from "../reply";
import { Matcher } from "../search/matcher";
import type { Trip } from "../trip/model";
import type { Suggestion, TripCommand } from "./context";
import { matchingEntries } from "./finding-reply";
import { answer, echoed, notice, Sources } from "./format";

const matchers = new WeakMap<Trip, Matcher>();

function rulesMatcher(trip: Trip): Matcher {
  let m = matchers.get(trip);
  if (!m) {
    m = new Matcher(
      trip.rules.map((r) => ({
        id: r.topic,
        fields: [
          { text: r.topic, weight: 3 },
          { text: r.title, weight: 2 },
          { text: r.rules.join(" "), weight: 1 },
        ],
      })),
    );
    matchers.set(trip, m);
  }
  return m;
}

function suggestTopics(trip: Trip, partial: string): Suggestion[] {
  const all = trip.rules.map((r) => ({ label: `${r.topic} — ${r.title}`, value: r.topic }));
  if (partial.trim() === "") return all;
  const ranked = rulesMatcher(trip)
    .search(partial, 25)
    .map((m) => m.id);
  const prefixed = all
    .filter((s) => s.value.startsWith(partial.trim().toLowerCase()))
    .map((s) => s.value);
  const order = [...new Set([...prefixed, ...ranked])];
  return order.flatMap((id) => all.filter((s) => s.value === id));
}

export const rules: TripCommand = {
  name: "rules",
  aliases: ["rule", "conduct"],
  summary: "The trip's rules by topic: the event's own, conduct in the country…",
  usage: "[topic]",
  examples: ["rules", "rules race", "rules photos"],
  examplesFor: (trip) => ["rules", ...trip.rules.slice(0, 1).map((r) => `rules ${r.topic}`)],
  option: { name: "topic", description: "A topic, like race or photos", suggest: suggestTopics },
  run({ trip, request }) {
    const cmd = `/${trip.command} rules`;
    if (trip.rules.length === 0) {
      return notice("Rules", [paragraph("The organiser has not published any rules yet.")]);
    }
    const q = request.input.trim().toLowerCase();
    const topicList = {
      type: "list" as const,
      items: trip.rules.map((r) => [text(r.topic, true), text(` — ${r.title}`)]),
    };
    if (q === "") {
      return answer("Rules: topics", [
        paragraph(`Ask for one topic with ${cmd} <topic>:`),
        topicList,
      ]);
    }
    const exact = trip.rules.find((r) => r.topic === q);
    const best = rulesMatcher(trip).search(q, 1)[0];
    const topic =
      exact ??
      (best && best.coverage >= 0.5 ? trip.rules.find((r) => r.topic === best.id) : undefined);
    if (!topic) {
      return notice(`No rules topic matches "${echoed(request.input)}"`, [
        ...matchingEntries(trip, q, "rule"),
        paragraph(`These are the topics; ask for one with ${cmd} <topic>:`),
        topicList,
      ]);
    }
    const sources = new Sources();
    sources.cite(topic.source);
    return answer(`Rules: ${topic.title}`, [
      { type: "list", items: topic.rules.map((r) => [text(r)]) },
      ...sources.block(),
    ]);
  },
};
