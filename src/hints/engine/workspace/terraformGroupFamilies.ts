/**
 * The parameter groups a Terraform file declares, with the family each writes as a string, so that a database or
 * cache in another file of the module that attaches one (`parameter_group_name = aws_db_parameter_group.main.name`)
 * is judged by that family's version (`iac/parameterGroupFamilies.ts`).
 */
import { GROUP_FAMILY, NAMED_GROUP } from '../iac/parameterGroupFamilies';
import { attributeOf, blocksOf, HclBody } from './hcl';
import type { FileContribution } from './types';

/** `type.name` (and `.name=` the literal name it creates) to family, for each parameter group of the file whose `family` is a string (none: an empty part). */
export function parameterGroupFamilies(root: HclBody): Pick<FileContribution, 'parameterGroupFamilies'> {
  const families: Record<string, string> = {};
  for (const block of blocksOf(root, 'resource')) {
    // The group types and the argument that names their family, as the file's own reader knows them.
    const property = block.labels.length === 2 ? GROUP_FAMILY[block.labels[0]] : undefined;
    const family = property ? attributeOf(block.body, property) : undefined;
    if (family?.kind === 'string' && family.value.trim() !== '') {
      families[`${block.labels[0]}.${block.labels[1]}`] = family.value.trim();
      const created = attributeOf(block.body, 'name');
      if (created?.kind === 'string' && created.value.trim() !== '') {
        families[`${NAMED_GROUP}${created.value.trim()}`] = family.value.trim();
      }
    }
  }
  return Object.keys(families).length > 0 ? { parameterGroupFamilies: families } : {};
}
