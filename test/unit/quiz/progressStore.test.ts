import * as assert from 'node:assert/strict';
import { MachineLog } from '../../../src/quiz/progressLog';
import { hasNoProgress, LEGACY_STATE_KEY, OWN_LOG_KEY, OWN_SLOT_KEY, SLOT_KEYS, syncedProgressMark } from '../../../src/quiz/progressKeys';
import { KeyValueStore, SyncedProgressStore, UnreadableValue } from '../../../src/quiz/progressStore';
import { QuizEngine } from '../../../src/quiz/quizEngine';
import { SimulatedSettingsSync } from '../../support/settingsSync';
import { DEFAULT_SCHEDULER, FakeClock, testEngine } from './fakes';

/** A machine's extension global state, as JSON (what VS Code keeps). */
class Memento implements KeyValueStore {
  values = new Map<string, unknown>();
  get(key: string): unknown {
    return this.values.get(key);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, JSON.parse(JSON.stringify(value)));
    }
  }
}

interface Machine {
  memento: Memento;
  store: SyncedProgressStore;
  engine: QuizEngine;
  clock: FakeClock;
  aside: UnreadableValue[];
  reports: string[];
}

function machine(id: string, memento = new Memento()): Machine {
  const aside: UnreadableValue[] = [];
  const reports: string[] = [];
  const store = new SyncedProgressStore(memento, id, {
    saveAside: async (value) => {
      aside.push(value);
      return `/storage/${value.key}.json`;
    },
    reportUnreadable: (value, savedTo, kept) => reports.push(`${value.key} ${value.dropped ?? 'whole'} ${savedTo} kept ${kept}`),
    reportNewer: (ownLog) => reports.push(ownLog ? 'newer own' : 'newer other'),
  });
  const clock = new FakeClock();
  return { memento, store, engine: new QuizEngine(store, () => DEFAULT_SCHEDULER, clock.now), clock, aside, reports };
}

const reviewed = (m: Machine, id: string): number => m.engine.item(id)?.log.length ?? 0;

