import { DateTime } from "luxon";
import { type TripFile, TripFileSchema } from "../../bot/trip/schema";

/**
 * A valid trip whose itinerary is `items` items, the first starting at `firstStart`, one every
 * `spacingMinutes`, each with the given reminder lead times: for reminder and load tests.
 */
export function syntheticTrip(options: {
  id: string;
  items: number;
  firstStart: Date;
  spacingMinutes?: number;
  leads?: string[];
  organisers?: Record<string, string[]>;
}): TripFile {
  const spacing = options.spacingMinutes ?? 10;
  const wall = (d: Date) => DateTime.fromJSDate(d, { zone: "UTC" }).toFormat("yyyy-MM-dd HH:mm");
  return TripFileSchema.parse({
    id: options.id,
    name: `Trip ${options.id}`,
    timeZone: "UTC",
    organisers: options.organisers ?? {},
    defaultReminders: options.leads ?? ["1h"],
    event: {
      name: `Race of ${options.id}`,
      start: wall(options.firstStart),
      startPlace: { name: "Stadium" },
    },
    itinerary: Array.from({ length: options.items }, (_, i) => ({
      id: `item-${i}`,
      start: wall(new Date(options.firstStart.getTime() + i * spacing * 60_000)),
      title: `Item ${i}`,
      place: "Somewhere",
    })),
  });
}
