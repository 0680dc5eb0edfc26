import { afterAll, describe, expect, it } from "vitest";
import type { DeliveryKey } from "../../bot/store/delivery-ledger";
import { storeKinds } from "../helpers/store-kinds";

const KEY: DeliveryKey = {
  tripId: "trip",
  itemId: "race",
  leadMinutes: 60,
  platform: "slack",
  channelId: "C1",
};
const T = new Date("2025-04-05T12:00:00Z");
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);
const LEASE = 90_000;

describe.each(storeKinds())("the DeliveryLedger contract, $name", (kind) => {
  afterAll(() => kind.close());

  it("lets one run claim a delivery; another run finds it busy until it is finished", async () => {
    const { ledger } = await kind.fresh();
    expect(await ledger.claim(KEY, "run-1", T, LEASE)).toEqual({
      status: "claimed",
      attempts: 1,
      parts: 0,
      uncertain: false,
    });
    expect(await ledger.claim(KEY, "run-2", at(10), LEASE)).toEqual({ status: "busy" });
    // Only the run holding it may finish it.
    expect(await ledger.finish(KEY, "run-2", { state: "sent", parts: 1, now: at(11) })).toBe(false);
    expect(await ledger.finish(KEY, "run-1", { state: "sent", parts: 1, now: at(12) })).toBe(true);
    expect(await ledger.claim(KEY, "run-2", at(13), LEASE)).toEqual({
      status: "done",
      state: "sent",
    });
    // Sent is final: not even the run that sent it can record it again.
    expect(await ledger.finish(KEY, "run-1", { state: "retry", parts: 1, now: at(14) })).toBe(
      false,
    );
  });

  it("keeps each channel's delivery apart", async () => {
    const { ledger } = await kind.fresh();
    await ledger.claim(KEY, "run-1", T, LEASE);
    expect((await ledger.claim({ ...KEY, channelId: "C2" }, "run-1", T, LEASE)).status).toBe(
      "claimed",
    );
    expect((await ledger.claim({ ...KEY, leadMinutes: 1440 }, "run-1", T, LEASE)).status).toBe(
      "claimed",
    );
  });

  it("hands a delivery left for retry to the next run, with the parts already posted", async () => {
    const { ledger } = await kind.fresh();
    await ledger.claim(KEY, "run-1", T, LEASE);
    await ledger.finish(KEY, "run-1", { state: "retry", parts: 2, reason: "503", now: at(1) });
    expect(await ledger.claim(KEY, "run-2", at(60), LEASE)).toEqual({
      status: "claimed",
      attempts: 2,
      parts: 2,
      uncertain: false,
    });
  });

  it("gives a dead run's delivery to the next run once the lease runs out, marked uncertain", async () => {
    const { ledger } = await kind.fresh();
    await ledger.claim(KEY, "dead-run", T, LEASE);
    expect(await ledger.claim(KEY, "run-2", at(89), LEASE)).toEqual({ status: "busy" });
    expect(await ledger.claim(KEY, "run-2", at(91), LEASE)).toEqual({
      status: "claimed",
      attempts: 2,
      parts: 0,
      uncertain: true,
    });
    // The dead run, come back to life, cannot overwrite what the new holder records.
    expect(await ledger.finish(KEY, "dead-run", { state: "sent", parts: 1, now: at(92) })).toBe(
      false,
    );
    expect(await ledger.finish(KEY, "run-2", { state: "sent", parts: 1, now: at(93) })).toBe(true);
  });

  it("records a missed delivery as final", async () => {
    const { ledger } = await kind.fresh();
    await ledger.claim(KEY, "run-1", T, LEASE);
    expect(
      await ledger.finish(KEY, "run-1", { state: "missed", parts: 0, reason: "too late", now: T }),
    ).toBe(true);
    expect(await ledger.claim(KEY, "run-2", at(3600), LEASE)).toEqual({
      status: "done",
      state: "missed",
    });
  });
});
