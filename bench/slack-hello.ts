/**
 * The baseline for the Slack cold-start bench: a plain Bolt AwsLambdaReceiver app whose slash
 * command reads one DynamoDB item and says hello. `authorize` replaces a token so that neither
 * this nor the real handler calls auth.test over the network.
 */
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { App, AwsLambdaReceiver } from "@slack/bolt";

const receiver = new AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? "" });
const app = new App({ receiver, authorize: async () => ({ botToken: "xoxb-hello" }) });
const db = new DynamoDBClient({
  endpoint: process.env.DYNAMODB_ENDPOINT,
  region: "local",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});

app.command(/.*/, async ({ ack, command }) => {
  const { Item } = await db.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: "HELLO" }, sk: { S: command.text || "WORLD" } },
    }),
  );
  await ack({ response_type: "ephemeral", text: `Hello${Item ? " again" : ""}, world` });
});

export const handler = receiver.toHandler();
