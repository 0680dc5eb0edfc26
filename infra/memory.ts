/**
 * The webhook functions' memory size, derived from what the benches measure, not picked. Lambda
 * gives a function CPU in proportion to its memory (one full vCPU at 1,769 MB), so the size must
 * hold the peak resident set with room to spare, and give a cold start enough CPU to answer well
 * inside the platforms' 3 seconds. Re-measure with `npm run bench:slack` and `bench:discord`
 * after a change that moves these figures, and update them here.
 */
export const WEBHOOK_MEASURED = {
  /**
   * The larger "peak RSS MiB" of the two benches: after 2,000 warm requests (Node 20; Slack
   * 130–138, Discord 125–126 on 24 Nov 2026, with the deferred packages).
   */
  peakRssMiB: 138,
  /**
   * The larger "cold: CPU ms" of the two benches: process start to the first answer (Slack
   * 156, Discord 141–145, on a shared 2-core machine, with the deferred packages).
   */
  coldCpuMs: 160,
} as const;

/** Memory over peak RSS: larger trips, a deferred job beside a request, GC's own room. */
export const RSS_HEADROOM = 2;
/**
 * CPU time a cold start may take of the 3 s, at the function's share of a vCPU. The rest is for
 * network round trips (Secrets Manager, DynamoDB, TLS handshakes), which the local bench does
 * not have, and for a slower core than the bench machine's.
 */
export const COLD_CPU_BUDGET_MS = 600;
const MB_PER_VCPU = 1769;

/** Lambda sizes go in 1 MB steps; round up to 64 MB so a re-measure does not churn the stack. */
const roundUp = (mb: number) => Math.ceil(mb / 64) * 64;

export interface MemorySizing {
  /** What the peak RSS alone asks for. */
  forRss: number;
  /** What the cold start's CPU asks for. */
  forCpu: number;
  /** The deployed size: the larger. */
  memoryMb: number;
}

export function memoryFor(measured: { peakRssMiB: number; coldCpuMs: number }): MemorySizing {
  const forRss = roundUp(measured.peakRssMiB * RSS_HEADROOM * 1.048576);
  const forCpu = roundUp((measured.coldCpuMs / COLD_CPU_BUDGET_MS) * MB_PER_VCPU);
  return { forRss, forCpu, memoryMb: Math.min(10_240, Math.max(128, forRss, forCpu)) };
}
