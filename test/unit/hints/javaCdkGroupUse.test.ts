/**
 * CDK in Java: what a security group with every port open to the internet protects, as the file shows it. A group
 * made with `SecurityGroup.Builder.create(...)` and given to a construct's builder (`.securityGroup(sg)`,
 * `.securityGroups(List.of(sg))`), in place or returned by a method of the file, is that construct's: an EC2
 * instance's every-port rule is not a database port left open; a database's still is.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const RULES = ['rds-open-ingress', 'elasticache-open-ingress'];
const findings = (code: string): string[] => hintsOfRules('WebStack.java', code, RULES).filter((hint) => hint.endsWith('!'));

const HEAD = [
  'package com.example;',
  'import software.amazon.awscdk.Stack;',
  'import software.amazon.awscdk.services.ec2.Instance;',
  'import software.amazon.awscdk.services.ec2.IVpc;',
  'import software.amazon.awscdk.services.ec2.Peer;',
  'import software.amazon.awscdk.services.ec2.Port;',
  'import software.amazon.awscdk.services.ec2.SecurityGroup;',
  'import software.amazon.awscdk.services.rds.DatabaseInstance;',
  'import software.constructs.Construct;',
  'public class WebStack extends Stack {', // 10
];

describe('Java CDK security groups by what they are given to', () => {
  it('leaves an every-port rule on an EC2 instance\'s group, and reports one on a database\'s group', () => {
    const code = sourceLines(
      ...HEAD,
      '  public WebStack(final Construct scope, final String id, IVpc vpc) {',
      '    super(scope, id);',
      '    var web = SecurityGroup.Builder.create(this, "web-sg").vpc(vpc).build();',
      '    web.addIngressRule(Peer.anyIpv4(), Port.allTcp());', // 14
      '    Instance.Builder.create(this, "web").vpc(vpc).securityGroup(web).build();',
      '    var db = SecurityGroup.Builder.create(this, "db-sg").vpc(vpc).build();',
      '    db.addIngressRule(Peer.anyIpv4(), Port.allTcp());', // 17
      '    DatabaseInstance.Builder.create(this, "db").vpc(vpc).securityGroups(List.of(db)).build();',
      '  }',
      '}',
    );
    assert.deepEqual(findings(code), ['17:addIngressRule rds-open-ingress!']);
  });

  it('follows a group a method of the file returns to where its callers give it, and keeps one given nowhere', () => {
    const code = (use: string): string =>
      sourceLines(
        ...HEAD,
        '  public WebStack(final Construct scope, final String id, IVpc vpc) {',
        '    super(scope, id);',
        `    ${use}`,
        '  }',
        '  private SecurityGroup webGroup(IVpc vpc) {',
        '    var sg = SecurityGroup.Builder.create(this, "web-sg").vpc(vpc).build();',
        '    sg.addIngressRule(Peer.anyIpv4(), Port.allTcp());', // 17
        '    return sg;',
        '  }',
        '}',
      );
    assert.deepEqual(findings(code('var sg = webGroup(vpc); Instance.Builder.create(this, "web").vpc(vpc).securityGroup(sg).build();')), []);
    assert.deepEqual(findings(code('Instance.Builder.create(this, "web").vpc(vpc).securityGroup(webGroup(vpc)).build();')), []);
    assert.deepEqual(findings(code('var sg = webGroup(vpc); register(sg);')), ['17:addIngressRule elasticache-open-ingress!', '17:addIngressRule rds-open-ingress!']);
  });
});
