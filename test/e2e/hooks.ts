/** Mocha root hooks for the e2e tier: each run starts with an empty results folder. */
import * as fs from 'node:fs';
import { RESULTS_DIR } from '../harness/workbench';

export const mochaHooks = {
  beforeAll(): void {
    fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  },
};
