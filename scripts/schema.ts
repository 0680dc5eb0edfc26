/** `npm run schema`: writes trips/trip.schema.json from the zod schema, for editor completion. */
import { writeFile } from "node:fs/promises";
import { PLATFORMS } from "../bot/platforms";
import { tripJsonSchema } from "../bot/trip/json-schema";

export const SCHEMA_PATH = "trips/trip.schema.json";

await writeFile(SCHEMA_PATH, `${JSON.stringify(tripJsonSchema(PLATFORMS), null, 2)}\n`);
console.log(`Wrote ${SCHEMA_PATH}`);
