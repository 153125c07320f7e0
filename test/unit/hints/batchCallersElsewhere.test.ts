/**
 * JavaScript batch wrappers judged by the callers of other modules (workspace mode): a module-level function that
 * returns a BatchGetItem or BatchWriteItem reply whole leaves its unprocessed part to its callers. When every call
 * other files make of it reads that part and sends it again, the wrapper's batch is not reported; a caller that
 * drops it, or only logs it, keeps the finding, and so does a file read alone.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-batch-get-item';

/** The rule's findings in `file` as `line:text`, read in workspace mode beside the other files, or alone. */
function reported(files: Record<string, string>, file: string, alone = false): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, ...(alone ? {} : { workspace: built }) });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

const WRAPPER = sourceLines(
  "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
  'export async function fetchBatch(db: DocumentClient, params: DocumentClient.BatchGetItemInput) {',
  '  const reply = await db.batchGet(params).promise();',
  '  return reply;',
  '}',
);

const RETRYING = sourceLines(
  "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
  "import { fetchBatch } from './fetch-batch';",
  'export async function loadAll(db: DocumentClient, table: string, keys: DocumentClient.Key[]) {',
  '  const found: DocumentClient.AttributeMap[] = [];',
  '  let pending: DocumentClient.BatchGetRequestMap = { [table]: { Keys: keys } };',
  '  while (Object.keys(pending).length > 0) {',
  '    const reply = await fetchBatch(db, { RequestItems: pending });',
  '    found.push(...(reply.Responses?.[table] ?? []));',
  '    pending = reply.UnprocessedKeys ?? {};',
  '  }',
  '  return found;',
  '}',
);

const DROPPING = sourceLines(
  "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
  "import { fetchBatch } from './fetch-batch';",
  'export async function loadSome(db: DocumentClient, table: string, keys: DocumentClient.Key[]) {',
  '  const reply = await fetchBatch(db, { RequestItems: { [table]: { Keys: keys } } });',
  '  return reply.Responses?.[table] ?? [];',
  '}',
);

const LOGGING = sourceLines(
  "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
  "import { fetchBatch } from './fetch-batch';",
  'export async function loadLogged(db: DocumentClient, table: string, keys: DocumentClient.Key[]) {',
  '  const reply = await fetchBatch(db, { RequestItems: { [table]: { Keys: keys } } });',
  "  console.warn('unprocessed', reply.UnprocessedKeys);",
  '  return reply.Responses?.[table] ?? [];',
  '}',
);

describe('batch wrappers judged by the callers of other modules', () => {
  it('leaves a wrapper whose every caller in other files retries the unprocessed keys', () => {
    assert.deepEqual(reported({ 'src/fetch-batch.ts': WRAPPER, 'src/load-all.ts': RETRYING }, 'src/fetch-batch.ts'), []);
  });

  it('keeps the finding when a caller drops them, only logs them, or when the file is read alone', () => {
    const finding = ['3:batchGet'];
    assert.deepEqual(reported({ 'src/fetch-batch.ts': WRAPPER, 'src/load-all.ts': RETRYING, 'src/load-some.ts': DROPPING }, 'src/fetch-batch.ts'), finding);
    assert.deepEqual(reported({ 'src/fetch-batch.ts': WRAPPER, 'src/load-logged.ts': LOGGING }, 'src/fetch-batch.ts'), finding);
    assert.deepEqual(reported({ 'src/fetch-batch.ts': WRAPPER, 'src/load-all.ts': RETRYING }, 'src/fetch-batch.ts', true), finding);
    assert.deepEqual(reported({ 'src/fetch-batch.ts': WRAPPER }, 'src/fetch-batch.ts'), finding);
  });
});
