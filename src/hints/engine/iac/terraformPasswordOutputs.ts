/**
 * Terraform `output` blocks that hand out a database or cache password: the password argument of an
 * `aws_db_instance` (`password`), an `aws_rds_cluster` (`master_password`) or a replication group (`auth_token`),
 * the registry `rds`/`rds-aurora` modules' generated password outputs, or a `random_password` result (or a
 * `random_string` one, as code older than `random_password` generates passwords), variable or
 * local that the file or another file of its folder gives such an argument. Terraform keeps outputs in plain text in state, where
 * `terraform output -json`/`-raw` and `terraform_remote_state` read them; `sensitive = true` only redacts plan, apply
 * and the `terraform output` listing (https://developer.hashicorp.com/terraform/language/values/outputs#sensitive).
 */
import { Span } from '../types';

export interface PasswordOutput {
  /** The output's name. */
  name: string;
  /** The output's `value` expression. */
  value: Span;
  /** What the value takes the password from, as written (`aws_db_instance.main.password`). */
  source: string;
  sensitive: boolean;
}

/** A resource's password argument read as `type.name[index].argument`, or a registry module's password output. */
const PASSWORD_ATTRIBUTE =
  /\b(?:aws_db_instance\.[\w-]+(?:\[[^\]\n]*\])?\.password|aws_rds_cluster\.[\w-]+(?:\[[^\]\n]*\])?\.master_password|aws_elasticache_replication_group\.[\w-]+(?:\[[^\]\n]*\])?\.auth_token|module\.[\w-]+(?:\[[^\]\n]*\])?\.(?:db_instance_password|cluster_master_password))\b/;
/**
 * What a password argument may take that an output can name too: a generated result (`random_password`, or a
 * `random_string` that only counts where a password argument takes it), or a whole variable or local.
 */
const HELD_PASSWORD = /\b(?:(random_(?:password|string)\.[\w-]+)(?:\[[^\]\n]*\])?\.result|(var|local)\.([\w-]+))\b/g;
/** An output of a module block, `module.name[index].output`. */
const MODULE_OUTPUT = /\bmodule\.([\w-]+)(?:\[[^\]\n]*\])?\.([\w-]+)\b/g;
/** A password argument set to a generated result, or to a variable or local and nothing else. */
const PASSWORD_ARGUMENT = /^\s*(?:password|master_password|auth_token)\s*=\s*(?:"\$\{\s*)?(?:(random_(?:password|string)\.[\w-]+)(?:\[[^\]\n]*\])?\.result\b|(var|local)\.([\w-]+)\s*(?:\}"\s*)?$)/;

/** The name a held password goes by: the generating resource's address (`random_password.db`), or `var.name` / `local.name`. */
function heldName(match: RegExpExecArray | RegExpMatchArray): string {
  return match[1] ?? `${match[2]}.${match[3]}`;
}
/** The blocks whose password argument is a database's or a cache's: its resources, and modules of a source that names RDS or Aurora. */
const DATA_STORE_BLOCK = /^(?:resource\s+"(?:aws_db_instance|aws_rds_cluster|aws_elasticache_replication_group)"|module\s+"[\w-]+")/;
const MODULE_SOURCE = /^\s*source\s*=\s*"[^"]*(?:rds|aurora)[^"]*"/i;

/** The line without its `#` or `//` comment (outside a string). */
function withoutComment(line: string): string {
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '"' && line[index - 1] !== '\\') {
      quoted = !quoted;
    } else if (!quoted && (char === '#' || (char === '/' && line[index + 1] === '/'))) {
      return line.slice(0, index);
    }
  }
  return line;
}

/**
 * The names of the `random_password` resources whose result the text gives a database's or a cache's password
 * argument, and the variables and locals (`var.name`, `local.name`) such an argument takes whole.
 */
