import { performance } from 'node:perf_hooks';

/**
 * Long CPU work (the progress bookkeeping of a class register) shares the event loop with the requests that
 * only read, one slice at a time.
 *
 * Giving way with a bare `setImmediate` is not enough when several writers work at once: every waiting slice runs
 * in the same check phase, so a reader's request waited behind all of them (four writers, four slices) at each of
 * its own turns (its request, its query's answer). Here the slices that gave way wait in one queue, and each
 * turn of the event loop resumes only the first: a reader waits for at most one slice per turn, whatever the
 * number of writers (issue 20: the class view's p99 while four clients write).
 */
export class CpuTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** @param sliceMs how long one piece of work may hold the event loop before it gives way. */
  constructor(private readonly sliceMs = 1) {}

  /** A slice for one piece of work: call `due()` between its steps, and `await giveWay()` when it says so. */
  slice(): CpuSlice {
    return new CpuSlice(this, this.sliceMs);
  }

  /** How many slices are waiting for their turn (for tests). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves on a later turn of the event loop, after every slice that gave way before this one. */
  wait(): Promise<void> {
    return new Promise<void>((resume) => {
      this.waiting.push(resume);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // The resumed slice runs in the microtasks straight after this callback; the next one waits for the
      // next turn, so that the requests' I/O callbacks come between them.
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}

export class CpuSlice {
  private started = performance.now();

  constructor(
    private readonly turns: CpuTurns,
    private readonly sliceMs: number,
  ) {}

  /** Whether this slice has held the event loop for its share. */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Waits for this work's next turn and starts a new slice. */
  async giveWay(): Promise<void> {
    await this.turns.wait();
    this.started = performance.now();
  }
}

/** The process's one queue: every long loop of the API gives way through it. */
export const cpuTurns = new CpuTurns();
