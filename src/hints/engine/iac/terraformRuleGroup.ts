/**
 * The security group a Terraform rule resource's `security_group_id` names: the group written whole
 * (`aws_security_group.db.id`, `aws_security_group.db[0].id`, Terraform 0.11's `"${aws_security_group.db.id}"`),
 * or the one group an expression takes an id from (`join("", [for sg in aws_security_group.this : sg.id])`,
 * `one(aws_security_group.this[*].id)`, `element(aws_security_group.db.*.id, 0)`). An expression that may give
 * another value (`coalesce(var.group_id, aws_security_group.db[0].id)`, a data source's, another module's) names none.
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { GROUP_REFERENCE } from './groupUse';

const { ID, STR } = TOKEN_KIND;

/** Roots of references that give a value the file does not make here: any of them may be the group's id. */
const OTHER_VALUES = new Set(['var', 'local', 'data', 'module']);

/** The key of the group the value in tokens [first, end) takes its id from (`aws_security_group.<name>`, or a VPC's default group), or undefined. */
export function ruleGroup(tokens: Tokens, first: number, end: number): string | undefined {
  const defaultGroup = vpcDefaultGroup(tokens, first, end);
  if (defaultGroup !== undefined) {
    return defaultGroup;
  }
  let group: string | undefined;
  const name = (found: string): boolean => {
    group ??= found;
    return group === found;
  };
  for (let i = first; i < end; i++) {
    if (tokens.kinds[i] === STR && tokens.interpolated(i)) {
      if (!stringNamesOneGroup(tokens.text(i), name)) {
        return undefined;
      }
      continue;
    }
    const root = tokens.kinds[i] === ID && i + 2 < end && tokens.is(i + 1, '.') && (i === first || !tokens.is(i - 1, '.')) ? tokens.text(i) : undefined;
    if ((root === 'aws_security_group' || root === 'aws_default_security_group') && tokens.kinds[i + 2] === ID) {
      if (!name(`${root}.${tokens.text(i + 2)}`)) {
        return undefined;
      }
    } else if (root !== undefined && (OTHER_VALUES.has(root) || root.startsWith('aws_'))) {
      return undefined;
    }
  }
  return group;
}

/**
 * The default security group of a VPC the configuration makes (`aws_vpc.main.default_security_group_id`, also as
 * Terraform 0.11's one interpolation), keyed `aws_vpc.<name>`: no resource names it, since it is the group of whatever
 * is launched into the VPC without one, so only what the folder declares tells what it may serve.
 */
function vpcDefaultGroup(tokens: Tokens, first: number, end: number): string | undefined {
  if (end - first === 1 && tokens.kinds[first] === STR && tokens.interpolated(first)) {
    const whole = /^\$\{\s*aws_vpc\.([A-Za-z_][\w-]*)\.default_security_group_id\s*\}$/.exec(tokens.text(first));
    return whole ? `aws_vpc.${whole[1]}` : undefined;
  }
  const written = end - first === 5 && tokens.is(first, 'aws_vpc') && tokens.is(first + 1, '.') && tokens.kinds[first + 2] === ID && tokens.is(first + 3, '.') && tokens.is(first + 4, 'default_security_group_id');
  return written ? `aws_vpc.${tokens.text(first + 2)}` : undefined;
}

/** Whether an interpolated string names at most one group, and no other value that may be an id. */
function stringNamesOneGroup(text: string, name: (found: string) => boolean): boolean {
  for (const [, kind, found] of text.matchAll(GROUP_REFERENCE)) {
    if (kind === 'module' || !name(`${kind}.${found}`)) {
      return false;
    }
  }
  return !/\b(?:var|local|data)\.|\baws_(?!(?:default_)?security_group\.)[a-z0-9_]+\./.test(text);
}
