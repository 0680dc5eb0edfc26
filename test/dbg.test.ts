import { it } from "vitest";
import { discordText, outsideFixture, slackText } from "./helpers/outside-trips";

const WEDDING = `
id: lisbon-wedding
name: Ana and Ben's wedding weekend
timeZone: Europe/Lisbon
timeZoneLabel: Lisbon
command: wedding
organisers: { slack: [UORG1], discord: ["900"] }
contacts:
  - { name: Rita, role: Wedding planner, phone: "+351 900 000 000" }
event: { name: Ana and Ben's wedding, start: 2027-06-12 16:00, startPlace: { name: Quinta da Regaleira } }
places:
  - { id: hotel, name: Hotel Tivoli, description: Where the guests stay }
itinerary:
  - { id: welcome, start: 2027-06-11 19:00, title: Welcome drinks, place: Hotel Tivoli }
  - { id: shuttle, start: 2027-06-12 15:00, title: Shuttle bus to the quinta, place: Hotel Tivoli }
  - { id: ceremony, start: 2027-06-12 16:00, title: Ceremony, place: Quinta da Regaleira }
  - { id: brunch, start: 2027-06-13 11:00, title: Farewell brunch, place: Hotel Tivoli }
faq:
  - id: dress
    question: What is the dress code?
    answer: Summer formal.
`;
it("x", async () => {
  const f = await outsideFixture([WEDDING], new Date("2027-06-11T10:00:00Z"));
  const s = async (t: string) =>
    console.log(
      `SLACK /wedding ${t}\n${slackText((await f.slack(t, { command: "wedding" })).body)}\n`,
    );
  const d = async (sub: string, v?: string) =>
    console.log(`DISCORD ${sub} ${v ?? ""}\n${discordText(await f.discord(sub, v))}\n`);
  for (const t of [
    "",
    "itinerary wedding day",
    "itinerary day of the wedding",
    "itinerary tonight",
    "itinerary Tomorrow?",
    "itinerary next saturday",
    "itinerary this weekend",
    "itinerary 12/6",
    "itinerary 6/12",
    "itinerary 2027-06-12",
    "itinerary day 9",
    "itinerary yesterday",
    "when",
    "next",
    "ask",
    "faq",
    "xyz",
    "itinerary d2",
    "tmrw",
    "what's on tomorrow",
    "where is the shuttle",
  ])
    await s(t);
  await d("blorf", "hello");
  await d("ask");
  await d("itinerary", "tmrw");
  await d("faq");
  await f.close();
});
