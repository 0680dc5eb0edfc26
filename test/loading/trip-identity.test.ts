import { describe, expect, it } from "vitest";
import { loadTrip } from "../../bot/loading/load-trip";
import { OrganisersChangeRefused } from "../../bot/loading/trip-identity";
import { memoryStores } from "../../bot/store/memory-stores";
import { NEW_YORK, tripFile } from "../helpers/memory-trips";

describe("loading over an existing trip", () => {
  it("reports a new name and changed organisers; keepOrganisers refuses the latter, writing nothing", async () => {
    const stores = memoryStores();
    const original = tripFile(NEW_YORK);
    const first = await loadTrip(stores, original);
    expect(first.identity).toBeUndefined();

    const renamed = { ...original, name: "Another name" };
    const rename = await loadTrip(stores, renamed, { dryRun: true, keepOrganisers: true });
    expect(rename.identity).toEqual({
      name: { from: original.name, to: "Another name" },
      organisers: [],
    });

    const takeover = { ...original, organisers: { ...original.organisers, discord: ["999"] } };
    const dry = await loadTrip(stores, takeover, { dryRun: true, keepOrganisers: true });
    expect(dry.identity?.organisers).toEqual([
      { platform: "discord", added: ["999"], removed: original.organisers.discord ?? [] },
    ]);
    await expect(loadTrip(stores, takeover, { keepOrganisers: true })).rejects.toBeInstanceOf(
      OrganisersChangeRefused,
    );
    expect((await stores.facts.getTrip(original.id))?.organisers).toEqual(original.organisers);

    // Without the guard (an existing organiser's upload decides for itself), it loads.
    await loadTrip(stores, takeover);
    expect((await stores.facts.getTrip(original.id))?.organisers.discord).toEqual(["999"]);
  });
});
