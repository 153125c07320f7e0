/**
 * The RDS enums of the Pulumi AWS provider, written where a Terraform argument takes a string: `engine:
 * aws.rds.EngineType.AuroraMysql` (TypeScript), `engine=aws.rds.EngineType.AURORA_MYSQL` (Python),
 * `Engine: rds.EngineTypeAuroraMysql` (Go), `Engine = Aws.Rds.EngineType.AuroraMysql` (C#), and the same for
 * `EngineMode`. Each member is the string the provider sends (pulumi-aws `sdk/nodejs/types/enums/rds/index.ts`,
 * `sdk/python/pulumi_aws/rds/_enums.py`), so an option whose whole value is one is read as that string literal,
 * and the rules that judge an engine or an engine mode see it as they see `engine: "aurora-mysql"`.
 */
import { OptionOccurrence } from '../model';
import type { CodeAnalyzer } from './analyzer';

/** Members by enum, each normalised (lower case, no `_`: `AURORA_MYSQL`, `AuroraMysql`, Python's `GLOBAL_`). */
const RDS_ENUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  EngineType: { aurora: 'aurora', auroramysql: 'aurora-mysql', aurorapostgresql: 'aurora-postgresql' },
  EngineMode: { provisioned: 'provisioned', serverless: 'serverless', parallelquery: 'parallelquery', global: 'global' },
};

/** The options, each whose whole value is a member of an RDS enum above carrying the member's string. */
export function withEnumLiterals(a: CodeAnalyzer, options: OptionOccurrence[]): OptionOccurrence[] {
  return options.map((option) => {
    if (option.literal.kind !== 'expr') {
      return option;
    }
    const [first, end] = a.tokensOf(option.value);
    const path = first < end && a.isId(first) ? a.dottedPath(first) : undefined;
    const value = path && path.end === end ? enumMember(path.text, a.language.family === 'go') : undefined;
    // The option stays the prototype: its spans are worked out when asked.
    return value === undefined ? option : (Object.create(option, { literal: { value: { kind: 'str', value }, enumerable: true } }) as OptionOccurrence);
  });
}

/**
 * The string of `[aws.]rds.EngineType.Member` or `EngineType.Member` (imported by name), or Go's
 * `rds.EngineTypeMember`; undefined for any other path.
 */
function enumMember(text: string, go: boolean): string | undefined {
  const parts = text.split('.');
  const last = parts[parts.length - 1];
  if (go) {
    const match = parts.length === 2 && parts[0] === 'rds' ? /^(EngineType|EngineMode)(\w+)$/.exec(last) : null;
    return match ? memberValue(match[1], match[2]) : undefined;
  }
  if (parts.length < 2 || (parts.length > 2 && parts[parts.length - 3].toLowerCase() !== 'rds')) {
    return undefined;
  }
  return memberValue(parts[parts.length - 2], last);
}

function memberValue(enumName: string, member: string): string | undefined {
  const members = Object.hasOwn(RDS_ENUMS, enumName) ? RDS_ENUMS[enumName] : undefined;
  const key = member.replace(/_/g, '').toLowerCase();
  return members && Object.hasOwn(members, key) ? members[key] : undefined;
}
