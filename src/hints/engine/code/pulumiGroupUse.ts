/**
 * What a Pulumi security group protects, as far as its file shows: the data store resources (RDS, Aurora,
 * ElastiCache) that take it by id in their security group list (`vpcSecurityGroupIds: [sg.id]`, Python
 * `vpc_security_group_ids=[sg.id]`). A rule open to the internet on every port, or a range not aimed at one
 * engine, says nothing of a database by itself (a web server's group), so the Pulumi reader keeps such a rule
 * only on a group the file hands to a data store; the kinds of store tell which rule (database or cache) it is
 * for, as for templates (see `iac/groupUse.ts`).
 */
import { exposureOf } from '../iac/groupUse';
import { normalizeName } from '../types';
import type { CodeAnalyzer } from './analyzer';
import { importedPath } from './calls';
import { perFile } from './fileMemo';
import { pulumiResourceType } from './pulumi';

/** The arguments that attach security groups to an RDS or ElastiCache resource, normalised. */
const GROUP_LISTS = new Set(['vpcsecuritygroupids', 'securitygroupids']);

/** A group's `id` read in a data store's security group list: the name's token and what the store may serve. */
interface GroupReference {
  token: number;
  exposure: number;
}

/** Every `name.id` element of a data store resource's security group list in the file, by name; read once per file. */
const groupReferences = perFile((a: CodeAnalyzer): Map<string, GroupReference[]> => {
  const found = new Map<string, GroupReference[]>();
  const python = a.language.family === 'python';
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    if (!a.isId(k) || a.isAccess(k - 1) || !a.isAccess(k + 1) || !a.idIs(k + 2, 'id') || !(a.is(k + 3, ',') || a.is(k + 3, ']'))) {
      continue;
    }
    const list = a.parent[k];
    const key = list - 2;
    if (list < 2 || !a.is(list, '[') || !a.is(key + 1, python ? '=' : ':') || !(a.isId(key) || a.isString(key)) || !GROUP_LISTS.has(normalizeName(a.tokens.text(key)))) {
      continue;
    }
    // TypeScript's args object sits in the call's parentheses; Python's keywords are the call's own.
    const open = python ? a.parent[list] : a.is(a.parent[list], '{') ? a.parent[a.parent[list]] : -1;
    const exposure = open > 0 && a.is(open, '(') ? storeExposure(a, open) : 0;
    if (exposure > 0) {
      const name = a.tokens.text(k);
      found.set(name, [...(found.get(name) ?? []), { token: k, exposure }]);
    }
  }
  return found;
});

/** What the Pulumi resource (or its Python `…Args(` call) whose arguments open at `open` may serve: a database, a cache, or 0. */
function storeExposure(a: CodeAnalyzer, open: number): number {
  let start = open - 1;
  if (!a.isId(start)) {
    return 0;
  }
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  const root = a.lookup(a.tokens.text(start), start);
  if (root?.t !== 'ref') {
    return 0;
  }
  const path = importedPath(a, root.path, start, open - 1);
  const type = pulumiResourceType(root.module, path) ?? pulumiResourceType(root.module, path.replace(/Args$/, ''));
  return type === undefined ? 0 : (exposureOf(type) ?? 0);
}

/**
 * What the security group made by the call whose arguments open at `open` protects: the kinds of data store
 * (`EXPOSES_DATABASE`, `EXPOSES_CACHE`) that the file's resources attach it to through the variable it is bound
 * to (`const sg = new aws.ec2.SecurityGroup(...)`); 0 when none does or the call is bound to no variable.
 */
export function pulumiGroupExposure(a: CodeAnalyzer, open: number): number {
  let start = open - 1;
  while (a.isAccess(start - 1) && a.isId(start - 2)) {
    start -= 2;
  }
  if (a.language.family === 'js' && a.idIs(start - 1, 'new')) {
    start -= 1;
  }
  const name = start - 2;
  if (!a.is(start - 1, '=') || !a.isId(name) || a.isAccess(name - 1)) {
    return 0;
  }
  const text = a.tokens.text(name);
  const binding = a.scopes.lookup(text, name);
  if (!binding || binding.expression !== start) {
    return 0;
  }
  let exposure = 0;
  for (const reference of groupReferences(a).get(text) ?? []) {
    if (a.scopes.lookup(text, reference.token) === binding) {
      exposure |= reference.exposure;
    }
  }
  return exposure;
}
