import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/commands';
import type { ExtensionTestApi } from '../../../src/extension';
import { KeyValueStore, SyncedProgressStore } from '../../../src/quiz/progressStore';
import { QuizEngine } from '../../../src/quiz/quizEngine';
import type { QuizStatistics } from '../../../src/quiz/quizStats';
import { SimulatedSettingsSync } from '../../support/settingsSync';
import { activateExtension, closeStep } from './helpers';

/** Another machine's extension global state: kept as JSON, as VS Code keeps it. */
class OtherMachineState implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
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

const noHooks = {
  saveAside: async () => 'nowhere',
  reportUnreadable: () => assert.fail('nothing here is unreadable'),
  reportNewer: () => assert.fail('nothing here is newer'),
};

describe('quiz progress on two machines, synced, in a real VS Code', () => {
  let api: ExtensionTestApi;
  before(async () => {
    api = await activateExtension();
  });

  async function statistics(): Promise<QuizStatistics> {
    const stats = await vscode.commands.executeCommand<QuizStatistics>(Commands.showQuizStatistics);
    await closeStep(api, { title: /^Quiz statistics/ });
    return stats;
  }

  it('keeps both machines\' reviews of the same day after a simulated Settings Sync', async () => {
    const settings = () => ({ desiredRetention: 0.9, maximumInterval: 365, dailyNewLimit: 20 });
    // This machine: the running extension's own global state, written through a store as the extension writes it.
    const here = new SyncedProgressStore(api.globalState, vscode.env.machineId, noHooks);
    const hereEngine = new QuizEngine(here, settings);
    // The other machine: another id and another global state.
    const otherState = new OtherMachineState();
    const there = new SyncedProgressStore(otherState, `${vscode.env.machineId}-other`, noHooks);
    const thereEngine = new QuizEngine(there, settings);

    const before = await statistics();
    await hereEngine.grade('rds-mcq-002', 3);
    await thereEngine.grade('rds-mcq-002', 1);
    await thereEngine.grade('dynamodb-mcq-017', 4);
    await here.settled();
    await there.settled();

    const sync = new SimulatedSettingsSync();
    await sync.sync(api.globalState);
    await sync.sync(otherState);
    await sync.sync(api.globalState);

    // The running extension reads the merged logs: both machines' reviews count.
    const after = await statistics();
    assert.equal(after.reviewedToday, before.reviewedToday + 3);
    await there.settled();
    assert.equal(thereEngine.item('rds-mcq-002')?.log.length, 2, 'the other machine sees this one\'s review too');
    assert.ok(thereEngine.item('dynamodb-mcq-017'));
  });
});
