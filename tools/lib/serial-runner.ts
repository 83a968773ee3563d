/**
 * Runs one job at a time: a request while the job runs does not start a second one, it queues
 * exactly one more run (however many requests arrive), which starts when the current one ends.
 * Watch mode uses it so saves during a grading never start two gradings at once, and the last
 * save is always graded.
 */
export class SerialRunner {
  private running: Promise<void> | undefined;
  private pending = false;

  /** @param job - the work; its errors go to `onError` and do not stop later runs. */
  constructor(
    private readonly job: () => Promise<void>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Starts the job, or queues one more run if it is running. */
  request(): void {
    if (this.running !== undefined) {
      this.pending = true;
      return;
    }
    this.running = this.loop();
  }

  /** Resolves when no run is in progress or queued. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  private async loop(): Promise<void> {
    do {
      this.pending = false;
      try {
        await this.job();
      } catch (error) {
        this.onError(error);
      }
    } while (this.pending);
    this.running = undefined;
  }
}
