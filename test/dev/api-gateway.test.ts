import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveThroughLambda } from "../../dev/api-gateway";

let seen: APIGatewayProxyEventV2 | undefined;
const server = createServer((req, res) =>
  serveThroughLambda(
    async (event) => {
      seen = event;
      return { statusCode: 201, headers: { "x-answer": "yes" }, body: "done" };
    },
    req,
    res,
  ),
);
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the API Gateway v2 event adapter", () => {
  it("passes a text body as sent, with lower-case headers, path and query", async () => {
    const body = "text=caf%C3%A9+%26+%3Cb%3E&command=%2Fmarathon";
    const response = await fetch(`${url}/slack/events?x=1`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Signature": "v0=ab",
      },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-answer")).toBe("yes");
    expect(await response.text()).toBe("done");
    expect(seen).toMatchObject({
      version: "2.0",
      rawPath: "/slack/events",
      rawQueryString: "x=1",
      body,
      isBase64Encoded: false,
      headers: { "x-slack-signature": "v0=ab" },
      requestContext: { http: { method: "POST", path: "/slack/events" } },
    });
  });

  it("base64-encodes a binary body, keeping every byte", async () => {
    const bytes = Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x7b, 0x7d]);
    await fetch(`${url}/discord/interactions`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: bytes,
    });
    expect(seen?.isBase64Encoded).toBe(true);
    expect(Buffer.from(seen?.body ?? "", "base64").equals(bytes)).toBe(true);
  });
});
