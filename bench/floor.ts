/**
 * The floor for both platform benches: a handler that checks the request's signature (Slack's
 * HMAC or Discord's Ed25519, with node:crypto) and reads the trip with one Query on a bare
 * DynamoDB client, and answers with the item count. No bot could answer with less.
 */
import { createHmac, createPublicKey, timingSafeEqual, verify } from "node:crypto";
import { DynamoDBClient, QueryCommand } from "@aws-sdk/client-dynamodb";
import type { APIGatewayProxyEventV2 } from "aws-lambda";

const db = new DynamoDBClient({
  endpoint: process.env.DYNAMODB_ENDPOINT,
  region: "local",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});

function signed(event: APIGatewayProxyEventV2, body: string): boolean {
  const h = event.headers;
  if (h["x-slack-signature"]) {
    const ts = h["x-slack-request-timestamp"] ?? "";
    const mac = createHmac("sha256", process.env.SLACK_SIGNING_SECRET ?? "")
      .update(`v0:${ts}:${body}`)
      .digest("hex");
    const given = Buffer.from(h["x-slack-signature"]);
    const wanted = Buffer.from(`v0=${mac}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  const key = createPublicKey({
    key: Buffer.concat([
      Buffer.from("302a300506032b6570032100", "hex"),
      Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? "", "hex"),
    ]),
    format: "der",
    type: "spki",
  });
  const message = Buffer.from((h["x-signature-timestamp"] ?? "") + body);
  return verify(null, message, key, Buffer.from(h["x-signature-ed25519"] ?? "", "hex"));
}

export async function handler(event: APIGatewayProxyEventV2) {
  const body = event.body ?? "";
  if (!signed(event, body)) return { statusCode: 401, headers: {}, body: "" };
  const { Count } = await db.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: "TRIP#pyongyang-marathon-2025" } },
    }),
  );
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ type: 4, data: { content: `${Count} items`, flags: 64 } }),
  };
}
