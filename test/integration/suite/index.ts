/** Entry point VS Code calls in the extension host: runs every in-host suite with mocha. */
import Mocha from 'mocha';
import { format } from 'node:util';
import { SUITE_OUTPUT_MARKER } from './marker';

export function run(): Promise<void> {
  // Mark the reporter's lines so that the code-server runner can tell them from the workbench's logs.
  const consoleLog = console.log;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => consoleLog(SUITE_OUTPUT_MARKER + format(...args));
  Mocha.reporters.Base.useColors = false;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, ...(process.env.INTEGRATION_GREP ? { grep: process.env.INTEGRATION_GREP } : {}) });
  // The suites are bundled into this file; pre-require gives them mocha's globals before they load.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  require('./extension.test');
  require('./quiz.test');
  require('./sync.test');
  require('./hints.test');
  require('./workspace.test');
  return new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
