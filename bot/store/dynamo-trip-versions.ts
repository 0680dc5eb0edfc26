import { BatchGetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { withRetries } from "../retry";
import { DynamoFactStore } from "./dynamo-fact-store";
import { keys } from "./table";
import type { TripVersions, VersionQuery, Versions } from "./trip-versions";

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;

const BATCH_ATTEMPTS = 6;

/**
 * The stamps on the fact table, all in one BatchGetItem, strongly consistent: the channel's
 * link item, the trip index, and each trip's HEAD (only the attributes that say which).
 */
export class DynamoTripVersions implements TripVersions {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read({ channel, tripIds, revisions = [] }: VersionQuery): Promise<Versions> {
    const link = channel && {
      pk: keys.channel(channel.platform, channel.channelId),
      sk: keys.link,
    };
    const heads = revisions.map((id) => ({ pk: keys.tripPartition(id), sk: keys.head }));
    const wanted = [...(link ? [link] : []), ...(tripIds ? [keys.tripIndex] : []), ...heads];
    const items = await this.getAll(wanted);
    const found = (key: Key) => items.get(`${key.pk}\n${key.sk}`);
    const index = tripIds ? found(keys.tripIndex) : undefined;
    return {
      ...(link ? { link: (found(link)?.tripId as string | undefined) ?? null } : {}),
      ...(tripIds
        ? { tripIds: index ? [...(index.ids as Set<string>)].sort() : await this.listedIds() }
        : {}),
      revisions: Object.fromEntries(
        revisions.map((id, i) => [id, Number(found(heads[i] as Key)?.revision ?? 0)]),
      ),
    };
  }

  /** One BatchGetItem (again only for keys DynamoDB leaves unprocessed under throttling). */
  private async getAll(wanted: Key[]): Promise<Map<string, Item>> {
    const items = new Map<string, Item>();
    if (wanted.length === 0) return items;
    const last = await withRetries<Key[]>(
      async (unprocessed) => {
        const out = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: unprocessed ?? wanted,
                ConsistentRead: true,
                ProjectionExpression: "pk, sk, tripId, ids, revision",
              },
            },
          }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          items.set(`${item.pk}\n${item.sk}`, item);
        }
        const left = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Key[];
        return left.length === 0
          ? { ok: true, value: left }
          : { ok: false, retryable: true, value: left };
      },
      { attempts: BATCH_ATTEMPTS },
    );
    if (!last.ok) throw new Error("DynamoDB kept returning unprocessed keys; try again");
    return items;
  }

  /** A table whose trips were all loaded before the trip index existed: read the list itself. */
  private async listedIds(): Promise<string[]> {
    const trips = await new DynamoFactStore(this.doc, this.tableName).listTrips();
    return trips.map((t) => t.id).sort();
  }
}
