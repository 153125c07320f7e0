/**
 * Go CDK apps that keep their constructs in the fields of a struct of their own (`type AppStack struct { db
 * awsrds.IDatabaseInstance; orders awsdynamodb.Table }`), built in one method and used in another: the methods called
 * through the field (`s.db.Connections().AllowDefaultPortFrom(awsec2.Peer_AnyIpv4(), nil)`, `s.orders.GrantFullAccess(fn)`)
 * are the construct's, as they are on a variable or parameter of the construct's type.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const FILE = 'infra/app_stack.go';

const CODE = sourceLines(
  'package main', // 1
  '',
  'import (',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"',
  '\t"github.com/aws/aws-cdk-go/awscdk/v2/awsrds"',
  '\t"github.com/aws/jsii-runtime-go"',
  ')',
  '',
  'type AppStack struct {', // 12
  '\tstack  awscdk.Stack',
  '\tdb     awsrds.IDatabaseInstance',
  '\torders awsdynamodb.Table',
  '\tname   string',
  '}',
  '',
  'type Settings struct {', // 19
  '\tdb awsec2.IVpc',
  '}',
  '',
  'func (s *AppStack) buildDatabase(id string) {', // 23
  '\ts.db = awsrds.DatabaseInstance_FromLookup(s.stack, jsii.String(id), &awsrds.DatabaseInstanceLookupOptions{InstanceIdentifier: jsii.String(id)})',
  '}',
  '',
  'func (s *AppStack) open(fn awslambda.Function) {', // 27
  '\ts.db.Connections().AllowDefaultPortFrom(awsec2.Peer_AnyIpv4(), jsii.String("anyone"))', // 28
  '\ts.db.Connections().AllowDefaultPortFrom(fn, nil)', // 29: the function's own group
  '\ts.orders.GrantFullAccess(fn)', // 30
  '}',
  '',
  'func wire(root awscdk.App, fn awslambda.Function) {', // 33
  '\tapp := &AppStack{stack: awscdk.NewStack(root, jsii.String("App"), nil)}',
  '\tapp.orders.GrantFullAccess(fn)', // 35
  '}',
  '',
  'func (c Settings) vpcPeers(fn awslambda.Function) {', // 38
  '\tc.db.Connections().AllowDefaultPortFrom(awsec2.Peer_AnyIpv4(), nil)', // 39: a VPC's field is no database
  '}',
);

describe('Go CDK constructs held in struct fields', () => {
  const found = hintsIn(FILE, CODE);

  it('reads a method called through a receiver\'s construct field as the construct\'s', () => {
    assert.ok(found.includes('28:AllowDefaultPortFrom rds-open-ingress!'), found.join('\n'));
    assert.ok(found.includes('30:GrantFullAccess dynamodb-grant!'), found.join('\n'));
  });

  it('reads a field of a variable the struct\'s literal makes', () => {
    assert.ok(found.includes('35:GrantFullAccess dynamodb-grant!'), found.join('\n'));
  });

  it('gives nothing for a rule from another construct\'s group, nor through a field of another type', () => {
    assert.deepEqual(
      found.filter((hint) => hint.startsWith('29:') || hint.startsWith('39:')),
      [],
    );
  });
});
