/**
 * "Now" for the local bot: the real time, or a moment the playground pretends it is (the
 * evening before race day of a trip that was last year), moving on from there in real time.
 */
export class LocalClock {
  private offsetMs = 0;

  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  /** Pretend it is `at` from now on; undefined goes back to the real time. */
  pretend(at: Date | undefined): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }

  get pretending(): boolean {
    return this.offsetMs !== 0;
  }
}
