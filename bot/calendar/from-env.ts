import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { DynamoCalendarTokens } from "../store/dynamo-calendar-tokens";
import { createDocumentClient, dynamoConfigFromEnv } from "../store/dynamo-client";
import { DynamoFactStore } from "../store/dynamo-fact-store";
import { type CalendarResponse, type CalendarServerDeps, calendarServer } from "./serve";

export type CalendarHandler = (event: APIGatewayProxyEventV2) => Promise<CalendarResponse>;

export interface CalendarHandlerOptions {
  env?: NodeJS.ProcessEnv;
  /** The ports and clock; by default the table named by TABLE_NAME and the real time. */
  deps?: CalendarServerDeps;
}

/** The ports on the environment's table (TABLE_NAME, and DYNAMODB_ENDPOINT locally). */
export function calendarDepsFromEnv(env: NodeJS.ProcessEnv): CalendarServerDeps {
  const config = dynamoConfigFromEnv(env);
  const doc = createDocumentClient(config);
  return {
    tokens: new DynamoCalendarTokens(doc, config.tableName),
    store: new DynamoFactStore(doc, config.tableName),
    clock: () => new Date(),
  };
}

/**
 * `GET /calendar/{token}.ics` and `.pdf` from API Gateway (HTTP API, payload v2.0). Built on
 * the first request and kept for the container; a failure answers 503 and is logged, and no
 * answer says more about a token than "not found".
 */
export function calendarHandlerFromEnv(options: CalendarHandlerOptions = {}): CalendarHandler {
  const env = options.env ?? process.env;
  const logger = new Logger({ serviceName: "trip-bot-calendar" });
  let serve: ReturnType<typeof calendarServer> | undefined;
  return async (event) => {
    try {
      serve ??= calendarServer(options.deps ?? calendarDepsFromEnv(env));
      return await serve({
        method: event.requestContext?.http?.method ?? "GET",
        path: event.rawPath ?? "",
        headers: event.headers ?? {},
      });
    } catch (e) {
      // Never the token: it is the link's secret.
      logger.error("calendar request failed", { error: e instanceof Error ? e.message : e });
      return {
        statusCode: 503,
        headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "60" },
        body: "Try again later",
      };
    }
  };
}
