/**
 * An Aurora cluster's legacy `instanceProps` (deprecated for `writer` and `readers`, still common): the props every
 * instance of the cluster takes, written as a value of its own in each CDK language (TypeScript's object literal,
 * whose keys the props reader already takes; Python's `rds.InstanceProps(publicly_accessible=True)`, C#'s
 * `new InstanceProps { PubliclyAccessible = true }`, Java's `InstanceProps.builder().publiclyAccessible(true).build()`,
 * Go's `&awsrds.InstanceProps{PubliclyAccessible: jsii.Bool(true)}`).
 * The instance-level props the rules read on a cluster count as the cluster's own, as `writer`'s do on a
 * `ClusterInstance` (aws-cdk-lib `aws_rds.InstanceProps`).
 */
import { OptionContext, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { tokenAt } from './tokenIndex';
import { chainOptions } from './languages/javaCdk';
import { contextFrom } from './options';
import { csharpInitializer } from './pulumi';

const INSTANCE_PROPS = normalizeName('instanceProps');

/** The instance props that rules read on a cluster; others (`vpc`, `securityGroups`) are the placement's. */
const INSTANCE_LEVEL = new Set(['publiclyAccessible', 'enablePerformanceInsights', 'autoMinorVersionUpgrade', 'instanceType'].map(normalizeName));

const INSTANCE_PROPS_TYPE = /(?:^|\.)InstanceProps$/;

/** The props written in the cluster's `instanceProps` value that are not among its options yet. */
export function clusterInstanceProps(a: CodeAnalyzer, props: OptionContext): OptionOccurrence[] {
  const holder = props.options.find((option) => option.norm === INSTANCE_PROPS);
  const start = holder ? tokenAt(a, holder.value.start) : -1;
  if (!holder || start < 0 || a.language.family === 'js') {
    return [];
  }
  const nested = written(a, start, props);
  const top = nested.filter((option) => !nested.some((other) => other !== option && other.value.start <= option.key.start && option.key.end <= other.value.end));
  return top.filter((option) => INSTANCE_LEVEL.has(option.norm) && !props.options.some((known) => known.key.start === option.key.start));
}

function written(a: CodeAnalyzer, start: number, props: OptionContext): OptionOccurrence[] {
  if (a.language.family === 'python') {
    // `rds.InstanceProps(...)`: the call's keyword arguments.
    let name = start;
    while (a.isAccess(name + 1) && a.isId(name + 2)) {
      name += 2;
    }
    const open = name + 1;
    return a.idIs(name, 'InstanceProps') && a.is(open, '(') && a.partner[open] > open ? contextFrom(a, open, a.partner[open], 'cdk', props.type, props.anchor).options : [];
  }
  if (a.language.family === 'csharp') {
    const group = csharpInitializer(INSTANCE_PROPS_TYPE)(a, start);
    return group >= 0 ? contextFrom(a, group, a.partner[group], 'cdk', props.type, props.anchor).options : [];
  }
  if (a.language.family === 'go') {
    // `&awsrds.InstanceProps{...}`: the struct's own fields.
    const name = a.is(start, '&') ? start + 1 : start;
    const path = a.isId(name) ? a.dottedPath(name) : undefined;
    const open = path && INSTANCE_PROPS_TYPE.test(path.text) && a.is(path.end, '{') && a.partner[path.end] > path.end ? path.end : -1;
    return open > 0 ? contextFrom(a, open, a.partner[open], 'cdk', props.type, props.anchor).options : [];
  }
  if (a.language.family === 'java') {
    const builder = a.idIs(start, 'InstanceProps') && a.isAccess(start + 1) && a.idIs(start + 2, 'builder') && a.is(start + 3, '(') && a.partner[start + 3] === start + 4;
    return builder ? chainOptions(a, start + 4).options : [];
  }
  return [];
}
