/**
 * A DB instance a Python script deletes while it walks a cluster's members (`for member in
 * cluster["DBClusterMembers"]: rds.delete_db_instance(DBInstanceIdentifier=member["DBInstanceIdentifier"], ...)`),
 * which is how the API deletes an Aurora cluster. An Aurora instance holds no data of its own: the cluster volume stays
 * when its instances go, and the backups and the final snapshot are the cluster's (DeleteDBCluster's), so skipping the
 * instance's final snapshot or its automated backups loses nothing. The request gets the `AuroraClusterMember` mark,
 * which the rules on those settings read as making them moot.
 */
import { OptionContext } from '../model';
import type { CodeAnalyzer } from './analyzer';
import { tokensNamed } from './tokenIndex';

export const AURORA_CLUSTER_MEMBER = 'auroraclustermember';

/** Tokens read from a loop's `in` to its `:`. */
const MAX_ITERABLE_TOKENS = 48;

/** Adds the mark to a DeleteDBInstance request whose instance is an element of a `DBClusterMembers` list. */
export function withAuroraClusterMember(a: CodeAnalyzer, open: number, close: number, context: OptionContext): OptionContext {
  for (let k = open + 1; k < close; k = a.skipGroup(k)) {
    if (!a.idIs(k, 'DBInstanceIdentifier') || !a.is(k + 1, '=') || !(a.is(k - 1, '(') || a.is(k - 1, ','))) {
      continue;
    }
    const element = memberName(a, k + 2, close);
    if (element >= 0 && walksClusterMembers(a, a.tokens.text(element), k)) {
      const span = a.span(k, k);
      context.options.push({ name: 'AuroraClusterMember', norm: AURORA_CLUSTER_MEMBER, key: span, value: span, literal: { kind: 'expr', text: '' }, removal: span });
    }
    break;
  }
  return context;
}

/** The name at `k` when the argument there reads its `DBInstanceIdentifier` (`m["DBInstanceIdentifier"]`, `m.get("DBInstanceIdentifier")`), else -1. */
function memberName(a: CodeAnalyzer, k: number, close: number): number {
  if (!a.isId(k)) {
    return -1;
  }
  const subscript = a.is(k + 1, '[') && isString(a, k + 2, 'DBInstanceIdentifier') && a.is(k + 3, ']') ? k + 4 : -1;
  const got = a.isAccess(k + 1) && a.idIs(k + 2, 'get') && a.is(k + 3, '(') && isString(a, k + 4, 'DBInstanceIdentifier') && a.is(k + 5, ')') ? k + 6 : -1;
  const end = subscript >= 0 ? subscript : got;
  return end >= 0 && (end === close || a.is(end, ',')) ? k : -1;
}

/** Whether the nearest `for name in ...` before `at`, in the same function, iterates a `DBClusterMembers` list. */
function walksClusterMembers(a: CodeAnalyzer, name: string, at: number): boolean {
  const fn = a.scopes.enclosing(at, ['function']);
  const uses = tokensNamed(a, name);
  for (let u = uses.length - 1; u >= 0; u--) {
    const j = uses[u];
    if (j >= at || !a.idIs(j - 1, 'for') || !a.idIs(j + 1, 'in') || a.scopes.enclosing(j, ['function']) !== fn) {
      continue;
    }
    for (let t = j + 2; t < j + 2 + MAX_ITERABLE_TOKENS && !(a.is(t, ':') && a.parent[t] === a.parent[j]); t++) {
      if (isString(a, t, 'DBClusterMembers')) {
        return true;
      }
    }
    return false;
  }
  return false;
}

/** Whether the token at `k` is the string literal `value` (a string token's text is its content). */
function isString(a: CodeAnalyzer, k: number, value: string): boolean {
  return a.isString(k) && a.tokens.text(k) === value;
}
