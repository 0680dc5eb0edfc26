import { afterAll, describe, expect, it } from "vitest";
import { storeKinds } from "../helpers/store-kinds";

describe.each(storeKinds())("the ChannelStore contract, $name", (kind) => {
  afterAll(() => kind.close());

  it("links a channel to a trip, per platform, and unlinks it", async () => {
    const { channels } = await kind.fresh();
    expect(await channels.linkedTrip("slack", "C1")).toBeUndefined();
    await channels.link("slack", "C1", "trip-a", "U1");
    expect(await channels.linkedTrip("slack", "C1")).toBe("trip-a");
    // The same channel id on another platform is another channel.
    expect(await channels.linkedTrip("discord", "C1")).toBeUndefined();
    await channels.link("slack", "C1", "trip-b", "U1");
    expect(await channels.linkedTrip("slack", "C1")).toBe("trip-b");
    expect(await channels.unlink("slack", "C1")).toBe("trip-b");
    expect(await channels.linkedTrip("slack", "C1")).toBeUndefined();
    expect(await channels.unlink("slack", "C1")).toBeUndefined();
  });

  it("subscribes channels to a trip's reminders and lists them", async () => {
    const { channels } = await kind.fresh();
    await channels.setSubscribed("trip-a", "slack", "C2", true, "U1");
    await channels.setSubscribed("trip-a", "discord", "D1", true, "U1");
    await channels.setSubscribed("trip-a", "slack", "C1", true, "U1");
    await channels.setSubscribed("trip-b", "slack", "C3", true, "U1");
    expect(await channels.isSubscribed("trip-a", "slack", "C1")).toBe(true);
    expect(await channels.isSubscribed("trip-b", "slack", "C1")).toBe(false);
    expect(await channels.subscriptions("trip-a")).toEqual([
      { tripId: "trip-a", platform: "discord", channelId: "D1" },
      { tripId: "trip-a", platform: "slack", channelId: "C1" },
      { tripId: "trip-a", platform: "slack", channelId: "C2" },
    ]);
    await channels.setSubscribed("trip-a", "slack", "C1", false, "U1");
    expect(await channels.isSubscribed("trip-a", "slack", "C1")).toBe(false);
    expect((await channels.subscriptions("trip-a")).map((s) => s.channelId)).toEqual(["D1", "C2"]);
    expect(await channels.subscriptions("no-trip")).toEqual([]);
  });

  it("moves a subscription with the channel's link, and unlinking ends it", async () => {
    const { channels } = await kind.fresh();
    await channels.link("slack", "C1", "trip-a", "U1");
    await channels.setSubscribed("trip-a", "slack", "C1", true, "U1");
    await channels.link("slack", "C1", "trip-b", "U1");
    expect(await channels.isSubscribed("trip-a", "slack", "C1")).toBe(false);
    expect(await channels.isSubscribed("trip-b", "slack", "C1")).toBe(true);
    await channels.unlink("slack", "C1");
    expect(await channels.isSubscribed("trip-b", "slack", "C1")).toBe(false);
    // A channel that was not subscribed stays unsubscribed when it is linked elsewhere.
    await channels.link("slack", "C2", "trip-a", "U1");
    await channels.link("slack", "C2", "trip-b", "U1");
    expect(await channels.isSubscribed("trip-b", "slack", "C2")).toBe(false);
  });

  it("remembers the trips a workspace's channels were linked to, and nobody else's", async () => {
    const { channels } = await kind.fresh();
    await channels.link("slack", "C1", "trip-b", "U1", "T1");
    await channels.link("slack", "C2", "trip-a", "U1", "T1");
    await channels.link("slack", "C3", "trip-a", "U1", "T1");
    await channels.link("slack", "C4", "trip-c", "U1", "T2");
    await channels.link("discord", "D1", "trip-c", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-a", "trip-b"]);
    expect(await channels.workspaceTrips("slack", "T2")).toEqual(["trip-c"]);
    expect(await channels.workspaceTrips("slack", "T3")).toEqual([]);
  });

  it("counts each channel once, for its latest link: a relink and back restores the one trip", async () => {
    const { channels } = await kind.fresh();
    await channels.link("slack", "A", "trip-1", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-1"]);
    await channels.link("slack", "A", "trip-2", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-2"]);
    await channels.link("slack", "A", "trip-1", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-1"]);
    // Two channels on two trips are two trips, until one follows the other.
    await channels.link("slack", "B", "trip-2", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-1", "trip-2"]);
    await channels.link("slack", "B", "trip-1", "U1", "T1");
    expect(await channels.workspaceTrips("slack", "T1")).toEqual(["trip-1"]);
  });

  it("keeps a channel's mention on its subscription until it is changed or turned off", async () => {
    const { channels } = await kind.fresh();
    await channels.setSubscribed("trip", "discord", "D1", true, "U1", {
      mention: { kind: "role", id: "123" },
    });
    await channels.setSubscribed("trip", "slack", "C1", true, "U1");
    expect(await channels.subscriptions("trip")).toEqual([
      {
        tripId: "trip",
        platform: "discord",
        channelId: "D1",
        mention: { kind: "role", id: "123" },
      },
      { tripId: "trip", platform: "slack", channelId: "C1" },
    ]);
    // Turning reminders on again keeps it; "mention=off" (null) removes it.
    await channels.setSubscribed("trip", "discord", "D1", true, "U1");
    expect((await channels.subscriptions("trip"))[0]?.mention).toEqual({ kind: "role", id: "123" });
    await channels.setSubscribed("trip", "discord", "D1", true, "U1", { mention: null });
    expect((await channels.subscriptions("trip"))[0]?.mention).toBeUndefined();
  });

  it("keeps a channel's Retry-After (the later one wins) and its last run", async () => {
    const { channels } = await kind.fresh();
    expect(await channels.deliveryState("slack", "C1")).toEqual({});
    const later = new Date("2025-04-05T12:01:05Z");
    await channels.holdDeliveries("slack", "C1", later);
    await channels.holdDeliveries("slack", "C1", new Date("2025-04-05T12:00:30Z"));
    const report = {
      at: new Date("2025-04-05T12:00:00Z"),
      sent: 2,
      missed: 1,
      deferred: 0,
      reasons: ["too late: …"],
    };
    await channels.recordRun("slack", "C1", report);
    expect(await channels.deliveryState("slack", "C1")).toEqual({
      notBefore: later,
      lastRun: report,
    });
    expect(await channels.deliveryState("discord", "C1")).toEqual({});
  });
});
