import type { APIGatewayProxyEventV2 } from "aws-lambda";

/** A GET as API Gateway's HTTP API (payload v2.0) hands it to the calendar function. */
export function calendarGet(
  path: string,
  headers: Record<string, string> = {},
  method = "GET",
): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "GET /calendar/{file}",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "abc123.execute-api.eu-west-1.amazonaws.com", ...headers },
    pathParameters: { file: path.split("/").pop() ?? "" },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "abc123",
      http: {
        method,
        path,
        protocol: "HTTP/1.1",
        sourceIp: "127.0.0.1",
        userAgent: "Calendar/1.0",
      },
      requestId: "req",
      routeKey: "GET /calendar/{file}",
      stage: "$default",
      time: "24/Nov/2026:10:00:00 +0000",
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

/** The path part of a link the bot handed out. */
export const pathOf = (url: string) => new URL(url).pathname;
