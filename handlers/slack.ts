import { lambdaHttp } from "../bot/lambda/http";
import { slack } from "../bot/slack/platform";

/** Slack's Lambda entry point (API Gateway HTTP API, payload v2.0). */
export const handler = lambdaHttp(slack);
