import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/integrations/search-index';

/** A task that records how many tasks run beside it, and finishes when told to. */
function tracked(log: { running: number; most: number; order: number[] }, id: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    log.running++;
    log.most = Math.max(log.most, log.running);
    log.order.push(id);
    await done;
    log.running--;
  };
  return { task, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Slots', () => {
  it('runs at most its size at once, in the order asked, and more once resized', async () => {
    const slots = new Slots(1);
    const log = { running: 0, most: 0, order: [] as number[] };
    const tasks = [0, 1, 2, 3].map((id) => tracked(log, id));
    const all = Promise.all(tasks.map(({ task }) => slots.run(task)));
    await tick();
    expect(log.order).toEqual([0]);
    slots.resize(2);
    await tick();
    expect(log.order).toEqual([0, 1]);
    tasks[0]!.finish();
    await tick();
    expect(log.order).toEqual([0, 1, 2]);
    for (const { finish } of tasks) finish();
    await all;
    expect(log.order).toEqual([0, 1, 2, 3]);
    expect(log.most).toBe(2);
  });

  it('frees the slot of a task that fails, and passes the failure on', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('indexer failed')))).rejects.toThrow('indexer failed');
    await expect(slots.run(() => Promise.resolve(42))).resolves.toBe(42);
  });
});
