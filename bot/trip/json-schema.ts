import * as z from "zod/mini";
import { organiserIds, TripFileShape } from "./schema";

/** What the JSON Schema says about a platform's organiser ids. */
export interface OrganiserIds {
  name: string;
  /** "Slack user ids (U…)" */
  userIds: string;
}

/**
 * JSON Schema of the trip file, for editor completion (`npm run schema`), with the given
 * platforms' organisers: one list per platform the bot speaks, described. Apart from the
 * schema so that zod's JSON Schema writer stays out of the functions' bundles.
 */
export function tripJsonSchema(platforms: readonly OrganiserIds[]): Record<string, unknown> {
  const none = Object.fromEntries(platforms.map((p) => [p.name, []]));
  const organisers = z.strictObject(
    Object.fromEntries(platforms.map((p) => [p.name, organiserIds(p.userIds)])),
  );
  const shape = z.extend(TripFileShape, { organisers: z._default(organisers, none) });
  return {
    ...z.toJSONSchema(shape, { io: "input", unrepresentable: "any" }),
    title: "Trip file",
  };
}
