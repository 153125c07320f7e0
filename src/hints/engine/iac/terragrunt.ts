/**
 * Terragrunt configurations (`terragrunt.hcl`): `inputs = { ... }` are the variables of the Terraform module
 * that `terraform { source = "..." }` names, so they are read as the inputs of a module block with that
 * source (https://terragrunt.gruntwork.io/docs/reference/config-blocks-and-attributes/#inputs). Read only
 * where the file alone decides them: a source written as a literal (a folder, or the registry's
 * `tfr:///namespace/name/provider?version=`), an object of inputs written out, and neither an `include`
 * (a parent configuration whose inputs and `extra_arguments` merge in) nor `extra_arguments` (Terragrunt
 * passes inputs as `TF_VAR_` variables, which any `-var-file` overrides; https://terragrunt.gruntwork.io/docs/features/inputs/).
 * An input that a `.tfvars` file beside the configuration sets is left to the reader (see `TerraformReader.read`).
 * Otherwise nothing is read.
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { BodyItem } from './terraformIngress';

const { ID, STR } = TOKEN_KIND;

/** What a reader of HCL tokens lends: its tokens, matched brackets, lines and top-level items. */
export interface TerragruntTokens {
  readonly tokens: Tokens;
  readonly partner: Int32Array;
  textOf(index: number): string | undefined;
  body(open: number, close: number): BodyItem[];
}

/** The module call a Terragrunt configuration makes: the `inputs` token, its object's items and the source. */
export interface TerragruntCall {
  /** The `inputs` token, where the call's findings about absent inputs are anchored. */
  inputs: number;
  items: BodyItem[];
  source: BodyItem;
}

/**
 * A module source as a module block would write it: the registry's `tfr:///ns/name/provider?version=x`
 * (or with the registry host) as `ns/name/provider`, a folder's `//` (Terragrunt's root and subfolder
 * separator) as one slash; anything else (a repository) as written, which the workspace does not hold.
 */
export function terragruntSource(written: string): string {
  const registry = /^tfr:\/\/(?:registry\.terraform\.io)?\/([^?]+?)\/*(?:\?.*)?$/.exec(written.trim());
  if (registry) {
    return registry[1];
  }
  return /^\.\.?\//.test(written) ? written.replace(/(?<!^)\/\/+/g, '/') : written;
}

/** The Terragrunt module call of a file, or undefined when the file is no Terragrunt configuration the file alone decides. */
export function terragruntCall(reader: TerragruntTokens): TerragruntCall | undefined {
  const { tokens, partner } = reader;
  let terraform: { open: number; close: number } | undefined;
  let inputs: { at: number; open: number; close: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] === ID) {
      const word = tokens.text(i);
      const next = reader.textOf(i + 1);
      if (word === 'include' && (next === '{' || tokens.kinds[i + 1] === STR)) {
        return undefined;
      }
      if (word === 'terraform' && next === '{' && partner[i + 1] > 0) {
        terraform = { open: i + 1, close: partner[i + 1] };
      } else if (word === 'inputs' && next === '=' && reader.textOf(i + 2) === '{' && partner[i + 2] > 0) {
        inputs = { at: i, open: i + 2, close: partner[i + 2] };
      }
    }
    // Skip nested blocks and values whole: only the top level is read.
    if (partner[i] > i) {
      i = partner[i];
    }
  }
  if (!terraform || !inputs) {
    return undefined;
  }
  const settings = reader.body(terraform.open, terraform.close);
  const source = settings.find((item) => item.option.name === 'source' && !item.block);
  if (!source || source.option.literal.kind !== 'str' || settings.some((item) => item.option.name === 'extra_arguments')) {
    return undefined;
  }
  const normalized: BodyItem = { ...source, option: { ...source.option, literal: { kind: 'str', value: terragruntSource(source.option.literal.value) } } };
  return { inputs: inputs.at, items: reader.body(inputs.open, inputs.close), source: normalized };
}
