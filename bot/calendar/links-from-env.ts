import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoCalendarTokens } from "../store/dynamo-calendar-tokens";
import { type CalendarLinks, publicBaseUrl } from "./links";

// Apart from bot/calendar/from-env.ts, so the chat functions that hand out links never load
// the feed's and the PDF's libraries.
/** The calendar and offline commands' links, when the environment gives a public URL. */
export function calendarLinksFromEnv(
  env: NodeJS.ProcessEnv,
  doc: DynamoDBDocumentClient,
  tableName: string,
): CalendarLinks | undefined {
  const baseUrl = publicBaseUrl(env);
  return baseUrl ? { baseUrl, tokens: new DynamoCalendarTokens(doc, tableName) } : undefined;
}
