import type { Trip } from "../trip/model";
import type { TripFile } from "../trip/schema";

/** One platform's organisers before and after a load. */
export interface OrganiserChange {
  platform: string;
  added: string[];
  removed: string[];
}

/**
 * What a load does to who the trip is and who runs it: a file with an existing trip's id
 * replaces it whole, organisers included, so these are said out loud before anything is written.
 */
export interface IdentityChange {
  name?: { from: string; to: string };
  /** Only the platforms whose lists change; empty when the organisers stay the same. */
  organisers: OrganiserChange[];
}

/** How `file` changes the trip in force (`before`); undefined for a new trip or no change. */
export function identityChange(
  before: Trip | undefined,
  file: TripFile,
): IdentityChange | undefined {
  if (!before) return undefined;
  const was = before.organisers as Record<string, readonly string[] | undefined>;
  const will = file.organisers as Record<string, readonly string[] | undefined>;
  const platforms = [...new Set([...Object.keys(was), ...Object.keys(will)])].sort();
  const organisers = platforms.flatMap((platform): OrganiserChange[] => {
    const from = new Set(was[platform] ?? []);
    const to = new Set(will[platform] ?? []);
    const added = [...to].filter((id) => !from.has(id));
    const removed = [...from].filter((id) => !to.has(id));
    return added.length + removed.length > 0 ? [{ platform, added, removed }] : [];
  });
  if (before.name === file.name && organisers.length === 0) return undefined;
  return {
    ...(before.name !== file.name ? { name: { from: before.name, to: file.name } } : {}),
    organisers,
  };
}

/** A load that would change an existing trip's organisers without being told it may. */
export class OrganisersChangeRefused extends Error {
  constructor(
    readonly tripId: string,
    readonly change: IdentityChange,
  ) {
    super(
      `Loading this file would change the organisers of trip ${tripId}:\n${describeIdentityChange(change).join("\n")}`,
    );
    this.name = "OrganisersChangeRefused";
  }
}

/** Lines for a terminal or a preview: the new name, and each organiser added or removed. */
export function describeIdentityChange(change: IdentityChange | undefined): string[] {
  if (!change) return [];
  const lines: string[] = [];
  if (change.name) lines.push(`  ~ name: "${change.name.from}" → "${change.name.to}"`);
  for (const { platform, added, removed } of change.organisers) {
    for (const id of added) lines.push(`  + organiser ${platform} ${id}`);
    for (const id of removed) lines.push(`  - organiser ${platform} ${id}`);
  }
  return lines;
}
