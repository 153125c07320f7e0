/** Turning rules off and on in the `awsDbStudy.hints.rules` setting, and undoing it. */
import * as assert from 'node:assert/strict';
import { restoreRule, rulesTurnedOff, turnRuleOff, turnRuleOn } from '../../../src/hints/ruleToggles';

describe('design hint rule toggles', () => {
  it('turns a rule off and undoes it back to the default', () => {
    const { next, previous } = turnRuleOff(undefined, 'dynamodb-scan');
    assert.deepEqual(next, { 'dynamodb-scan': 'off' });
    assert.equal(previous, undefined);
    assert.equal(restoreRule(next, 'dynamodb-scan', previous), undefined, 'an empty setting is removed');
  });

  it('undoes back to a severity override and keeps the other rules', () => {
    const { next, previous } = turnRuleOff({ 'rds-multi-az': 'warning', 'dynamodb-scan': 'error' }, 'dynamodb-scan');
    assert.deepEqual(next, { 'rds-multi-az': 'warning', 'dynamodb-scan': 'off' });
    assert.equal(previous, 'error');
    assert.deepEqual(restoreRule(next, 'dynamodb-scan', previous), { 'rds-multi-az': 'warning', 'dynamodb-scan': 'error' });
  });

  it('turns only an off rule back on', () => {
    assert.deepEqual(turnRuleOn({ 'dynamodb-scan': 'off', 'rds-multi-az': 'warning' }, 'dynamodb-scan'), { 'rds-multi-az': 'warning' });
    assert.deepEqual(turnRuleOn({ 'rds-multi-az': 'warning' }, 'rds-multi-az'), { 'rds-multi-az': 'warning' });
    assert.equal(turnRuleOn({ 'dynamodb-scan': 'off' }, 'dynamodb-scan'), undefined);
  });

  it('lists the rules a setting turns off and ignores a malformed setting', () => {
    assert.deepEqual(rulesTurnedOff({ 'redis-keys': 'off', 'rds-multi-az': 'warning', 'dynamodb-scan': 'off' }), ['dynamodb-scan', 'redis-keys']);
    assert.deepEqual(rulesTurnedOff(['redis-keys']), []);
    assert.deepEqual(turnRuleOff('off', 'redis-keys').next, { 'redis-keys': 'off' });
  });
});
