/**
 * Go CDK constructs handed to a function: a parameter or variable declared with a construct type of aws-cdk-go
 * (`sg awsec2.SecurityGroup`, `table awsdynamodb.ITable`) takes the construct's methods, as a Java or C# parameter
 * declared with its class does. A type of another package, or a props struct, gives nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const IMPORTS = [
  'package main',
  '',
  'import (',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"',
  '\t"github.com/aws/jsii-runtime-go"',
  '\tec2 "github.com/example/platform/ec2"',
  ')',
  '',
];

describe('Go CDK constructs received by a function', () => {
  it('reads the methods of a parameter declared with a construct type, an interface or a pointer', () => {
    const code = sourceLines(
      ...IMPORTS,
      'func openDatabasePort(sg awsec2.SecurityGroup) {',
      '\tsg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(5432)), jsii.String("db"), nil)',
      '}',
      '',
      'func grantReaders(table awsdynamodb.ITable, fn awslambda.IFunction) {',
      '\ttable.GrantFullAccess(fn)',
      '}',
      '',
      'func openCachePort(group *awsec2.SecurityGroup) {',
      '\tgroup.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(6379)), nil, nil)',
      '}',
    );
    assert.deepEqual(
      hintsIn('infra/rules.go', code).filter((hint) => hint.endsWith('!')),
      ['12:AddIngressRule rds-open-ingress!', '16:GrantFullAccess dynamodb-grant!', '20:AddIngressRule elasticache-open-ingress!'],
    );
  });

  it('reads nothing through a type of another package or a props struct', () => {
    const code = sourceLines(
      ...IMPORTS,
      'func platformRules(sg ec2.SecurityGroup) {',
      '\tsg.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(5432)), nil, nil)',
      '}',
      '',
      'func propsOnly(props *awsec2.SecurityGroupProps) {',
      '\tprops.AddIngressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(5432)), nil, nil)',
      '}',
    );
    assert.deepEqual(hintsIn('infra/rules.go', code), []);
  });
});
