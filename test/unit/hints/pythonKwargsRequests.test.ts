/**
 * Python: the keys a function assigns to its own `**kwargs` before it spreads it into a boto3 call are options
 * of that request (`kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]`, then `table.query(**kwargs)`). The
 * request stays incomplete (the callers' keys are unknown), so no absence is reported. Silent: a `**kwargs` of
 * another function, and keys assigned to a dict that is not spread.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Python **kwargs parameters spread into a boto3 request', () => {
  it('hovers the keys the function assigns to its own **kwargs', () => {
    const code = sourceLines(
      'import boto3',
      '',
      "sites = boto3.resource('dynamodb').Table('sites')",
      '',
      'def query_all(**kwargs):',
      '    page = sites.query(**kwargs)',
      "    items = page['Items']",
      "    while 'LastEvaluatedKey' in page:",
      "        kwargs['ExclusiveStartKey'] = page['LastEvaluatedKey']",
      '        page = sites.query(**kwargs)',
      "        items.extend(page['Items'])",
      '    return items',
      '',
      'def scan_some(limit, **kwargs):',
      "    kwargs['Limit'] = limit",
      '    return sites.scan(**kwargs)',
      '',
      'def tag(**labels):',
      "    labels['Limit'] = 5",
      '    return labels',
    );
    const hints = hintsIn('sites_store.py', code);
    assert.ok(hints.includes("9:'ExclusiveStartKey' dynamodb-pagination-keys"), hints.join('\n'));
    assert.ok(hints.includes("15:'Limit' dynamodb-limit"), hints.join('\n'));
    assert.ok(!hints.some((hint) => hint.startsWith('19:')), hints.join('\n'));
    // The first page's query is paged by the loop: nothing is reported on it.
    assert.ok(!hints.some((hint) => hint.startsWith('6:') && hint.endsWith('!')), hints.join('\n'));
  });
});
