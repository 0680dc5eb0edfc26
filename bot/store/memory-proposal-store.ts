import { isLive, type Proposal, type ProposalStore } from "./proposal-store";

/** Proposals in this process, for tests and the terminal. */
export class MemoryProposalStore implements ProposalStore {
  private readonly proposals = new Map<string, Proposal>();

  async put(proposal: Proposal): Promise<void> {
    this.proposals.set(proposal.id, structuredClone(proposal));
  }

  async get(id: string, now: Date): Promise<Proposal | undefined> {
    const p = this.proposals.get(id);
    return p && isLive(p, now) ? structuredClone(p) : undefined;
  }

  async take(id: string, now: Date): Promise<Proposal | undefined> {
    const p = this.proposals.get(id);
    if (!p) return undefined;
    this.proposals.delete(id);
    return isLive(p, now) ? p : undefined;
  }
}
