/** The CLI's output of a workspace finding: JSON gains the definitions it was checked against; text keeps one escaped line. */
import * as assert from 'node:assert/strict';
import { assembleOutput, CliEntry, Format, formatEntries } from '../../../src/cli/output';

const entry: CliEntry = {
  file: 'src/handler.ts',
  line: 6,
  column: 66,
  endLine: 6,
  endColumn: 77,
  ruleId: 'dynamodb-workspace-index-undefined',
  severity: 'error',
  message: "Table orders has no index named 'by\n::error::x\u202e' (its indexes: 'by-status'), so DynamoDB rejects this request with a ValidationException.",
  service: 'dynamodb',
  related: [{ file: 'template.yaml', line: 9, column: 3, message: 'Table orders (OrdersTable) is defined here\u009b' }],
};

/** The whole output of a run whose one finding is `entry`. */
const output = (format: Format): string => assembleOutput(format, [formatEntries([entry], format, '/work')], new Set([entry.ruleId]), [], '/work');

describe('CLI output of workspace findings', () => {
  it('adds the related definitions to JSON after the fields that were there, escaped', () => {
    const json = output('json');
    const [parsed] = JSON.parse(json) as CliEntry[];
    assert.deepEqual(Object.keys(parsed), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'service', 'related']);
    assert.deepEqual(parsed.related, entry.related);
    assert.ok(!/[\u0080-\u009f\u202e]/.test(json), 'controls and bidi characters are written as \\u escapes');
    assert.ok(!json.includes('\n::error'));
  });

  it('keeps the text format at one line a finding, with names from the code escaped', () => {
    const text = output('text');
    assert.equal(text.split('\n').length, 2);
    assert.ok(text.startsWith("src/handler.ts:6:66 error dynamodb-workspace-index-undefined Table orders has no index named 'by\\n::error::x\\u202e'"));
  });
});
