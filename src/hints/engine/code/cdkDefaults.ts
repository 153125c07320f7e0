/**
 * Defaults that a CDK construct derives from its other props, where they differ from the API's. CDK makes a
 * database instance placed in `PUBLIC` subnets publicly accessible unless `publiclyAccessible` says otherwise
 * (aws-cdk-lib `aws_rds` README, "Setting public accessibility"), so leaving it out there counts as `true`.
 */
import { Literal, OptionContext } from '../model';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';

/** The instance constructs whose `publiclyAccessible` default follows `vpcSubnets`. */
const PLACED_INSTANCES = new Set(['aws_rds.DatabaseInstance', 'aws_rds.DatabaseInstanceFromSnapshot', 'aws_rds.DatabaseInstanceReadReplica']);

const VPC_SUBNETS = normalizeName('vpcSubnets');
const PUBLICLY_ACCESSIBLE = normalizeName('publiclyAccessible');
const TRUE: Literal = { kind: 'bool', value: true };

/**
 * A subnet selection written out that picks the public subnets: `{ subnetType: ec2.SubnetType.PUBLIC }`, Python's
 * `ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)` or `{"subnet_type": ec2.SubnetType.PUBLIC}`. A selection
 * held in a variable or made by a call (`vpc.selectSubnets(...)`) is not read: CDK decides on the props it is given.
 */
const PUBLIC_SELECTION = /^(?:\{[^{}]*?(?:\bsubnetType|["']subnet_type["'])\s*:\s*(?:\w+\.)?SubnetType\.PUBLIC\b[^{}]*\}|(?:\w+\.)?SubnetSelection\(\s*subnet_type\s*=\s*(?:\w+\.)?SubnetType\.PUBLIC\s*,?\s*\))$/;

/** Records on a construct's props the defaults its other props give it. */
export function addDerivedDefaults(a: CodeAnalyzer, construct: string, props: OptionContext): void {
  if (!PLACED_INSTANCES.has(construct)) {
    return;
  }
  const subnets = props.options.find((option) => option.norm === VPC_SUBNETS);
  if (!subnets || props.options.some((option) => option.norm === PUBLICLY_ACCESSIBLE)) {
    return;
  }
  if (PUBLIC_SELECTION.test(a.text.slice(subnets.value.start, subnets.value.end).trim())) {
    props.defaults = new Map([...(props.defaults ?? []), [PUBLICLY_ACCESSIBLE, TRUE]]);
  }
}
