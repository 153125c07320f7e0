/**
 * The contexts a check on an absent setting visits: only the complete contexts of the rule's types,
 * a CDK L1 construct counting as its CloudFormation resource, in the document's order.
 */
import * as assert from 'node:assert/strict';
import { ContextsByType } from '../../../src/hints/engine/checks/context';
import { ContextKind, OptionContext } from '../../../src/hints/engine/model';

function context(kind: ContextKind, type: string, at: number, complete = true): OptionContext {
  return { kind, type, options: [], complete, anchor: { start: at, end: at + 1 } };
}

describe('contexts by type', () => {
  const contexts = [
    context('cloudformation', 'AWS::RDS::DBCluster', 0),
    context('cdk', 'aws_rds.CfnDBInstance', 10),
    context('cloudformation', 'AWS::RDS::DBInstance', 20),
    context('cloudformation', 'AWS::RDS::DBInstance', 30, false),
    context('sdk', 'aws_rds.CfnDBInstance', 40),
    context('cloudformation', 'AWS::RDS::DBCluster', 50),
  ];
  const byType = new ContextsByType(contexts);
  const anchors = (found: readonly OptionContext[]): number[] => found.map((found) => found.anchor.start);

  it('gives the complete contexts of one type, and of its CDK L1 construct only as a CDK context', () => {
    assert.deepEqual(anchors(byType.of(['AWS::RDS::DBInstance'])), [10, 20]);
    assert.deepEqual(anchors(byType.of(['AWS::RDS::DBCluster'])), [0, 50]);
  });

  it('gives several types in document order, each context once', () => {
    assert.deepEqual(anchors(byType.of(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'])), [0, 10, 20, 50]);
  });

  it('gives nothing for a type the document lacks, or for no type', () => {
    assert.deepEqual(byType.of(['AWS::ElastiCache::ReplicationGroup']), []);
    assert.deepEqual(byType.of([]), []);
  });
});
