/**
 * Pulumi component resources made from args that another file passes: `new Rds('db', { publiclyAccessible: true })`
 * after `import { Rds } from './rds'`, Python `backend.Db('be', backend.DbArgs(publicly_accessible=True))` after
 * `import backend`. A Pulumi program records its constructions of classes imported from project modules as a
 * CDK app does (`cdkInstantiations.ts`), and the component's file reads `args.publiclyAccessible` as what they
 * pass (`code/cdkPassedProps.ts`). Only files that import Pulumi are read, told by a literal pattern first.
 * https://www.pulumi.com/docs/concepts/resources/components/
 */
import { LineIndex } from '../text';
import { cdkInstantiations } from './cdkInstantiations';
import { CdkSource } from './cdkSource';
import { CdkInstantiation } from './types';

/** `@pulumi/pulumi`, `@pulumi/aws`; Python `import pulumi`, `from pulumi import ...`, `import pulumi_aws`. */
const PULUMI_IMPORT = /@pulumi\/|^[ \t]*(?:import|from)[ \t]+pulumi(?:_[a-z]+)?\b/m;

/** Whether a JavaScript, TypeScript or Python file may be a Pulumi program, before it is lexed. */
export function mayHoldPulumi(text: string): boolean {
  return PULUMI_IMPORT.test(text);
}

/** The constructions a Pulumi file makes of classes it imports from project modules, with the args they pass. */
export function pulumiInstantiations(file: string, text: string, family: 'js' | 'python'): CdkInstantiation[] | undefined {
  const lines = new LineIndex(text);
  return cdkInstantiations(new CdkSource(text, family, lines), file, lines);
}
