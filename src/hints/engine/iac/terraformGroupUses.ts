/**
 * The security groups a Terraform resource or module block refers to, for what the group serves (`groupUse.ts`):
 * every `aws_security_group.<name>` or `module.<name>` in the block, in an interpolation too. One written under a key
 * that names the peer a rule admits (`allowed_security_groups = [module.app_sg.security_group_id]` of the Aurora
 * module, a rule object's `source_security_group_id`) is the clients' group: it is let in, and joins nothing.
 */
import { TOKEN_KIND, Tokens } from '../lexer';
import { GROUP_REFERENCE, GroupUses, namesGroup, namesPeerGroup } from './groupUse';

const { ID, STR } = TOKEN_KIND;

/** Notes on `uses` each group the block [open, close] refers to, as used by a resource of type `consumer`. */
export function noteGroupUses(tokens: Tokens, partner: Int32Array, lineOf: (token: number) => number, open: number, close: number, consumer: string | undefined, uses: GroupUses): void {
  let peersEnd = -1;
  for (let i = open + 1; i < close; i++) {
    const kind = tokens.kinds[i];
    const note = (group: string): void => (i < peersEnd ? uses.admitted(group) : uses.use(group, consumer));
    if (i >= peersEnd && (kind === ID || kind === STR) && (tokens.is(i + 1, '=') || tokens.is(i + 1, ':')) && namesPeerGroup(tokens.text(i))) {
      peersEnd = valueEnd(partner, lineOf, i, close);
    } else if (i + 2 < close && kind === ID && namesGroup(tokens.text(i)) && tokens.is(i + 1, '.') && tokens.kinds[i + 2] === ID) {
      note(`${tokens.text(i)}.${hyphenatedName(tokens, i + 2, close)}`);
    } else if (kind === STR && tokens.interpolated(i)) {
      for (const [, group, name] of tokens.text(i).matchAll(GROUP_REFERENCE)) {
        note(`${group}.${name}`);
      }
    }
  }
}

/** The end of the value written after the key at `key` and its `=` or `:`: the rest of its line, and any brackets opened there. */
function valueEnd(partner: Int32Array, lineOf: (token: number) => number, key: number, close: number): number {
  const line = lineOf(key);
  let end = key + 2;
  while (end < close && lineOf(end) === line) {
    const p = partner[end];
    end = p > end ? p + 1 : end + 1;
  }
  return end;
}

/** The name starting at token `at`, with the `-part`s written against it (HCL names may hold hyphens: `module.db-sg`). */
function hyphenatedName(tokens: Tokens, at: number, close: number): string {
  const { starts, ends } = tokens;
  let end = at;
  while (end + 2 < close && tokens.is(end + 1, '-') && starts[end + 1] === ends[end] && tokens.kinds[end + 2] === ID && starts[end + 2] === ends[end + 1]) {
    end += 2;
  }
  return tokens.source.slice(starts[at], ends[end]);
}
