/**
 * PynamoDB table settings: the capacity units and `billing_mode` a model's `create_table(...)` call passes, the
 * `read_capacity_units`, `write_capacity_units`, `billing_mode` and `stream_view_type` a model's or index's `Meta`
 * declares, read as the CreateTable parameters they become, and a model's `TTLAttribute`, for which `create_table`
 * turns Time to Live on. Silent: `wait`, the `Meta` of other classes, a plain class's attributes of the same names,
 * and a `TTLAttribute` of another library.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['dynamodb-billing-mode', 'dynamodb-streams'];

describe('PynamoDB: table settings of create_table and Meta', () => {
  it('reads the capacity and billing keywords of a model class create_table', () => {
    const code = sourceLines(
      'from pynamodb.models import Model',
      'from pynamodb.attributes import UnicodeAttribute',
      '',
      '',
      'class Visit(Model):',
      '    class Meta:',
      '        table_name = "visits"',
      '',
      '    visit_id = UnicodeAttribute(hash_key=True)',
      '',
      '',
      'def init_db(on_demand):',
      '    if on_demand:',
      '        Visit.create_table(billing_mode="PAY_PER_REQUEST", wait=True)',
      '    elif not Visit.exists():',
      '        Visit.create_table(read_capacity_units=5, write_capacity_units=2, wait=True)',
    );
    assert.deepEqual(hintsOfRules('init_db.py', code, RULES), [
      '14:billing_mode dynamodb-billing-mode',
      '16:read_capacity_units dynamodb-billing-mode',
      '16:write_capacity_units dynamodb-billing-mode',
    ]);
  });

  it('reads the table settings of a model and an index Meta, not those of other classes', () => {
    const code = sourceLines(
      'from pynamodb.models import Model',
      'from pynamodb.indexes import GlobalSecondaryIndex, AllProjection',
      'from pynamodb.attributes import UnicodeAttribute',
      '',
      '',
      'class ByCity(GlobalSecondaryIndex):',
      '    class Meta:',
      '        read_capacity_units = 2',
      '        projection = AllProjection()',
      '    city = UnicodeAttribute(hash_key=True)',
      '',
      '',
      'class Visit(Model):',
      '    class Meta:',
      '        table_name = "visits"',
      '        billing_mode = "PROVISIONED"',
      '        write_capacity_units = 1',
      '        stream_view_type = "NEW_AND_OLD_IMAGES"',
      '    visit_id = UnicodeAttribute(hash_key=True)',
      '    by_city = ByCity()',
      '',
      '',
      'class Plan:',
      '    class Meta:',
      '        billing_mode = "monthly"',
      '    read_capacity_units = 10',
    );
    assert.deepEqual(hintsOfRules('models.py', code, RULES), [
      '16:billing_mode dynamodb-billing-mode',
      '17:write_capacity_units dynamodb-billing-mode',
      '18:stream_view_type dynamodb-streams',
      '8:read_capacity_units dynamodb-billing-mode',
    ]);
  });

  it("reads a model's TTLAttribute as where Time to Live is turned on, not another library's", () => {
    const code = sourceLines(
      'from pynamodb.models import Model',
      'from pynamodb.attributes import TTLAttribute, UnicodeAttribute',
      'from otherlib import TTLAttribute as OtherTtl',
      '',
      '',
      'class Session(Model):',
      '    class Meta:',
      '        table_name = "sessions"',
      '    session_id = UnicodeAttribute(hash_key=True)',
      '    expires = TTLAttribute()',
      '',
      '',
      'class Token:',
      '    expires = OtherTtl()',
      '',
      '',
      'def build():',
      '    return TTLAttribute()',
    );
    assert.deepEqual(hintsOfRules('sessions.py', code, ['dynamodb-ttl']), ['10:TTLAttribute dynamodb-ttl']);
  });
});
