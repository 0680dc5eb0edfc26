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

  it("tells the next claim a delivery left for retry after an ambiguous attempt is uncertain", async () => {
    const { ledger } = await kind.fresh();
    await ledger.claim(KEY, "run-1", T, LEASE);
    await ledger.finish(KEY, "run-1", {
      state: "retry",
      parts: 0,
      reason: "timed out; could not ask slack",
      uncertain: true,
      now: at(1),
    });
    expect(await ledger.record(KEY)).toMatchObject({ state: "retry", uncertain: true });
    expect(await ledger.claim(KEY, "run-2", at(60), LEASE)).toMatchObject({
      status: "claimed",
      uncertain: true,
    });
    // A plain retry after that is certain again.
    await ledger.finish(KEY, "run-2", { state: "retry", parts: 0, reason: "503", now: at(61) });
    expect(await ledger.claim(KEY, "run-3", at(120), LEASE)).toMatchObject({ uncertain: false });
  });

  it("records a delivery skipped without an attempt as missed, with its reason, unless another run holds it", async () => {
    const { ledger } = await kind.fresh();
    expect(await ledger.record(KEY)).toBeUndefined();
    expect(
      await ledger.skip(KEY, "run-1", { reason: "superseded: the 1 hour reminder", now: T }),
    ).toBe(true);
    expect(await ledger.record(KEY)).toMatchObject({
      state: "missed",
      reason: "superseded: the 1 hour reminder",
    });
    expect(await ledger.claim(KEY, "run-2", at(1), LEASE)).toEqual({
      status: "done",
      state: "missed",
    });
    const held = { ...KEY, channelId: "C2" };
    await ledger.claim(held, "run-1", T, LEASE);
    expect(await ledger.skip(held, "run-2", { reason: "channel gone", now: at(1) })).toBe(false);
    expect(await ledger.record(held)).toMatchObject({ state: "sending", runId: "run-1" });
  });

  it("keeps a change alert's delivery apart from the item's reminders, per revision", async () => {
    const { ledger } = await kind.fresh();
    const alert = { ...KEY, leadMinutes: 0, alertRevision: 3 };
    await ledger.claim(KEY, "run-1", T, LEASE);
    expect((await ledger.claim(alert, "run-1", T, LEASE)).status).toBe("claimed");
    expect((await ledger.claim({ ...alert, alertRevision: 4 }, "run-1", T, LEASE)).status).toBe(
      "claimed",
    );
    expect(await ledger.claim(alert, "run-2", at(1), LEASE)).toEqual({ status: "busy" });
  });
});
