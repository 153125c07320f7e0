/**
 * Defaults that a CDK construct derives from its other props, where they differ from the API's. CDK makes a
 * database instance placed in `PUBLIC` subnets publicly accessible unless `publiclyAccessible` says otherwise,
 * and a cluster's instances by the cluster's placement (aws-cdk-lib `aws_rds` README, "Setting public
 * accessibility"), so leaving it out there counts as `true`.
 */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { clusterInstanceProps } from './cdkClusterInstanceProps';
import { goCdkText } from './goCdkValues';
import { calledFunction } from './helperFunctions';
import { tokenAt } from './tokenIndex';
import { boundExpression } from './writtenExpressions';

/** The instance constructs whose `publiclyAccessible` default follows `vpcSubnets`. */
const PLACED_INSTANCES = new Set(['aws_rds.DatabaseInstance', 'aws_rds.DatabaseInstanceFromSnapshot', 'aws_rds.DatabaseInstanceReadReplica']);

/** An Aurora cluster: its instances follow the cluster's placement. */
const CLUSTER = 'aws_rds.DatabaseCluster';

const VPC_SUBNETS = normalizeName('vpcSubnets');
/** CDK v1's deprecated name of an instance's `vpcSubnets`, which sets the same default (`publiclyAccessible` when PUBLIC). */
const VPC_PLACEMENT = normalizeName('vpcPlacement');
const PUBLICLY_ACCESSIBLE = normalizeName('publiclyAccessible');
const TRUE: Literal = { kind: 'bool', value: true };

/**
 * A subnet selection written out that picks the public subnets: `{ subnetType: ec2.SubnetType.PUBLIC }`, Python's
 * `ec2.SubnetSelection(subnet_type=ec2.SubnetType.PUBLIC)` or `{"subnet_type": ec2.SubnetType.PUBLIC}`, Java's
 * `SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build()`, C#'s `new SubnetSelection { SubnetType = SubnetType.PUBLIC }`, Go's
 * `&awsec2.SubnetSelection{SubnetType: awsec2.SubnetType_PUBLIC}` (read as `goCdkValues.ts` writes it), in place, in
 * the variable the prop names, or as the one return of a function of the file the prop calls without arguments
 * (`.vpcSubnets(publicSubnets())`). A selection made by another call (`vpc.selectSubnets(...)`) is not read: CDK
 * decides on the props it is given.
 */
const PUBLIC_SELECTION = /^(?:\{[^{}]*?(?:\bsubnetType|["']subnet_type["'])\s*:\s*(?:\w+\.)?SubnetType\.PUBLIC\b[^{}]*\}|(?:\w+\.)?SubnetSelection\(\s*subnet_type\s*=\s*(?:\w+\.)?SubnetType\.PUBLIC\s*,?\s*\)|SubnetSelection\.builder\(\)\s*\.subnetType\(\s*SubnetType\.PUBLIC\s*\)\s*\.build\(\)|new\s+SubnetSelection\s*(?:\(\s*\))?\s*\{\s*SubnetType\s*=\s*SubnetType\.PUBLIC\s*,?\s*\}|&?(?:\w+\.)?SubnetSelection\{\s*SubnetType:\s*(?:\w+\.)?SubnetType\.PUBLIC\s*,?\s*\})$/;

/** The cluster's legacy `instanceProps` (`instance_props`), which carry its instances' placement. */
const INSTANCE_PROPS = normalizeName('instanceProps');

/** A `publiclyAccessible` written anywhere in a cluster's props (its writer, readers or instanceProps) decides for those instances. */
const NAMES_ACCESSIBILITY = /\b[pP]ublicly(?:Accessible|_accessible)\b/;

/** A prop written as a name or a call without arguments, which may stand for a selection written elsewhere. */
const HELD_OR_RETURNED = /^[A-Za-z_$][\w$]*(?:\(\s*\))?$/;

/**
 * The expression a variable at `k` is bound to, or that a function of the file called at `k` without arguments returns
 * as its only return; a variable that holds such a call's result is followed to it (`var ss = getSubnet();`).
 */
function heldOrReturned(a: CodeAnalyzer, k: number, depth = 0): [number, number] | undefined {
  if (k < 0 || !a.isId(k) || depth > 1) {
    return undefined;
  }
  let found: [number, number] | undefined;
  if (!a.is(k + 1, '(')) {
    found = boundExpression(a, k);
  } else if (a.partner[k + 1] === k + 2) {
    const called = calledFunction(a, k, a.scopes.enclosing(k, ['function']));
    const returns = called ? a.returnStarts(called.fn) : [];
    found = returns.length === 1 ? [returns[0], expressionEnd(a, returns[0])] : undefined;
  }
  const [from, to] = found ?? [];
  const call = from !== undefined && to === from + 3 && a.is(from + 1, '(') && a.partner[from + 1] === from + 2;
  return call || (from !== undefined && to === from + 1) ? (heldOrReturned(a, from!, depth + 1) ?? found) : found;
}

/** Records on a construct's props the defaults its other props give it. */
export function addDerivedDefaults(a: CodeAnalyzer, construct: string, props: OptionContext): void {
  const textOf = (option: OptionOccurrence): string => {
    const written = a.text.slice(option.value.start, option.value.end).trim();
    const [from, to] = (HELD_OR_RETURNED.test(written) ? heldOrReturned(a, tokenAt(a, option.value.start)) : undefined) ?? [];
    const text = from === undefined || to === undefined ? written : a.text.slice(a.tokens.starts[from], a.tokens.ends[to - 1]);
    return a.language.family === 'go' ? goCdkText(text) : text;
  };
  let placedInPublic = false;
  if (PLACED_INSTANCES.has(construct)) {
    const subnets = props.options.find((option) => option.norm === VPC_SUBNETS || option.norm === VPC_PLACEMENT);
    placedInPublic = subnets !== undefined && !props.options.some((option) => option.norm === PUBLICLY_ACCESSIBLE) && PUBLIC_SELECTION.test(textOf(subnets));
  } else if (construct === CLUSTER) {
    // What the legacy `instanceProps` write for every instance is the cluster's to judge (`cdkClusterInstanceProps.ts`).
    props.options.push(...clusterInstanceProps(a, props));
    // The cluster's own `vpcSubnets`, or the legacy `instanceProps: { vpcSubnets: ... }`; only a selection written out is read.
    const subnets = props.options.find((option) => option.norm === VPC_SUBNETS);
    const instanceProps = props.options.find((option) => option.norm === INSTANCE_PROPS);
    const placements = [subnets && textOf(subnets), instanceProps && /\bvpc(?:Subnets|_subnets)\s*[:=]\s*(\{[^{}]*\}|(?:\w+\.)?SubnetSelection\([^()]*\))/.exec(textOf(instanceProps))?.[1]];
    placedInPublic = placements.some((placement) => placement !== undefined && PUBLIC_SELECTION.test(placement)) && !props.options.some((option) => NAMES_ACCESSIBILITY.test(option.name) || NAMES_ACCESSIBILITY.test(textOf(option)));
  }
  if (placedInPublic) {
    props.defaults = new Map([...(props.defaults ?? []), [PUBLICLY_ACCESSIBLE, TRUE]]);
  }
}
