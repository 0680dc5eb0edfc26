import { discord } from "../bot/discord/platform";
import { lambdaHttp } from "../bot/lambda/http";

/** Discord's Lambda entry point (API Gateway HTTP API, payload v2.0), and its own deferred jobs. */
export const handler = lambdaHttp(discord);