export function randomPasswordsUsed(text: string): string[] {
  if (!/\b(?:password|master_password|auth_token)\s*=/.test(text)) {
    return [];
  }
  const used = new Set<string>();
  let block: { module: boolean; sourced: boolean; names: string[] } | undefined;
  let depth = 0;
  for (const raw of text.split('\n')) {
    const line = withoutComment(raw);
    if (depth === 0) {
      const header = DATA_STORE_BLOCK.exec(line);
      block = header ? { module: header[0].startsWith('module'), sourced: false, names: [] } : undefined;
    } else if (block) {
      const argument = PASSWORD_ARGUMENT.exec(line);
      if (argument) {
        block.names.push(heldName(argument));
      }
      block.sourced ||= depth === 1 && MODULE_SOURCE.test(line);
    }
    depth = Math.max(0, depth + (line.match(/[{[(]/g) ?? []).length - (line.match(/[}\])]/g) ?? []).length);
    if (depth === 0 && block) {
      if (!block.module || block.sourced) {
        block.names.forEach((name) => used.add(name));
      }
      block = undefined;
    }
  }
  return [...used];
}

/**
 * The outputs of the text whose value takes in a password. `usedElsewhere` tells whether another file of the
 * folder gives a `random_password` result a password argument; `childOutput`, whether the module folder a `module`
 * block of the folder calls hands out a password as its output of that name (`module.db.master_password`).
 */
export function passwordOutputs(text: string, usedElsewhere?: (name: string) => boolean, childOutput?: (module: string, output: string) => boolean): PasswordOutput[] {
  if (!text.includes('output')) {
    return [];
  }
  const usedHere = new Set(randomPasswordsUsed(text));
  const found: PasswordOutput[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let block: { name: string; value?: { span: Span; text: string }; sensitive: boolean } | undefined;
  let depth = 0;
  for (const raw of lines) {
    const line = withoutComment(raw);
    const header = block ? null : /^output\s+"?([\w-]+)"?\s*\{\s*$/.exec(line.trimEnd());
    if (header) {
      block = { name: header[1], sensitive: false };
      depth = 1;
    } else if (block) {
      if (depth === 1) {
        const value = /^(\s*value\s*=\s*)(.*?)\s*$/.exec(line);
        if (value) {
          block.value = { span: { start: offset + value[1].length, end: offset + value[1].length + value[2].length }, text: value[2] };
        }
        if (/^\s*sensitive\s*=\s*true\s*$/.test(line)) {
          block.sensitive = true;
        }
      }
      depth += (line.match(/[{[(]/g) ?? []).length - (line.match(/[}\])]/g) ?? []).length;
      if (depth <= 0) {
        const source = block.value && passwordSource(block.value.text, usedHere, usedElsewhere, childOutput);
        if (block.value && source) {
          found.push({ name: block.name, value: block.value.span, source, sensitive: block.sensitive });
        }
        block = undefined;
      }
    }
    offset += raw.length + 1;
  }
  return found;
}

/** The expression with the text of its strings blanked, but their `${...}` interpolations. */
function expressionsOnly(value: string): string {
  let quoted = false;
  let interpolation = 0;
  let kept = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (quoted && interpolation === 0 && char === '$' && value[index + 1] === '{') {
      interpolation = 1;
      kept += '${';
      index++;
      continue;
    }
    if (interpolation > 0) {
      interpolation += char === '{' ? 1 : char === '}' ? -1 : 0;
    } else if (char === '"' && value[index - 1] !== '\\') {
      quoted = !quoted;
    } else if (quoted) {
      kept += ' ';
      continue;
    }
    kept += char;
  }
  return kept;
}

function passwordSource(written: string, usedHere: ReadonlySet<string>, usedElsewhere?: (name: string) => boolean, childOutput?: (module: string, output: string) => boolean): string | undefined {
  const value = expressionsOnly(written);
  const attribute = PASSWORD_ATTRIBUTE.exec(value);
  if (attribute) {
    return attribute[0];
  }
  const passedOn = childOutput && [...value.matchAll(MODULE_OUTPUT)].find((match) => childOutput(match[1], match[2]));
  if (passedOn) {
    return passedOn[0];
  }
  const held = [...value.matchAll(HELD_PASSWORD)].find((match) => usedHere.has(heldName(match)) || usedElsewhere?.(heldName(match)));
  return held?.[0];
}
