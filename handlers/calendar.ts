import { calendarHandlerFromEnv } from "../bot/calendar/from-env";

/** The calendar feed and offline pack (API Gateway HTTP API, payload v2.0); see bot/calendar/. */
export const handler = calendarHandlerFromEnv();
