/**
 * A Lambda handler that constructs an adapter class whose constructor builds a client from its parameters
 * (`constructor(region, tableName) { this.doc = new DocumentClient({ region }) }`) makes a client per invocation
 * when every argument is the same on each run (`new Adapter(process.env.region, process.env.tableName)`, literals),
 * as when it passes none; also when the handler imports the class by default through a tsconfig path alias
 * (`import Adapter from '@utils/Adapter'`). Silent: an argument the event brings, a client passed in.
 */
import * as assert from 'node:assert/strict';
import { hintsOfFile } from './support';
import { hintsIn, sourceLines } from '../hints/support';

const RULE = 'lambda-client-per-invocation!';

const ADAPTER = sourceLines(
  "import { DocumentClient } from 'aws-sdk/clients/dynamodb';",
  '',
  'export default class Adapter {',
  '  documentClient: DocumentClient;',
  '  constructor(region: string, readonly tableName: string) {',
  '    this.documentClient = new DocumentClient({ region });',
  '  }',
  '}',
);

const handler = (construction: string, from = "'@utils/Adapter'") =>
  sourceLines(
    `import Adapter from ${from};`,
    '',
    'export const main = async (event) => {',
    `  const db = ${construction};`,
    '  return db.tableName;',
    '};',
  );

describe('Adapters a Lambda handler constructs with fixed arguments', () => {
  it('reports a same-file adapter constructed with environment variables or literals, not with the event or a client', () => {
    const inFile = (construction: string) => `${ADAPTER.replace('export default class', 'class')}\n${handler(construction).split('\n').slice(1).join('\n')}`;
    for (const construction of ['new Adapter(process.env.region, process.env.tableName)', "new Adapter(process.env['REGION']!, 'orders')", "new Adapter(process.env.REGION ?? 'eu-west-1', 'orders')"]) {
      assert.ok(hintsIn('src/handlers/get.ts', inFile(construction)).some((hint) => hint.startsWith('12:') && hint.endsWith(RULE)), construction);
    }
    for (const construction of ['new Adapter(event.region, process.env.tableName)', 'new Adapter(process.env.region, `${process.env.STAGE}-orders`)', 'new Adapter(region, process.env.tableName)']) {
      assert.ok(!hintsIn('src/handlers/get.ts', inFile(construction)).some((hint) => hint.endsWith(RULE)), construction);
    }
  });

  it('follows a default import through a tsconfig path alias to the class', () => {
    const project = (code: string) => ({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@utils/*': ['src/utils/*'] } } }),
      'src/utils/Adapter.ts': ADAPTER,
      'src/handlers/get.ts': code,
    });
    const found = (code: string) => hintsOfFile(project(code), 'src/handlers/get.ts').filter((hint) => hint.endsWith(RULE));
    assert.deepEqual(found(handler('new Adapter(process.env.region, process.env.tableName)')), ['4:Adapter lambda-client-per-invocation!']);
    assert.deepEqual(found(handler('new Adapter(event.region, process.env.tableName)')), []);
    assert.equal(found(handler('new Adapter(process.env.region, process.env.tableName)', "'../utils/Adapter'")).length, 1);
  });
});