describe('quiz progress across machines (global state + Settings Sync)', () => {
  it('keeps the reviews of two machines that reviewed the same day, after syncing both ways', async () => {
    const server = new SimulatedSettingsSync();
    const laptop = machine('laptop-id');
    const desktop = machine('desktop-id');
    await laptop.engine.grade('rds-q01', 3);
    await laptop.engine.grade('dynamodb-q01', 1);
    desktop.clock.advanceMinutes(30);
    await desktop.engine.grade('rds-q01', 2);
    await desktop.engine.grade('elasticache-q01', 4);
    await laptop.store.settled();
    await desktop.store.settled();

    await server.sync(laptop.memento);
    await server.sync(desktop.memento);
    await server.sync(laptop.memento);
    for (const m of [laptop, desktop]) {
      await m.store.settled();
      assert.equal(reviewed(m, 'rds-q01'), 2, 'both reviews of rds-q01');
      assert.equal(reviewed(m, 'dynamodb-q01'), 1);
      assert.equal(reviewed(m, 'elasticache-q01'), 1);
    }
    assert.deepEqual(laptop.engine.state(), desktop.engine.state());
  });

  it('recovers when two machines claimed the same slot before they ever synced', async () => {
    const server = new SimulatedSettingsSync();
    const first = machine('same-start-a');
    const second = machine('same-start-b');
    await first.engine.grade('rds-q01', 3);
    await second.engine.grade('rds-q02', 3);
    // Force the collision: both write slot 0.
    for (const m of [first, second]) {
      await m.store.settled();
      const slot = m.memento.get(OWN_SLOT_KEY) as number;
      await m.memento.update(SLOT_KEYS[0], m.memento.get(SLOT_KEYS[slot]));
      if (slot !== 0) {
        await m.memento.update(SLOT_KEYS[slot], undefined);
      }
      await m.memento.update(OWN_SLOT_KEY, 0);
    }
    await server.sync(first.memento);
    await server.sync(second.memento); // second's slot 0 is overwritten by first's
    second.engine.state(); // reading notices and writes its own log to a free slot
    await second.store.settled();
    await server.sync(second.memento);
    await server.sync(first.memento);
    for (const m of [first, second]) {
      await m.store.settled();
      assert.equal(reviewed(m, 'rds-q01'), 1);
      assert.equal(reviewed(m, 'rds-q02'), 1);
    }
  });

  it('migrates the single stored value of earlier versions on first run, and leaves it in place', async () => {
    const { engine } = testEngine();
    await engine.grade('rds-q01', 3);
    await engine.grade('dynamodb-q01', 1);
    const v2 = JSON.parse(JSON.stringify(engine.state()));
    const memento = new Memento();
    await memento.update(LEGACY_STATE_KEY, v2);
    const m = machine('laptop-id', memento);
    assert.deepEqual(m.engine.state(), v2);
    await m.store.settled();
    assert.deepEqual(memento.get(LEGACY_STATE_KEY), v2, 'older versions on other machines still read it');
    const own = memento.get(OWN_LOG_KEY) as MachineLog;
    assert.deepEqual(Object.keys(own.items).sort(), ['dynamodb-q01', 'rds-q01']);
    assert.deepEqual(memento.get(SLOT_KEYS[memento.get(OWN_SLOT_KEY) as number]), own);
    assert.equal(m.reports.length, 0);
  });

  it('saves an unreadable stored value aside before anything overwrites it, and says where', async () => {
    const memento = new Memento();
    await memento.update(OWN_SLOT_KEY, 3);
    await memento.update(SLOT_KEYS[3], { version: 3, machine: 42 });
    await memento.update(LEGACY_STATE_KEY, 'not a state');
    const m = machine('laptop-id', memento);
    m.engine.state();
    await m.engine.grade('rds-q01', 3);
    await m.store.settled();
    assert.deepEqual(m.aside.map((value) => value.key).sort(), [LEGACY_STATE_KEY, SLOT_KEYS[3]].sort());
    assert.deepEqual(m.aside.find((value) => value.key === SLOT_KEYS[3])?.raw, { version: 3, machine: 42 }, 'the copy is the value as it was');
    assert.ok(m.reports.some((report) => report.startsWith(`${SLOT_KEYS[3]} whole /storage/${SLOT_KEYS[3]}.json`)));
    assert.equal((memento.get(SLOT_KEYS[3]) as MachineLog).machine, 'laptop-id', 'then its own slot holds its log again');
    assert.equal(memento.get(LEGACY_STATE_KEY), 'not a state', 'the old single value is never overwritten');
    assert.equal(reviewed(m, 'rds-q01'), 1);
  });

  it('keeps the readable entries of a partly damaged log, and saves the whole value aside', async () => {
    const source = machine('laptop-id');
    await source.engine.grade('rds-q01', 3);
    await source.engine.grade('rds-q02', 3);
    await source.store.settled();
    const damaged = JSON.parse(JSON.stringify(source.memento.get(OWN_LOG_KEY))) as { items: Record<string, unknown> };
    damaged.items['rds-q02'] = { reviews: 'x' };
    await source.memento.update(OWN_LOG_KEY, damaged);
    const m = machine('laptop-id', source.memento);
    assert.deepEqual(Object.keys(m.engine.state().items), ['rds-q01']);
    await m.store.settled();
    assert.deepEqual(m.aside.map((value) => [value.key, value.dropped]), [[OWN_LOG_KEY, 1]]);
    assert.ok(m.reports[0].startsWith(`${OWN_LOG_KEY} 1 `));
    assert.ok(m.reports[0].endsWith('kept 1'));
  });

  it('never overwrites a log written by a newer version', async () => {
    const memento = new Memento();
    const newer = { version: 4, machine: 'laptop-id', items: {}, future: true };
    await memento.update(OWN_LOG_KEY, newer);
    const m = machine('laptop-id', memento);
    await m.engine.grade('rds-q01', 3);
    await m.store.settled();
    assert.deepEqual(memento.get(OWN_LOG_KEY), newer);
    assert.ok(m.reports.includes('newer own'));
  });

  it('marks the synced logs so that a count can tell when Settings Sync brought reviews, and tells a fresh install', async () => {
    const server = new SimulatedSettingsSync();
    const laptop = machine('laptop-id');
    const desktop = machine('desktop-id');
    assert.ok(hasNoProgress(laptop.memento), 'nothing stored yet');
    await laptop.engine.grade('rds-q01', 3);
    await laptop.store.settled();
    assert.ok(!hasNoProgress(laptop.memento));
    await server.sync(laptop.memento);
    const counted = syncedProgressMark(laptop.memento);
    await server.sync(laptop.memento);
    assert.equal(syncedProgressMark(laptop.memento), counted, 'a sync that brings nothing keeps the mark');
    await laptop.memento.update(OWN_LOG_KEY, { ...(laptop.memento.get(OWN_LOG_KEY) as object) });
    assert.equal(syncedProgressMark(laptop.memento), counted, 'the unsynced own log is not marked');

    await desktop.engine.grade('dynamodb-q01', 1);
    await desktop.store.settled();
    await server.sync(desktop.memento);
    await server.sync(laptop.memento);
    assert.notEqual(syncedProgressMark(laptop.memento), counted, "the other machine's review changes it");
  });
});
