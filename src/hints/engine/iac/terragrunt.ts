/**
 * Terragrunt configurations (`terragrunt.hcl`): `inputs = { ... }` are the variables of the Terraform module
 * that `terraform { source = "..." }` names, so they are read as the inputs of a module block with that
 * source (https://terragrunt.gruntwork.io/docs/reference/config-blocks-and-attributes/#inputs). Read only
 * where the files decide them: a source written as a literal (a folder, or the registry's
 * `tfr:///namespace/name/provider?version=`), an object of inputs written out, no `extra_arguments` of its own
 * (Terragrunt passes inputs as `TF_VAR_` variables, which any `-var-file` overrides;
 * https://terragrunt.gruntwork.io/docs/features/inputs/), and each `include` one the workspace can follow
 * (`find_in_parent_folders()`, `find_in_parent_folders("root.hcl")`, a written path): the reader asks the
 * workspace what the parent's var-files and inputs decide (see `TerraformReader.read`).
 * An input that a `.tfvars` file beside the configuration sets is left to the reader too.
 * Otherwise nothing is read.
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { Literal } from '../model';
import { TerragruntIncludePath } from '../workspace/types';
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
  /** Whether the source's query is interpolated, so its release (and what an absent input means) is unknown. */
  releaseUnknown: boolean;
  /** The release a registry source's `?version=` pins, as a module block's `version` item (none when it pins none). */
  pinned: BodyItem[];
  /** The configurations its `include` blocks merge in; `path` undefined where the file does not say which. */
  includes: TerragruntInclude[];
}

/** One `include` block: the parent it names and how Terragrunt merges it (`shallow` unless `merge_strategy` says). */
export interface TerragruntInclude {
  path: TerragruntIncludePath | undefined;
  strategy: string;
}

/**
 * `find_in_parent_folders()` or `find_in_parent_folders("root.hcl")`, bare or interpolated alone in a string (the
 * Terragrunt 0.12 spelling), and a written path: where an `include` finds its parent.
 */
const FIND_IN_PARENT_FOLDERS = /^(?:"\$\{\s*)?find_in_parent_folders\(\s*(?:"([^"$]+)"\s*)?\)(?:\s*\}")?$/;

function includePath(written: string, item: BodyItem): TerragruntIncludePath | undefined {
  const found = FIND_IN_PARENT_FOLDERS.exec(written.trim());
  if (found) {
    return { find: found[1] ?? 'terragrunt.hcl' };
  }
  return item.option.literal.kind === 'str' && !written.includes('${') ? { relative: item.option.literal.value } : undefined;
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

/** `"${get_repo_root()}/modules//db"`: a folder from the root of the repository (https://terragrunt.gruntwork.io/docs/reference/built-in-functions/#get_repo_root). */
const REPOSITORY_ROOT_SOURCE = /^"\$\{\s*get_repo_root\(\s*\)\s*\}\/([^"$\\?]+)"$/;

/**
 * The Terragrunt module call of a file, or undefined when the file is no Terragrunt configuration whose source and
 * inputs it writes. `repositoryPath` writes a path from the repository's root as a source relative to the file.
 */
export function terragruntCall(reader: TerragruntTokens, repositoryPath?: (path: string) => string | undefined): TerragruntCall | undefined {
  const { tokens, partner } = reader;
  let terraform: { open: number; close: number } | undefined;
  let inputs: { at: number; open: number; close: number } | undefined;
  const includes: TerragruntInclude[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.kinds[i] === ID) {
      const word = tokens.text(i);
      const next = reader.textOf(i + 1);
      if (word === 'include' && (next === '{' || tokens.kinds[i + 1] === STR)) {
        const open = next === '{' ? i + 1 : i + 2;
        if (reader.textOf(open) !== '{' || partner[open] < 0) {
          return undefined;
        }
        includes.push(terragruntInclude(reader, open, partner[open]));
        i = open;
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
  const sourceText = source && reader.tokens.source.slice(source.option.value.start, source.option.value.end);
  const fromRoot = sourceText === undefined ? undefined : REPOSITORY_ROOT_SOURCE.exec(sourceText)?.[1];
  const written = fromRoot !== undefined ? repositoryPath?.(fromRoot) : source && sourceText !== undefined ? writtenSource(sourceText, source.option.literal) : undefined;
  if (!source || written === undefined || settings.some((item) => item.option.name === 'extra_arguments')) {
    return undefined;
  }
  const normalized: BodyItem = { ...source, option: { ...source.option, literal: { kind: 'str', value: terragruntSource(written) } } };
  // The registry's `?version=` pins the release as a module block's `version` does.
  const version = /^tfr:.*[?&]version=([^&#]+)/.exec(written.trim())?.[1];
  const pinned: BodyItem[] = version ? [{ ...source, option: { ...source.option, name: 'version', norm: 'version', literal: { kind: 'str', value: version } } }] : [];
  return { inputs: inputs.at, items: reader.body(inputs.open, inputs.close), source: normalized, pinned, releaseUnknown: fromRoot === undefined && source.option.literal.kind !== 'str', includes };
}

/**
 * The source a `terraform` block writes: a string literal, or a string interpolated only in its query
 * (`github.com/terraform-aws-modules/terraform-aws-rds.git?ref=${local.versions.rds}`), whose module is then known
 * and its release not, written up to the query.
 */
function writtenSource(text: string, literal: Literal): string | undefined {
  if (literal.kind === 'str') {
    return literal.value;
  }
  const query = text.indexOf('?');
  return /^"[^"$\\]*\?/.test(text) && text.endsWith('"') ? text.slice(1, query) : undefined;
}

function terragruntInclude(reader: TerragruntTokens, open: number, close: number): TerragruntInclude {
  const settings = reader.body(open, close);
  const path = settings.find((item) => item.option.name === 'path' && !item.block);
  const strategy = settings.find((item) => item.option.name === 'merge_strategy' && !item.block)?.option.literal;
  const written = path && reader.tokens.source.slice(path.option.value.start, path.option.value.end);
  return { path: path && written !== undefined ? includePath(written, path) : undefined, strategy: strategy?.kind === 'str' ? strategy.value : strategy ? 'unknown' : 'shallow' };
}
