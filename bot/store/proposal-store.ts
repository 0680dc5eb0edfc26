import { randomBytes } from "node:crypto";
import type { ItineraryItemFile, TripFile } from "../trip/schema";

/**
 * A trip change an organiser previewed in the chat (an uploaded file, an edited item), held
 * until they press Confirm or Cancel. Only its author may confirm it, on the platform it came
 * from, before it expires, and only while the trip's revision is still the one previewed.
 */
export interface Proposal {
  /** Unguessable: the buttons carry it, and whoever holds it may try to press them. */
  id: string;
  tripId: string;
  platform: string;
  userId: string;
  channelId: string;
  /** The validated trip file that Confirm loads. */
  file: TripFile;
  /**
   * For an edit: the item as the form showed it and as submitted. When another load comes
   * first, the edit is made again on the trip as it is then (only the fields it changed), so
   * confirming it never undoes the other load.
   */
  edit?: ItemEdit;
  /** The trip's revision in force when the preview was made (0: a new trip). */
  baseRevision: number;
  expiresAt: Date;
}

/** One itinerary item before and after an organiser's edit. */
export interface ItemEdit {
  itemId: string;
  before: ItineraryItemFile;
  after: ItineraryItemFile;
}

/** How long a preview's Confirm stays good. */
export const PROPOSAL_LIFETIME_MS = 15 * 60_000;

/** 128 random bits, URL- and custom_id-safe (22 characters). */
export const newProposalId = (): string => randomBytes(16).toString("base64url");

/** The port proposals are kept through; DynamoDB and memory implement it. */
export interface ProposalStore {
  put(proposal: Proposal): Promise<void>;
  /** The proposal, without using it up (absent, or expired by `now`: undefined). */
  get(id: string, now: Date): Promise<Proposal | undefined>;
  /**
   * Removes the proposal and returns it, once: of two concurrent takes one gets it and the
   * other undefined (DynamoDB: a conditional delete). An expired proposal is never returned.
   */
  take(id: string, now: Date): Promise<Proposal | undefined>;
}

export const isLive = (p: Proposal, now: Date): boolean => p.expiresAt.getTime() > now.getTime();
