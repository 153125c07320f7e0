/**
 * Quiz progress in extension global state, laid out so that Settings Sync merges it instead of
 * overwriting it. Pure (no `vscode`): it works on any key-value store with the Memento's shape, so
 * unit tests simulate two machines and a sync.
 *
 * How VS Code syncs extension global state (read in VS Code's source: `ExtensionGlobalMemento` in
 * src/vs/workbench/api/common/extHostMemento.ts, `ExtensionStorageService` and
 * src/vs/platform/userDataSync/common/extensionsSync.ts and extensionsMerge.ts):
 * - `setKeysForSync(keys)` is remembered per extension *and version* on each machine. When it syncs,
 *   a machine sends only the values of the keys it registered, as the `state` of our entry in the
 *   synced extension list.
 * - Merging is per key, three-way against the last synced copy: a key changed on one side takes that
 *   side's value; a key changed on both takes the remote value. One value per key: two machines that
 *   write the same key lose one side's writes. If the two machines run different versions of the
 *   extension, the newer version's whole state wins.
 * - Applying remote state, a machine writes only the keys *it* registered (and clears a registered
 *   key the remote lacks). A synced key this machine never registered is not stored: it is dropped,
 *   and the next sync from this machine can then remove it remotely too.
 *
 * So every machine registers the same fixed keys: SLOT_COUNT slots, each written by one machine
 * only (it claims an empty slot and records its machine id in it), plus the single key of earlier
 * versions. Each machine also keeps its own log in a key that is not synced: if a sync ever overwrites
 * its slot (a slot claimed by two machines before they synced, or a newer version's state winning),
 * it writes its slot again from that copy, so nothing it recorded is lost.
 */
import { LEGACY_STATE_KEY, OWN_LOG_KEY, OWN_SLOT_KEY, SLOT_COUNT, SLOT_KEYS } from './progressKeys';
import { emptyLog, logFromState, MachineLog, readMachineLog } from './progressLog';
import { loadState } from './quizState';

export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

/** A stored value that could not be read, in whole or in part. */
export interface UnreadableValue {
  key: string;
  raw: unknown;
  /** Item entries left out; undefined when the value as a whole was unreadable. */
  dropped: number | undefined;
}

export interface StoreHooks {
  /** Keeps an unchanged copy of an unreadable value; resolves to where it went (shown to the user). */
  saveAside(value: UnreadableValue): Promise<string>;
  /** Tells the user once per unreadable value what happened and where the copy is. */
  reportUnreadable(value: UnreadableValue, savedTo: string, itemsKept: number): void;
  /**
   * A value written by a newer version of the extension: this version must not overwrite it. When it
   * is this machine's own log, answers are not saved until the extension is updated.
   */
  reportNewer(ownLog: boolean): void;
}

function hashSlot(machine: string): number {
  let hash = 0;
  for (let i = 0; i < machine.length; i++) {
    hash = (hash * 31 + machine.charCodeAt(i)) >>> 0;
  }
  return hash % SLOT_COUNT;
}

interface Parsed {
  raw: unknown;
  log: MachineLog | undefined;
}

export class SyncedProgressStore {
  private cache: { raws: unknown[]; logs: readonly MachineLog[] } | undefined;
  private readonly parsed = new Map<string, Parsed>();
  private readonly reported = new Set<unknown>();
  /** Copies of unreadable values being saved: nothing is written before they are done. */
  private asideWork: Promise<unknown> = Promise.resolve();
  private own: MachineLog | undefined;
  private writable = true;
  private publishing: Promise<void> | undefined;
  private legacy: { raw: unknown; log: MachineLog | undefined } | undefined;

  constructor(
    private readonly memento: KeyValueStore,
    private readonly machine: string,
    private readonly hooks: StoreHooks,
  ) {}

  /** This machine's log: its own copy, or on first run the single value of earlier versions, migrated. */
  private ownLog(): MachineLog {
    if (this.own && this.memento.get(OWN_LOG_KEY) === this.own) {
      return this.own;
    }
    const raw = this.memento.get(OWN_LOG_KEY);
    if (raw === undefined) {
      const mySlot = this.readKey(this.slotKey() ?? '', (log) => log.machine === this.machine);
      const legacy = loadState(this.memento.get(LEGACY_STATE_KEY));
      this.own = mySlot ?? logFromState(legacy.state, this.machine);
    } else {
      this.own = this.readKey(OWN_LOG_KEY) ?? this.readKey(this.slotKey() ?? '', (log) => log.machine === this.machine) ?? emptyLog(this.machine);
      this.own = { ...this.own, machine: this.machine };
    }
    return this.own;
  }

  private slotKey(): string | undefined {
    const slot = this.memento.get(OWN_SLOT_KEY);
    return typeof slot === 'number' && Number.isInteger(slot) && slot >= 0 && slot < SLOT_COUNT ? SLOT_KEYS[slot] : undefined;
  }

