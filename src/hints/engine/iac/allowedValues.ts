/**
 * The values a CloudFormation parameter without a `Default` can take: its `AllowedValues`. Every stack must pass
 * one of them, and CloudFormation rejects any other
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html). A check
 * may judge a property that takes such a parameter where every allowed value gets the same verdict (an
 * `EngineVersion` whose every choice is past its end of standard support).
 */
import { Literal } from '../model';
import { PassedParameter } from '../workspace/types';
import { readsParameterStore } from './parameterDefault';
import { entryOf, IacNode } from './tree';

/** Values beyond this many are not kept: such a list is not one a check can judge value by value. */
const MAX_ALLOWED = 64;

/** By parameter name, the allowed values of the parameters with no `Default` that a parent stack does not pass. */
export function allowedOnlyValues(root: IacNode | undefined, passed: Readonly<Record<string, PassedParameter>> | undefined): Map<string, readonly Literal[]> {
  const found = new Map<string, readonly Literal[]>();
  const parameters = entryOf(root, 'Parameters')?.value;
  for (const parameter of parameters?.kind === 'map' ? parameters.entries : []) {
    const allowed = entryOf(parameter.value, 'AllowedValues')?.value;
    if ((passed && Object.hasOwn(passed, parameter.key)) || entryOf(parameter.value, 'Default') || readsParameterStore(parameter.value) || allowed?.kind !== 'list' || allowed.items.length < 2 || allowed.items.length > MAX_ALLOWED) {
      continue;
    }
    const values = allowed.items.map((item) => (item.kind === 'scalar' && !item.tag && item.literal.kind !== 'expr' ? item.literal : undefined));
    if (values.every((value) => value !== undefined)) {
      found.set(parameter.key, values as Literal[]);
    }
  }
  return found;
}
