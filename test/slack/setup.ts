import { type Bot, createBot } from "../../bot/core";
import { slackHandlerFromEnv } from "../../bot/slack/from-env";
import type { SlackHandler } from "../../bot/slack/handler";
import type { Trip } from "../../bot/trip/model";
import { localTable } from "../helpers/local-table";
import { SECRET } from "./signed";

/** A week before the Pyongyang race: answers are exact because "now" is fixed. */
export const NOW = new Date("2025-03-30T00:00:00Z");

export interface SlackFixture {
  handler: SlackHandler;
  /** The same bot the handler uses, to compare an answer with the core's Reply. */
  bot: Bot;
  trip: Trip;
  close(): Promise<void>;
}

/** The exported handler's factory over a real local table holding one trip file. */
export async function slackFixture(
  tripFile: string,
  env: Record<string, string> = {},
): Promise<SlackFixture> {
  const table = await localTable({ trips: [tripFile] });
  const [summary] = await table.store.listTrips();
  const trip = summary ? await table.store.getTrip(summary.id) : undefined;
  if (!trip) throw new Error(`${tripFile} did not load`);
  const bot = createBot({ store: table.store, clock: () => NOW });
  const handler = slackHandlerFromEnv({
    env: { SLACK_SIGNING_SECRET: SECRET, TABLE_NAME: table.tableName, ...env },
    runtime: { store: table.store, bot },
  });
  return { handler, bot, trip, close: () => table.close() };
}

export interface SlackAnswer {
  response_type?: string;
  text: string;
  blocks: {
    type: string;
    text?: { text: string };
    fields?: { text: string }[];
    elements?: { text?: string | { text: string }; action_id?: string; value?: string }[];
  }[];
}

/** Everything a reader sees in an answer, as one string. */
export function visibleText(answer: SlackAnswer): string {
  return answer.blocks
    .flatMap((b) => [
      b.text?.text ?? "",
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) =>
        typeof e.text === "string" ? e.text : (e.text?.text ?? ""),
      ),
    ])
    .join("\n");
}
