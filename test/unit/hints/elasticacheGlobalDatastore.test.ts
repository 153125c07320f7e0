/** A global datastore's secondary replication group takes the datastore's encryption: CloudFormation and CDK. */
import * as assert from 'node:assert/strict';
import { hintsIn } from './support';

const encryption = (fileName: string, code: string): string[] =>
  hintsIn(fileName, code).filter((hint) => hint.endsWith('!') && hint.includes('-encryption'));

describe('ElastiCache global datastore secondaries', () => {
  it('leaves a CloudFormation secondary without encryption settings silent, and reports a group that joins none', () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  GlobalDatastoreId:',
      '    Type: String',
      'Resources:',
      '  SessionsSecondary:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions, eu-west-1 reader',
      '      GlobalReplicationGroupId: !Ref GlobalDatastoreId',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: true',
      '  Sessions:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: sessions',
      '      NumCacheClusters: 2',
      '      AutomaticFailoverEnabled: true',
      '',
    ].join('\n');
    assert.deepEqual(encryption('template.yaml', template), ['13:Sessions elasticache-at-rest-encryption!', '13:Sessions elasticache-transit-encryption!']);
  });

  it('leaves a CDK CfnReplicationGroup that joins a datastore silent, and still reports encryption written off', () => {
    const stack = (secondary: string): string =>
      [
        "import { Stack, StackProps } from 'aws-cdk-lib';",
        "import * as elasticache from 'aws-cdk-lib/aws-elasticache';",
        "import { Construct } from 'constructs';",
        '',
        'export interface ReaderStackProps extends StackProps {',
        '  globalDatastoreId: string;',
        '}',
        '',
        'export class SessionsReaderStack extends Stack {',
        '  constructor(scope: Construct, id: string, props: ReaderStackProps) {',
        '    super(scope, id, props);',
        "    new elasticache.CfnReplicationGroup(this, 'SessionsReader', {",
        "      replicationGroupDescription: 'sessions reader',",
        '      globalReplicationGroupId: props.globalDatastoreId,',
        '      numCacheClusters: 2,',
        '      automaticFailoverEnabled: true,',
        secondary,
        '    });',
        '  }',
        '}',
        '',
      ].join('\n');
    assert.deepEqual(encryption('reader-stack.ts', stack('')), []);
    assert.deepEqual(encryption('reader-stack.ts', stack('      transitEncryptionEnabled: false,')), ['17:transitEncryptionEnabled elasticache-transit-encryption!']);
  });
});
