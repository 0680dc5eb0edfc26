import type { Mention } from "../delivery";
import type {
  ChannelDeliveryState,
  ChannelRunReport,
  ChannelStore,
  Subscription,
} from "./channel-store";

const channelKey = (platform: string, channelId: string) => `${platform}#${channelId}`;

/** Channel links and subscriptions in memory, for tests and one-process runs. */
export class MemoryChannelStore implements ChannelStore {
  private readonly links = new Map<string, string>();
  /** By platform and workspace: each of its channels and the trip it was last linked to. */
  private readonly workspaces = new Map<string, Map<string, string>>();
  /** By trip: its subscribed channels, by platform and channel id. */
  private readonly subscribed = new Map<string, Map<string, Subscription>>();
  private readonly delivery = new Map<string, ChannelDeliveryState>();

  async linkedTrip(platform: string, channelId: string): Promise<string | undefined> {
    return this.links.get(channelKey(platform, channelId));
  }

  async link(
    platform: string,
    channelId: string,
    tripId: string,
    by: string,
    workspaceId?: string,
  ): Promise<void> {
    const previous = this.links.get(channelKey(platform, channelId));
    this.links.set(channelKey(platform, channelId), tripId);
    if (workspaceId) {
      const key = channelKey(platform, workspaceId);
      this.workspaces.set(key, (this.workspaces.get(key) ?? new Map()).set(channelId, tripId));
    }
    if (
      previous &&
      previous !== tripId &&
      (await this.isSubscribed(previous, platform, channelId))
    ) {
      await this.setSubscribed(tripId, platform, channelId, true, by);
      await this.setSubscribed(previous, platform, channelId, false, by);
    }
  }

  async workspaceTrips(platform: string, workspaceId: string): Promise<string[]> {
    const channels = this.workspaces.get(channelKey(platform, workspaceId));
    return [...new Set(channels?.values())].sort();
  }

  async unlink(platform: string, channelId: string): Promise<string | undefined> {
    const tripId = this.links.get(channelKey(platform, channelId));
    this.links.delete(channelKey(platform, channelId));
    if (tripId) await this.setSubscribed(tripId, platform, channelId, false, "unlink");
    return tripId;
  }

  async isSubscribed(tripId: string, platform: string, channelId: string): Promise<boolean> {
    return this.subscribed.get(tripId)?.has(channelKey(platform, channelId)) ?? false;
  }

  async setSubscribed(
    tripId: string,
    platform: string,
    channelId: string,
    on: boolean,
    _by: string,
    options: { mention?: Mention | null } = {},
  ): Promise<void> {
    const channels = this.subscribed.get(tripId) ?? new Map<string, Subscription>();
    const key = channelKey(platform, channelId);
    if (on) {
      const kept = options.mention === undefined ? channels.get(key)?.mention : options.mention;
      channels.set(key, { tripId, platform, channelId, ...(kept ? { mention: kept } : {}) });
    } else channels.delete(key);
    this.subscribed.set(tripId, channels);
  }

  async subscriptions(tripId: string): Promise<Subscription[]> {
    const channels = this.subscribed.get(tripId) ?? new Map<string, Subscription>();
    return [...channels.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => structuredClone(s));
  }

  async deliveryState(platform: string, channelId: string): Promise<ChannelDeliveryState> {
    return structuredClone(this.delivery.get(channelKey(platform, channelId)) ?? {});
  }

  async holdDeliveries(platform: string, channelId: string, until: Date): Promise<void> {
    const state = this.delivery.get(channelKey(platform, channelId)) ?? {};
    if ((state.notBefore?.getTime() ?? 0) < until.getTime()) state.notBefore = new Date(until);
    this.delivery.set(channelKey(platform, channelId), state);
  }

  async recordRun(platform: string, channelId: string, report: ChannelRunReport): Promise<void> {
    const state = this.delivery.get(channelKey(platform, channelId)) ?? {};
    this.delivery.set(channelKey(platform, channelId), {
      ...state,
      lastRun: structuredClone(report),
    });
  }
}
