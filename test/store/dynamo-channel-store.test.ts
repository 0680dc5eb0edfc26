import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoChannelStore } from "../../bot/store/dynamo-channel-store";
import { createDocumentClient, ensureTable } from "../../bot/store/dynamo-client";
import { type LocalDynamo, startLocalDynamo } from "../../bot/store/local-dynamo";
import { keys } from "../../bot/store/table";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

describe("DynamoChannelStore: workspace records written before each channel had its own", () => {
  let server: LocalDynamo;
  let doc: ReturnType<typeof createDocumentClient>;
  const tableName = "legacy-workspace";
  beforeAll(async () => {
    server = await startLocalDynamo();
    doc = createDocumentClient({ tableName, endpoint: server.endpoint });
    await ensureTable(doc, tableName);
  });
  afterAll(async () => {
    doc.destroy();
    await server.close();
  });

  it("still count, until a channel of the workspace is relinked away from that trip", async () => {
    const channels = new DynamoChannelStore(doc, tableName);
    // As the old code left it: channel A linked to trip-1, then relinked to trip-2.
    await channels.link("slack", "A", "trip-1", "U1");
    for (const trip of ["trip-1", "trip-2"]) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: keys.workspace("slack", "T1"), sk: keys.workspaceTrip(trip), tripId: trip },
        }),
      );
    }
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-1", "trip-2"]);
    await channels.link("slack", "A", "trip-2", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-2"]);
  });
});
