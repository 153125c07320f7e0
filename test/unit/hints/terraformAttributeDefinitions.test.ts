/**
 * `dynamodb-key-schema`'s finding on a Terraform `aws_dynamodb_table` whose `attribute` blocks define an attribute no key
 * uses (neither `hash_key`/`range_key` nor a key of a global or local secondary index): DynamoDB rejects the table.
 * Silent: every definition a key of the table or of an index, and a table whose key, an attribute or an index is not
 * written literally (a variable, a `dynamic` block), which leaves the table unjudged.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function findings(code: string): string[] {
  return hintsIn('dynamodb.tf', code).filter((hint) => hint.endsWith(' dynamodb-key-schema!'));
}

const EVENTS = sourceLines(
  'resource "aws_dynamodb_table" "events" {',
  '  name         = "events"',
  '  billing_mode = "PAY_PER_REQUEST"',
  '  hash_key     = "tenant"',
  '  range_key    = "event_id"',
  '',
  '  attribute {',
  '    name = "tenant"',
  '    type = "S"',
  '  }', // 10
  '  attribute {',
  '    name = "event_id"',
  '    type = "S"',
  '  }',
  '  attribute {',
  '    name = "source" # the GSI key',
  '    type = "S"',
  '  }',
  '  attribute {',
  '    name = "received_at"', // 20
  '    type = "S"',
  '  }',
  '  attribute {',
  '    name = "payload_size"',
  '    type = "N"',
  '  }',
  '',
  '  global_secondary_index {',
  '    name            = "by-source"',
  '    hash_key        = "source"', // 30
  '    projection_type = "KEYS_ONLY"',
  '  }',
  '  local_secondary_index {',
  '    name            = "by-received"',
  '    range_key       = "received_at"',
  '    projection_type = "ALL"',
  '  }',
  '}',
);

describe('Terraform attribute definitions that no key of the table or of its indexes uses', () => {
  it('reports the definition of an attribute no key uses', () => {
    assert.deepEqual(findings(EVENTS), ['23:attribute dynamodb-key-schema!']);
  });

  it('says nothing when every definition is a key of the table or of an index', () => {
    const keysOnly = EVENTS.replace(/ {2}attribute \{\n {4}name = "payload_size"\n {4}type = "N"\n {2}\}\n/, '');
    assert.notEqual(keysOnly, EVENTS);
    assert.deepEqual(findings(keysOnly), []);
  });

  it('leaves a table unjudged when a key, an attribute or an index is not written literally', () => {
    assert.deepEqual(findings(EVENTS.replace('hash_key     = "tenant"', 'hash_key     = var.partition_key')), []);
    assert.deepEqual(findings(EVENTS.replace('name = "payload_size"', 'name = local.size_attribute')), []);
    assert.deepEqual(findings(EVENTS.replace('hash_key        = "source"', 'hash_key        = "${var.prefix}source"')), []);
    const dynamicIndexes = EVENTS.replace(
      / {2}global_secondary_index \{[^}]*\}\n/,
      sourceLines('  dynamic "global_secondary_index" {', '    for_each = var.indexes', '    content {', '      name     = global_secondary_index.value.name', '      hash_key = global_secondary_index.value.key', '    }', '  }', ''),
    );
    assert.notEqual(dynamicIndexes, EVENTS);
    assert.deepEqual(findings(dynamicIndexes), []);
  });
});
