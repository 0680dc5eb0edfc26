import type { CommandRequest } from "../commands/context";
import { notice } from "../commands/format";
import { isOrganiser } from "../commands/organisers";
import { loadTrip } from "../loading/load-trip";
import { paragraph, type Reply, text } from "../reply";
import { ConcurrentLoadError, type FactStore } from "../store/fact-store";
import { newProposalId, PROPOSAL_LIFETIME_MS, type ProposalStore } from "../store/proposal-store";
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
      `Only an organiser of the trip "${tripId}" can change it, and a file for a new trip must list you under its organisers for ${platform}. Nothing was changed.`,
    ),
  ]);
}

/**
 * Who may load `file`: over an existing trip, one of its organisers (so a file changes its
 * organisers only when an existing organiser sends it); a new trip, someone the file lists.
 */
export async function mayLoad(
  store: FactStore,
  file: TripFile,
  request: CommandRequest,
): Promise<boolean> {
  const current = await store.readTrip(file.id);
  return isOrganiser(current?.trip ?? resolveTrip(file), request);
}

/** Checks who asks, previews the load and keeps it for Confirm: the private preview reply. */
export async function proposeLoad(
  deps: TripChanges,
  request: CommandRequest,
  file: TripFile,
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

/** A Confirm or Cancel click on a preview. */
export async function pressProposal(
  deps: TripChanges,
  request: CommandRequest,
  button: { action: "confirm" | "cancel"; value: string },
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
  const changed = () => changedSince(deps, request, proposal.file);
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
async function changedSince(
  deps: TripChanges,
  request: CommandRequest,
  file: TripFile,
): Promise<Reply> {
  const fresh = await proposeLoad(deps, request, file);
  const lead = paragraph(
    text("The trip changed since that preview", true),
    " (another load came first), so nothing was loaded. Here is a fresh preview against the trip as it is now:",
  );
  return fresh.buttons.length > 0 ? { ...fresh, blocks: [lead, ...fresh.blocks] } : fresh;
}
