import { afterAll, describe, expect, it } from "vitest";
import { newProposalId, type Proposal } from "../../bot/store/proposal-store";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";
import { storeKinds } from "../helpers/store-kinds";

const NOW = new Date("2025-10-01T12:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  id: newProposalId(),
  tripId: "new-york-marathon-2025",
  platform: "discord",
  userId: "U1",
  channelId: "C1",
  file: tripFile(NEW_YORK),
  baseRevision: 3,
  expiresAt: later(15 * 60_000),
  ...overrides,
});

describe.each(storeKinds())("the ProposalStore contract, $name", (kind) => {
  afterAll(() => kind.close());

  it("keeps a proposal whole, the trip file included, until it is taken", async () => {
    const { proposals } = await kind.fresh();
    const p = proposal();
    await proposals.put(p);
    expect(await proposals.get(p.id, NOW)).toEqual(p);
    // Reading does not use it up.
    expect(await proposals.get(p.id, NOW)).toEqual(p);
    expect(await proposals.get(newProposalId(), NOW)).toBeUndefined();
  });

  it("keeps an edit's item before and after, optional fields absent as they were", async () => {
    const { proposals } = await kind.fresh();
    const file = tripFile(NEW_YORK);
    const before = file.itinerary[0];
    if (!before) throw new Error("no items");
    const { notes: _dropped, ...withoutNotes } = { ...before, title: "Moved", notes: "x" };
    const p = proposal({ edit: { itemId: before.id, before, after: withoutNotes } });
    await proposals.put(p);
    expect(await proposals.get(p.id, NOW)).toEqual(p);
    expect(await proposals.take(p.id, NOW)).toEqual(p);
  });

  it("gives a proposal to one take only, even to takes at the same time", async () => {
    const { proposals } = await kind.fresh();
    const p = proposal();
    await proposals.put(p);
    const takes = await Promise.all([proposals.take(p.id, NOW), proposals.take(p.id, NOW)]);
    expect(takes.filter((t) => t !== undefined)).toEqual([p]);
    expect(await proposals.take(p.id, NOW)).toBeUndefined();
    expect(await proposals.get(p.id, NOW)).toBeUndefined();
  });

  it("never returns an expired proposal", async () => {
    const { proposals } = await kind.fresh();
    const p = proposal({ expiresAt: later(60_000) });
    await proposals.put(p);
    expect(await proposals.get(p.id, later(60_000))).toBeUndefined();
    expect(await proposals.take(p.id, later(60_001))).toBeUndefined();
  });

  it("makes ids nobody guesses: 128 random bits, safe in a button's id", () => {
    const ids = new Set(Array.from({ length: 1000 }, newProposalId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
