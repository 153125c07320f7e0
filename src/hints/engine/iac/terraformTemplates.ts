/**
 * An HCL template string read for one of its parts: `"postgresql://app:${var.db_password}@${aws_db_instance.main.address}/app"`,
 * written where a value is or in a `local` it names (of this file, or a URL template another file of the module lends),
 * with each interpolation of a variable or local that the module gives a literal (what `.tfvars` set, else its
 * default, in this file or another of the module) written in, encoded as a URL part, and every other interpolation
 * left as it is. For readers that judge one part of such a string (a URL's password): the whole is still not a known
 * value.
 */
import { Literal } from '../model';
import { TOKEN_KIND, Tokens } from '../lexer';
import { Range } from './terraformIngress';
import { isList, OutsideValues, scalarLiteral } from './terraformOutside';

const { ID, STR } = TOKEN_KIND;
/** An interpolation that is one variable or local (`${var.db_password}`, `${ local.user }`). */
const REFERENCE = /\$\{\s*(var|local)\.([A-Za-z_][\w-]*)\s*\}/g;
/** Locals followed to the template they hold, at most. */
const MAX_LOCALS = 4;

/** The template at [first, end) (a string, or `local.name` that holds one), its variables and locals written in; undefined for any other value. */
export function renderedTemplate(tokens: Tokens, named: ReadonlyMap<string, Range>, outside: OutsideValues | undefined, literalOf: (first: number, end: number) => Literal, first: number, end: number): string | undefined {
  let template: string | undefined;
  for (let depth = 0; depth < MAX_LOCALS && end === first + 3 && tokens.kinds[first] === ID && tokens.text(first) === 'local' && tokens.is(first + 1, '.'); depth++) {
    const name = tokens.text(first + 2);
    const local = named.get(`local.${name}`);
    if (!local) {
      // A local of another file of the module: lent as its text when it is a URL template.
      template = outside?.localTemplate?.(name);
      break;
    }
    ({ first, end } = local);
  }
  if (template === undefined && end === first + 1 && tokens.kinds[first] === STR && tokens.interpolated(first)) {
    template = tokens.text(first);
  }
  return template?.replace(REFERENCE, (whole, root: string, name: string) => {
    const literal = referenceLiteral(named, outside, literalOf, root, name);
    // Encoded as a URL part, as the readers of such strings read them (a lent secret reads `(a literal secret)`).
    return literal?.kind === 'str' || literal?.kind === 'num' || literal?.kind === 'bool' ? encodeURIComponent(String(literal.value)) : whole;
  });
}

/** The literal a variable or local holds: what `.tfvars` set a variable to, else its default or the local's value, here or in another file of the module. */
function referenceLiteral(named: ReadonlyMap<string, Range>, outside: OutsideValues | undefined, literalOf: (first: number, end: number) => Literal, root: string, name: string): Literal | undefined {
  const assigned = root === 'var' ? outside?.assigned?.(name) : undefined;
  if (assigned !== undefined) {
    return assigned === null || isList(assigned) ? undefined : scalarLiteral(assigned);
  }
  const written = named.get(`${root}.${name}`);
  if (written) {
    return literalOf(written.first, written.end);
  }
  const lent = root === 'var' ? outside?.variable(name) : outside?.local(name);
  return lent === undefined || isList(lent) ? undefined : scalarLiteral(lent);
}
