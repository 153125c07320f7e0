/**
 * Terraform `output` blocks that hand out a database or cache password: the password argument of an
 * `aws_db_instance` (`password`), an `aws_rds_cluster` (`master_password`) or a replication group (`auth_token`),
 * the registry `rds`/`rds-aurora` modules' generated password outputs, or a `random_password` result that the file
 * or another file of its folder gives such an argument. Terraform keeps outputs in plain text in state, where
 * `terraform output -json`/`-raw` and `terraform_remote_state` read them; `sensitive = true` only redacts plan, apply
 * and the `terraform output` listing (https://developer.hashicorp.com/terraform/language/values/outputs#sensitive).
 */
import { Span } from '../types';

export interface PasswordOutput {
  /** The output's `value` expression. */
  value: Span;
  /** What the value takes the password from, as written (`aws_db_instance.main.password`). */
  source: string;
  sensitive: boolean;
}

/** A resource's password argument read as `type.name[index].argument`, or a registry module's password output. */
const PASSWORD_ATTRIBUTE =
  /\b(?:aws_db_instance\.[\w-]+(?:\[[^\]\n]*\])?\.password|aws_rds_cluster\.[\w-]+(?:\[[^\]\n]*\])?\.master_password|aws_elasticache_replication_group\.[\w-]+(?:\[[^\]\n]*\])?\.auth_token|module\.[\w-]+(?:\[[^\]\n]*\])?\.(?:db_instance_password|cluster_master_password))\b/;
const RANDOM_RESULT = /\brandom_password\.([\w-]+)(?:\[[^\]\n]*\])?\.result\b/g;
/** A password argument set to a `random_password` result. */
const PASSWORD_FROM_RANDOM = /^\s*(?:password|master_password|auth_token)\s*=\s*(?:"\$\{\s*)?random_password\.([\w-]+)(?:\[[^\]\n]*\])?\.result\b/;
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

/** The names of the `random_password` resources whose result the text gives a database's or a cache's password argument. */
export function randomPasswordsUsed(text: string): string[] {
  if (!text.includes('random_password')) {
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
      block.names.push(...(PASSWORD_FROM_RANDOM.exec(line)?.slice(1, 2) ?? []));
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
 * folder gives a `random_password` result a password argument.
 */
export function passwordOutputs(text: string, usedElsewhere?: (name: string) => boolean): PasswordOutput[] {
  if (!text.includes('output')) {
    return [];
  }
  const usedHere = new Set(randomPasswordsUsed(text));
  const found: PasswordOutput[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let block: { value?: { span: Span; text: string }; sensitive: boolean } | undefined;
  let depth = 0;
  for (const raw of lines) {
    const line = withoutComment(raw);
    if (!block && /^output\s+("[\w-]+"|[\w-]+)\s*\{\s*$/.test(line.trimEnd())) {
      block = { sensitive: false };
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
        const source = block.value && passwordSource(block.value.text, usedHere, usedElsewhere);
        if (block.value && source) {
          found.push({ value: block.value.span, source, sensitive: block.sensitive });
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

function passwordSource(written: string, usedHere: ReadonlySet<string>, usedElsewhere?: (name: string) => boolean): string | undefined {
  const value = expressionsOnly(written);
  const attribute = PASSWORD_ATTRIBUTE.exec(value);
  if (attribute) {
    return attribute[0];
  }
  const random = [...value.matchAll(RANDOM_RESULT)].find((match) => usedHere.has(match[1]) || usedElsewhere?.(match[1]));
  return random?.[0];
}
