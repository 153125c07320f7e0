/**
 * Attribute definitions that no key uses: a Terraform `aws_dynamodb_table` whose `attribute` blocks name an attribute
 * that is neither its `hash_key` or `range_key` nor a key of one of its indexes. DynamoDB takes definitions for key
 * attributes only and rejects the table otherwise, so the apply fails
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html). Read only when every name is
 * a literal: a key, an attribute or an index written with an expression or a `dynamic` block leaves the table unjudged.
 */
import { OptionContext, OptionOccurrence } from '../model';
import { Check } from './context';

const TERRAFORM_TABLE = 'aws_dynamodb_table';
const INDEX_BLOCKS = new Set(['global_secondary_index', 'local_secondary_index']);
/** An argument of a block's own line written as a plain string (`name = "orderId"`), no interpolation. */
const LITERAL_ARGUMENT = /^\s*([a-z_]+)\s*=\s*"([^"$]*)"\s*(?:#.*|\/\/.*)?$/;

/** The block's literal arguments by name, or undefined when one of `required` is not written literally. */
function literalArguments(block: OptionOccurrence, required: readonly string[]): Map<string, string> | undefined {
  // A block as written, not a list of them that a module block passes to a folder's `dynamic` block.
  if (block.literal.kind !== 'expr' || !block.literal.text.startsWith('{')) {
    return undefined;
  }
  const text = block.literal.text;
  const found = new Map<string, string>();
  for (const line of text.split('\n')) {
    const argument = LITERAL_ARGUMENT.exec(line);
    if (argument) {
      found.set(argument[1], argument[2]);
    }
  }
  return required.every((name) => found.has(name) || !text.includes(name)) && !text.includes('key_schema') ? found : undefined;
}

/** The attributes the table's keys and its indexes' keys use, or undefined when one of them is not written literally. */
function keyAttributes(table: OptionContext): Set<string> | undefined {
  const keys = new Set<string>();
  for (const option of table.options) {
    if (option.norm === 'hashkey' || option.norm === 'rangekey') {
      if (option.literal.kind !== 'str') {
        return undefined;
      }
      keys.add(option.literal.value);
    } else if (INDEX_BLOCKS.has(option.name)) {
      const written = literalArguments(option, ['hash_key', 'range_key']);
      if (!written) {
        return undefined;
      }
      for (const key of ['hash_key', 'range_key']) {
        const name = written.get(key);
        if (name !== undefined) {
          keys.add(name);
        }
      }
    }
  }
  return keys.size > 0 ? keys : undefined;
}

export const attributeDefinitionsUnused: Check = (rule, context) => {
  for (const table of context.model.contexts) {
    if (table.type !== TERRAFORM_TABLE || table.kind !== 'terraform') {
      continue;
    }
    const definitions = table.options.filter((option) => option.name === 'attribute');
    const names = definitions.map((option) => literalArguments(option, ['name'])?.get('name'));
    const keys = definitions.length > 0 && names.every((name) => name !== undefined) ? keyAttributes(table) : undefined;
    if (!keys) {
      continue;
    }
    definitions.forEach((option, i) => {
      if (!keys.has(names[i]!)) {
        context.report(rule, option.key);
      }
    });
  }
};
