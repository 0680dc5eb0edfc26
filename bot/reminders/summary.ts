import type { ChannelRunReport } from "../store/channel-store";
import { isAlert } from "../store/reminder-schedule";
import type { DeliveryResult, MissedCause } from "./deliver";
import type { Delivery } from "./plan";

/** How a run logs: one structured line per event (the Lambda wiring hands Powertools' Logger). */
export type RunLog = (
  level: "info" | "warn" | "error",
  message: string,
  fields: Record<string, unknown>,
) => void;

/** Reasons a channel's status shows from one run. */
const REASONS_KEPT = 3;

/**
 * What a run did: one log line ("reminders run") carries it. For the missed-reminders metric
 * and alarm use `notSent` (every reminder that will never be posted, whatever the reason);
 * `uncertain` and `errors` say the run could not tell or could not record.
 */
export interface RunSummary {
  /** Deliveries (reminder × channel) due and not yet made when this run looked. */
  due: number;
  sent: number;
  /** Attempts after a failed one (429, 5xx, timeout, dropped connection). */
  retried: number;
  /** Deliveries that failed this run, or were not tried, and wait for the next. */
  deferred: number;
  /**
   * Deliveries given up for good and recorded so: too late, refused by the platform, channel
   * gone, superseded.
   */
  missed: number;
  /** Held by another run at the same time. */
  busy: number;
  /** Reminders dropped unsent because a later one of the same item was due too. */
  superseded: number;
  /** Of `missed`: deliveries to channels the platform says are gone (deleted, archived, no access). */
  channelGone: number;
  /** Reminders that fell due with no channel following their trip. */
  remindersOff: number;
  /** Of `deferred`: not tried because their channel is waiting out a Retry-After. */
  waiting: number;
  /** Of `deferred`: an attempt may have posted and the platform could not be asked yet. */
  uncertain: number;
  /** Deliveries whose store read or write failed; they stay due for the next run. */
  errors: number;
  /** Change alerts posted (counted in `sent` too). */
  alerts: number;
  /** missed + remindersOff: what the missed-reminders alarm counts. */
  notSent: number;
}

export function noteReason(report: ChannelRunReport, reason: string) {
  if (report.reasons.length < REASONS_KEPT && !report.reasons.includes(reason)) {
    report.reasons.push(reason);
  }
}

/** Every delivery that is not sent is logged with its reason, and counted for its channel. */
export function reportOn(
  result: DeliveryResult,
  { key }: Delivery,
  log: RunLog,
  report: ChannelRunReport,
) {
  switch (result.outcome) {
    case "sent":
      if (result.recorded) report.sent++;
      if (result.found) log("info", "reminder found already posted", { ...key });
      return;
    case "missed":
      if (!result.recorded) return;
      report.missed++;
      noteReason(report, result.reason);
      log("warn", "reminder missed", { ...key, cause: result.cause, reason: result.reason });
      return;
    case "deferred":
      report.deferred++;
      log("warn", "reminder deferred to the next run", {
        ...key,
        reason: result.reason,
        attempt: result.attempts,
        ...(result.uncertain ? { uncertain: true } : {}),
        ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
      });
      return;
    case "waiting":
      report.deferred++;
      log("warn", "reminder deferred to the next run", {
        ...key,
        reason: `the channel waits out a Retry-After until ${new Date(result.until).toISOString()}`,
      });
      return;
    case "out of time":
      report.deferred++;
      log("warn", "reminder deferred to the next run", { ...key, reason: "out of time" });
      return;
    case "failed":
      report.deferred++;
      log("error", "reminder deferred to the next run", { ...key, reason: result.reason });
      return;
    default:
      return;
  }
}

/** The run's counts, as the summary line carries them. */
export class Tally {
  due = 0;
  sent = 0;
  retried = 0;
  deferred = 0;
  missed = 0;
  busy = 0;
  superseded = 0;
  channelGone = 0;
  remindersOff = 0;
  waiting = 0;
  uncertain = 0;
  errors = 0;
  alerts = 0;

  add(r: DeliveryResult, d: Delivery) {
    if (r.outcome !== "already done") this.due++;
    if ("retried" in r) this.retried += r.retried;
    switch (r.outcome) {
      case "sent":
        if (r.recorded) {
          this.sent++;
          if (isAlert(d.reminder)) this.alerts++;
        }
        return;
      case "missed":
        if (r.recorded) {
          this.missed++;
          if (r.cause === ("channel gone" satisfies MissedCause)) this.channelGone++;
        }
        return;
      case "busy":
        this.busy++;
        return;
      case "deferred":
        this.deferred++;
        if (r.uncertain) this.uncertain++;
        return;
      case "waiting":
        this.deferred++;
        this.waiting++;
        return;
      case "out of time":
        this.deferred++;
        return;
      case "failed":
        this.deferred++;
        this.errors++;
        return;
      default:
        return;
    }
  }

  summary(): RunSummary {
    const { due, sent, retried, deferred, missed, busy, superseded } = this;
    const { channelGone, remindersOff, waiting, uncertain, errors, alerts } = this;
    return {
      due,
      sent,
      retried,
      deferred,
      missed,
      busy,
      superseded,
      channelGone,
      remindersOff,
      waiting,
      uncertain,
      errors,
      alerts,
      notSent: missed + remindersOff,
    };
  }
}
