/**
 * The baseline for the Discord cold-start bench: the hello world of a discord.js bot on Lambda
 * over HTTP interactions. It verifies the signature (node:crypto, as ours does), reads one
 * DynamoDB item and answers with an embed built by discord.js.
 */
import { createPublicKey, verify } from "node:crypto";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { EmbedBuilder, InteractionResponseType, InteractionType, MessageFlags } from "discord.js";

const key = createPublicKey({
  key: Buffer.concat([
    Buffer.from("302a300506032b6570032100", "hex"),
    Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? "", "hex"),
  ]),
  format: "der",
  type: "spki",
});
const db = new DynamoDBClient({
  endpoint: process.env.DYNAMODB_ENDPOINT,
  region: "local",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});

export async function handler(event: APIGatewayProxyEventV2) {
  const body = event.body ?? "";
  const signature = event.headers["x-signature-ed25519"] ?? "";
  const timestamp = event.headers["x-signature-timestamp"] ?? "";
  if (!verify(null, Buffer.from(timestamp + body), key, Buffer.from(signature, "hex"))) {
    return { statusCode: 401, headers: {}, body: "" };
  }
  const interaction = JSON.parse(body);
  if (interaction.type === InteractionType.Ping) {
    return {
      statusCode: 200,
      headers: {},
      body: JSON.stringify({ type: InteractionResponseType.Pong }),
    };
  }
  const { Item } = await db.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: "HELLO" }, sk: { S: "WORLD" } },
    }),
  );
  const embed = new EmbedBuilder().setTitle(`Hello${Item ? " again" : ""}, world`);
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        embeds: [embed.toJSON()],
        flags: MessageFlags.Ephemeral,
        allowed_mentions: { parse: [] },
      },
    }),
  };
}
