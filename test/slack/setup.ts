import { inProcessAfterResponse } from "../../bot/after-response";
import { type Bot, createBot } from "../../bot/core";
import { type LambdaHttpHandler, type LambdaHttpOptions, lambdaHttp } from "../../bot/lambda/http";
import { slack } from "../../bot/slack/platform";
import type { Trip } from "../../bot/trip/model";
import { localTable } from "../helpers/local-table";
import { SECRET } from "./signed";

/** A week before the Pyongyang race: answers are exact because "now" is fixed. */
export const NOW = new Date("2025-03-30T00:00:00Z");

export type SlackHandler = LambdaHttpHandler;

/**
 * Slack's Lambda handler as `handlers/slack.ts` builds it, with the given options; work after
 * the response runs in this process, and `idle()` waits for it.
 */
export function slackHandler(options: LambdaHttpOptions = {}) {
  const running: { idle(): Promise<void> }[] = [];
  const failures: unknown[] = [];
  const handler = lambdaHttp(slack, {
    later: (run) => {
      const later = inProcessAfterResponse(run, (e) => failures.push(e));
      running.push(later);
      return later;
    },
    ...options,
  });
  return Object.assign(handler, {
    /** Waits for the work after the responses; fails if any of it threw. */
    idle: async () => {
      for (const later of running) await later.idle();
      if (failures.length > 0) throw failures[0];
    },
  });
}

export interface SlackFixture {
  handler: SlackHandler & { idle(): Promise<void> };
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
  const handler = slackHandler({
    env: { SLACK_SIGNING_SECRET: SECRET, TABLE_NAME: table.tableName, ...env },
    bot: () => bot,
  });
  const close = async () => {
    await handler.idle();
    await table.close();
  };
  return { handler, bot, trip, close };
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
