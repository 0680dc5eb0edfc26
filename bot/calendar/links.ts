import type { CalendarTokens } from "../store/calendar-tokens";

/** What the `calendar` and `offline` commands need to hand out the trip's links. */
export interface CalendarLinks {
  tokens: CalendarTokens;
  /** Where the HTTP API answers, ending in "/": `https://abc.execute-api.eu-west-1.amazonaws.com/`. */
  baseUrl: string;
}

/** The local server's address when nothing else is configured (`npm start`, port 3000). */
export const LOCAL_BASE_URL = "http://127.0.0.1:3000/";

/**
 * The API's public base URL: PUBLIC_BASE_URL (the stack sets it from the HTTP API's URL), else,
 * outside Lambda, the local server on PORT. In Lambda without it there is no link to give.
 */
export function publicBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const configured = env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.endsWith("/") ? configured : `${configured}/`;
  if (env.AWS_LAMBDA_FUNCTION_NAME) return undefined;
  return env.PORT ? `http://127.0.0.1:${env.PORT}/` : LOCAL_BASE_URL;
}

/** The trip's links: the feed (https and webcal) and the offline pack. */
export function calendarUrls(baseUrl: string, token: string) {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const https = `${base}calendar/${token}.ics`;
  return {
    https,
    webcal: https.replace(/^https?:\/\//, "webcal://"),
    pdf: `${base}calendar/${token}.pdf`,
  };
}
