import type { CommandRequest } from "../commands/context";
import { notice } from "../commands/format";
import { isOrganiser } from "../commands/organisers";
import { loadTrip } from "../loading/load-trip";
import { paragraph, type Reply, text } from "../reply";
import { ConcurrentLoadError, type FactStore } from "../store/fact-store";
import {
  type ItemEdit,
  newProposalId,
  PROPOSAL_LIFETIME_MS,
  type Proposal,
  type ProposalStore,
} from "../store/proposal-store";
import type { ReminderSchedule } from "../store/reminder-schedule";
import { resolveTrip } from "../trip/model";
import type { TripFile } from "../trip/schema";
import { loadBlocks, previewReply, tooLarge } from "./preview";

/** A proposal's trip at most (as JSON), inside DynamoDB's 400 KB item with room to spare. */
const MAX_PROPOSAL_BYTES = 350_000;

/**
 * Changing a trip from the chat: a validated file becomes a proposal with a private preview;
 * its author's Confirm loads it through the same use case as the CLI, once, within its
 * lifetime, and only over the revision it previewed.
 */
export interface TripChanges {
  facts: FactStore;
  schedule: ReminderSchedule;
  proposals: ProposalStore;
  clock: () => Date;
}

/** One answer for "no such trip" and "not yours": a refusal never tells the two apart. */
export function notAllowedToChange(tripId: string, platform: string): Reply {
  return notice("Only organisers can change a trip", [
    paragraph(
      `Only an organiser of the trip "${tripId}" can change it, and a new trip comes only from an organiser of a trip here whom its file lists under organisers for ${platform}. Nothing was changed.`,
    ),
  ]);
}

/**
 * Who may load `file`: over an existing trip, one of its organisers (so a file changes its
 * organisers only when an existing organiser sends it); a new trip, someone the file lists who
 * already organises a trip on this platform. A member who organises nothing changes nothing:
 * a new trip of theirs would also take the "only trip" that unlinked channels answer from.
 */
export async function mayLoad(
  store: FactStore,
  file: TripFile,
  request: CommandRequest,
): Promise<boolean> {
  const current = await store.readTrip(file.id);
  if (current) return isOrganiser(current.trip, request);
  if (!isOrganiser(resolveTrip(file), request)) return false;
  for (const { id } of await store.listTrips()) {
    const trip = await store.getTrip(id);
    if (trip && isOrganiser(trip, request)) return true;
  }
  return false;
}

/** Checks who asks, previews the load and keeps it for Confirm: the private preview reply. */
export async function proposeLoad(
  deps: TripChanges,
  request: CommandRequest,
  file: TripFile,
  edit?: ItemEdit,
): Promise<Reply> {
  if (!(await mayLoad(deps.facts, file, request))) {
    return notAllowedToChange(file.id, request.platform);
  }
  // YAML aliases can make a small file a large trip; a proposal must fit one DynamoDB item.
  if (Buffer.byteLength(JSON.stringify(file)) > MAX_PROPOSAL_BYTES) return tooLarge(file.id);
  const now = deps.clock();
  const dry = await loadTrip(deps, file, { dryRun: true, now });
  const id = newProposalId();
  await deps.proposals.put({
    id,
    tripId: file.id,
    platform: request.platform,
    userId: request.user.id,
    channelId: request.channel.id,
    file,
    baseRevision: dry.revision,
    expiresAt: new Date(now.getTime() + PROPOSAL_LIFETIME_MS),
    ...(edit ? { edit } : {}),
  });
  return previewReply(file.name, dry, id);
}

const GONE = notice("This preview is no longer open", [
  paragraph(
    "It was confirmed or cancelled already, or it expired (a preview is good for 15 minutes). Nothing was changed. Upload the file or make the edit again for a new preview.",
  ),
]);

const NOT_YOURS = notice("Not your preview", [
  paragraph(
    "Only the organiser who made this preview can confirm or cancel it. Nothing was changed.",
  ),
]);

/**
 * The preview a proposal gets again over the trip as it is now: an uploaded file as it was
 * sent; an edit made again on the current trip (chat-changes.ts), so that nothing the load in
 * between did is undone.
 */
export type Repropose = (proposal: Proposal) => Promise<Reply>;

/** A Confirm or Cancel click on a preview. */
export async function pressProposal(
  deps: TripChanges,
  request: CommandRequest,
  button: { action: "confirm" | "cancel"; value: string },
  repropose: Repropose = (p) => proposeLoad(deps, request, p.file),
): Promise<Reply> {
  const now = deps.clock();
  const seen = await deps.proposals.get(button.value, now);
  if (!seen) return GONE;
  // Another member's click leaves the preview open for its author.
  if (seen.userId !== request.user.id || seen.platform !== request.platform) return NOT_YOURS;
  const proposal = await deps.proposals.take(button.value, now);
  if (!proposal) return GONE;
  if (button.action === "cancel") {
    return notice("Cancelled", [paragraph("The preview was cancelled. Nothing was changed.")]);
  }
  const changed = () => changedSince(repropose, proposal);
  if ((await deps.facts.revision(proposal.tripId)) !== proposal.baseRevision) return changed();
  try {
    const result = await loadTrip(deps, proposal.file, { now });
    return notice(result.written ? `Loaded: ${proposal.file.name}` : "Nothing to change", [
      ...loadBlocks(result, false),
      ...(result.written ? [paragraph(`The trip is now at revision ${result.revision}.`)] : []),
    ]);
  } catch (e) {
    if (e instanceof ConcurrentLoadError) return changed();
    throw e;
  }
}

/** Another load came first: nothing of this one is loaded; a fresh preview over the new one. */
async function changedSince(repropose: Repropose, proposal: Proposal): Promise<Reply> {
  const fresh = await repropose(proposal);
  const lead = paragraph(
    text("The trip changed since that preview", true),
    " (another load came first), so nothing was loaded. Here is a fresh preview against the trip as it is now:",
  );
  return fresh.buttons.length > 0 ? { ...fresh, blocks: [lead, ...fresh.blocks] } : fresh;
}