  /** Parses a stored log once per value; reports and saves aside what cannot be read. */
  private readKey(key: string, accept: (log: MachineLog) => boolean = () => true): MachineLog | undefined {
    if (!key) {
      return undefined;
    }
    const raw = this.memento.get(key);
    const cached = this.parsed.get(key);
    if (cached && cached.raw === raw) {
      return cached.log && accept(cached.log) ? cached.log : undefined;
    }
    const loaded = readMachineLog(raw, this.machine);
    const log = loaded.status === 'ok' ? loaded.log : undefined;
    this.parsed.set(key, { raw, log });
    if (loaded.status === 'newer') {
      if (key === OWN_LOG_KEY) {
        this.writable = false;
      }
      this.hooks.reportNewer(key === OWN_LOG_KEY);
    } else if (loaded.status === 'corrupt' || loaded.dropped > 0) {
      this.setAside({ key, raw, dropped: loaded.status === 'corrupt' ? undefined : loaded.dropped }, log ? Object.keys(log.items).length : 0);
    }
    return log && accept(log) ? log : undefined;
  }

  private setAside(value: UnreadableValue, itemsKept: number): void {
    if (this.reported.has(value.raw)) {
      return;
    }
    this.reported.add(value.raw);
    this.asideWork = this.asideWork.then(async () => {
      const savedTo = await this.hooks.saveAside(value);
      this.hooks.reportUnreadable(value, savedTo, itemsKept);
    });
  }

  /** The single value of earlier versions as a log, parsed once per stored value (older versions may still write it). */
  private legacyLog(): MachineLog | undefined {
    const raw = this.memento.get(LEGACY_STATE_KEY);
    if (!this.legacy || this.legacy.raw !== raw) {
      const loaded = loadState(raw);
      if (loaded.status === 'corrupt' || loaded.dropped > 0) {
        this.setAside({ key: LEGACY_STATE_KEY, raw, dropped: loaded.status === 'corrupt' ? undefined : loaded.dropped }, Object.keys(loaded.state.items).length);
      }
      this.legacy = { raw, log: loaded.status === 'ok' ? logFromState(loaded.state, 'legacy') : undefined };
    }
    return this.legacy.log;
  }

  /** Every machine's log: this machine's own, the other slots, and the value of earlier versions. */
  logs(): readonly MachineLog[] {
    const raws = [OWN_LOG_KEY, OWN_SLOT_KEY, LEGACY_STATE_KEY, ...SLOT_KEYS].map((key) => this.memento.get(key));
    if (this.cache && raws.every((raw, index) => raw === this.cache!.raws[index])) {
      return this.cache.logs;
    }
    const own = this.ownLog();
    const others = SLOT_KEYS.map((key) => this.readKey(key, (log) => log.machine !== this.machine)).filter((log): log is MachineLog => !!log);
    const legacy = this.legacyLog();
    const logs = [own, ...others, ...(legacy ? [legacy] : [])];
    this.cache = { raws, logs };
    // Best effort: a failed write is tried again at the next read or answer.
    this.publishing ??= this.publish()
      .catch(() => undefined)
      .finally(() => (this.publishing = undefined));
    return logs;
  }

  /** Changes this machine's log: its own copy first, then its synced slot. */
  async update(change: (mine: MachineLog) => MachineLog): Promise<void> {
    this.logs();
    await this.asideWork;
    if (!this.writable) {
      return;
    }
    const next = change(this.ownLog());
    this.own = next;
    await this.memento.update(OWN_LOG_KEY, next);
    await this.publish();
  }

  /** Writes this machine's log to its slot when the slot lacks it (first run, a collision, an overwrite by sync). */
  private async publish(): Promise<void> {
    await this.asideWork;
    const own = this.ownLog();
    if (!this.writable) {
      return;
    }
    if (this.memento.get(OWN_LOG_KEY) !== own) {
      await this.memento.update(OWN_LOG_KEY, own);
    }
    let key = this.slotKey();
    if (!key && Object.keys(own.items).length === 0) {
      return; // Nothing to share yet: a machine that never answered takes no slot.
    }
    const current = key ? this.memento.get(key) : undefined;
    // A readable log of another machine: claimed by both before they synced. An unreadable value in
    // this machine's own slot is its own, and is replaced (after it is saved aside).
    const taken = current !== undefined && readMachineLog(current, this.machine).status === 'ok' && !this.isMine(current);
    if (!key || taken) {
      key = this.claimSlot();
      if (!key) {
        return;
      }
      await this.memento.update(OWN_SLOT_KEY, SLOT_KEYS.indexOf(key));
    }
    if (this.memento.get(key) !== own) {
      // The slot's previous value, if unreadable, is saved aside by readKey before this runs.
      this.readKey(key);
      await this.asideWork;
      await this.memento.update(key, own);
    }
  }

  private isMine(raw: unknown): boolean {
    const loaded = readMachineLog(raw, this.machine);
    return loaded.status === 'ok' && loaded.log.machine === this.machine;
  }

  /** The first empty slot, starting from one derived from the machine id so that machines rarely meet. */
  private claimSlot(): string | undefined {
    const start = hashSlot(this.machine);
    for (let i = 0; i < SLOT_COUNT; i++) {
      const key = SLOT_KEYS[(start + i) % SLOT_COUNT];
      const raw = this.memento.get(key);
      if (raw === undefined || this.isMine(raw)) {
        return key;
      }
    }
    return undefined;
  }

  /** Settles pending writes (tests, and before an export). */
  async settled(): Promise<void> {
    await this.asideWork;
    await this.publishing;
  }
}
