import type { IncomingMessage, ServerResponse } from "node:http";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { readRequestBody } from "../bot/local-api";

/** What the Lambda handlers answer (API Gateway HTTP API, payload v2.0). */
export interface LambdaHttpResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export type LambdaHttpHandler = (event: APIGatewayProxyEventV2) => Promise<LambdaHttpResult>;

/** API Gateway hands text bodies over as they are and anything else base64-encoded. */
function isText(contentType: string | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    type.startsWith("text/") ||
    type === "application/json" ||
    type === "application/x-www-form-urlencoded" ||
    type.endsWith("+json")
  );
}

/**
 * A Node request as API Gateway's HTTP API (payload v2.0) would pass it to a Lambda: header
 * names in lower case, repeated headers joined by commas, cookies apart, and the raw bytes kept
 * (base64 when they are not text), since the platforms sign exactly those bytes.
 */
export function toApiGatewayEvent(
  req: IncomingMessage,
  body: Buffer,
  now: Date = new Date(),
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = (req.rawHeaders[i] as string).toLowerCase();
    const value = req.rawHeaders[i + 1] as string;
    if (name === "cookie") continue;
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const cookies = req.headers.cookie?.split(/;\s*/).filter(Boolean);
  const method = req.method ?? "GET";
  const base64 = body.length > 0 && !isText(headers["content-type"]);
  const epoch = now.getTime();
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(url.search
      ? { queryStringParameters: Object.fromEntries(url.searchParams.entries()) }
      : {}),
    requestContext: {
      accountId: "local",
      apiId: "local",
      domainName: headers.host ?? "127.0.0.1",
      domainPrefix: "local",
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: `local-${epoch.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      routeKey: "$default",
      stage: "$default",
      time: now.toISOString(),
      timeEpoch: epoch,
    },
    ...(body.length > 0 || method === "POST"
      ? { body: base64 ? body.toString("base64") : body.toString("utf8"), isBase64Encoded: base64 }
      : { isBase64Encoded: false }),
  };
}

export function writeLambdaResult(res: ServerResponse, result: LambdaHttpResult): void {
  const body = Buffer.from(result.body ?? "", result.isBase64Encoded ? "base64" : "utf8");
  res.writeHead(result.statusCode, { ...result.headers, "content-length": String(body.length) });
  res.end(body);
}

/** Serves one HTTP request through a Lambda handler, as API Gateway would. */
export async function serveThroughLambda(
  handler: LambdaHttpHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readRequestBody(req);
  writeLambdaResult(res, await handler(toApiGatewayEvent(req, body)));
}
