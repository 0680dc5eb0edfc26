import { text } from "../reply";
import type { TripCommand } from "./context";
import { answer, moment, Sources } from "./format";

export const facts: TripCommand = {
  name: "facts",
  aliases: ["race", "event", "about"],
  shows: (e) => e.kind === "fact",
  summary: "Facts about the event, each with its source",
  usage: "",
  examples: ["facts"],
  run({ trip }) {
    const { event } = trip;
    const sources = new Sources();
    return answer(event.name, [
      {
        type: "fields",
        fields: [
          { label: "Start", value: [moment(trip, event.startAt, "datetime")] },
          {
            label: "Start place",
            value: [
              text(event.startPlace.name),
              text(sources.cite(event.startPlace.source ?? event.source)),
            ],
          },
          ...(event.distances.length > 0
            ? [{ label: "Distances", value: [text(event.distances.join(", "))] }]
            : []),
          ...(event.url
            ? [
                {
                  label: "Website",
                  value: [{ type: "link" as const, url: event.url, text: event.url }],
                },
              ]
            : []),
        ],
      },
      ...(event.facts.length > 0
        ? [
            {
              type: "list" as const,
              items: event.facts.map((f) => [
                text(f.text),
                text(sources.cite(f.source ?? event.source)),
              ]),
            },
          ]
        : []),
      ...sources.block(),
    ]);
  },
};
