import { SYNCED_KEYS } from '../../src/quiz/progressKeys';
import { KeyValueStore } from '../../src/quiz/progressStore';

/**
 * Settings Sync of extension state, as VS Code's source does it (extensionsMerge.ts): only registered
 * keys travel; per key, the side that changed since this machine's last sync wins, and when both
 * changed the remote value wins. Values travel as JSON.
 */
export class SimulatedSettingsSync {
  private readonly remote = new Map<string, string>();
  private readonly bases = new Map<KeyValueStore, Map<string, string>>();

  async sync(machine: KeyValueStore): Promise<void> {
    const base = this.bases.get(machine) ?? new Map<string, string>();
    for (const key of SYNCED_KEYS) {
      const value = machine.get(key);
      const local = value === undefined ? undefined : JSON.stringify(value);
      const remote = this.remote.get(key);
      const last = base.get(key);
      if (local !== last && remote === last) {
        if (local === undefined) {
          this.remote.delete(key);
        } else {
          this.remote.set(key, local);
        }
      } else if (local !== remote) {
        await machine.update(key, remote === undefined ? undefined : JSON.parse(remote));
      }
      const synced = this.remote.get(key);
      if (synced === undefined) {
        base.delete(key);
      } else {
        base.set(key, synced);
      }
    }
    this.bases.set(machine, base);
  }
}
