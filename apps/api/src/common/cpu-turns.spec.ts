import { CpuTurns } from './cpu-turns';

/** A request's turns of the event loop: it writes down which turn it saw, one per turn, until told to stop. */
function everyTurn(log: string[]): () => void {
  let turn = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    log.push(`turn ${++turn}`);
    setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    stopped = true;
  };
}

describe('CpuTurns', () => {
  it('resumes one waiting slice per turn of the event loop, in the order they gave way', async () => {
    const turns = new CpuTurns(0);
    const log: string[] = [];
    const stop = everyTurn(log);
    // Four writers, each with three steps that always use up their slice.
    const writer = async (name: string) => {
      const slice = turns.slice();
      for (let step = 1; step <= 3; step++) {
        if (slice.due()) await slice.giveWay();
        log.push(`${name}${step}`);
      }
    };
    await Promise.all(['a', 'b', 'c', 'd'].map(writer));
    stop();
    const steps = log.filter((entry) => !entry.startsWith('turn'));
    expect(steps).toEqual(['a1', 'b1', 'c1', 'd1', 'a2', 'b2', 'c2', 'd2', 'a3', 'b3', 'c3', 'd3']);
    // Between two resumed steps the other work of the loop had its turn: never two writers' steps back to back.
    for (let at = 1; at < log.length; at++) {
      expect(!log[at].startsWith('turn') && !log[at - 1].startsWith('turn')).toBe(false);
    }
    expect(turns.queued).toBe(0);
  });

  it('lets a slice run on while it has time left', async () => {
    const turns = new CpuTurns(60_000);
    const slice = turns.slice();
    expect(slice.due()).toBe(false);
    await slice.giveWay();
    expect(slice.due()).toBe(false);
    expect(turns.queued).toBe(0);
  });

  it('gives way once a slice has held the loop for its share', async () => {
    const turns = new CpuTurns(5);
    const slice = turns.slice();
    const until = Date.now() + 10;
    while (Date.now() < until) {
      // busy, as the rules engine is
    }
    expect(slice.due()).toBe(true);
    await slice.giveWay();
    expect(slice.due()).toBe(false);
  });
});
