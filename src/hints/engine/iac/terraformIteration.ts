/**
 * A reference to the element of a `for_each`, as an argument's whole value: `each.value`, `each.key`,
 * `each.value.cidr` or `each.value["cidr"]`, the same on a dynamic block's iterator (`ingress.value.cidr`),
 * and any of them as the one interpolation of a string (`"${each.value.cidr}"`, the Terraform 0.11 spelling
 * that code converted from it keeps), which HCL unwraps to the expression itself
 * (https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation).
 */
import { TOKEN_KIND, Tokens } from '../lexer';

const { ID, STR } = TOKEN_KIND;

export interface IterationReference {
  /** `each`, or a dynamic block's iterator (its label, or what `iterator` names). */
  iterator: string;
  member: 'value' | 'key';
  /** The attribute of the element it reads (`cidr` of `each.value.cidr`); undefined for the element whole. */
  key?: string;
}

/** `"${name.value}"`, `"${name.key}"`, `"${name.value.key}"` or `"${name.value["key"]}"`, spaces allowed inside the braces. */
const ONE_INTERPOLATION = /^\$\{\s*([A-Za-z_][\w-]*)\.(value|key)(?:\.([A-Za-z_][\w-]*)|\[\s*"([\w.-]+)"\s*\])?\s*\}$/;

/** The member (`value` or `key`) a token names, if it is one. */
function memberAt(tokens: Tokens, at: number): 'value' | 'key' | undefined {
  return tokens.kinds[at] !== ID ? undefined : tokens.is(at, 'value') ? 'value' : tokens.is(at, 'key') ? 'key' : undefined;
}

/** The element reference [first, end) is as a whole, in any of the shapes above; undefined for anything else. */
export function iterationReference(tokens: Tokens, first: number, end: number): IterationReference | undefined {
  if (end - first === 1 && tokens.kinds[first] === STR && tokens.interpolated(first)) {
    const match = ONE_INTERPOLATION.exec(tokens.text(first));
    const key = match?.[3] ?? match?.[4];
    return match && (key === undefined || match[2] === 'value') ? { iterator: match[1], member: match[2] as 'value' | 'key', ...(key !== undefined ? { key } : {}) } : undefined;
  }
  const member = tokens.kinds[first] === ID && tokens.is(first + 1, '.') ? memberAt(tokens, first + 2) : undefined;
  if (!member) {
    return undefined;
  }
  const iterator = tokens.text(first);
  if (end - first === 3) {
    return { iterator, member };
  }
  if (member !== 'value') {
    return undefined;
  }
  if (end - first === 5 && tokens.is(first + 3, '.') && tokens.kinds[first + 4] === ID) {
    return { iterator, member, key: tokens.text(first + 4) };
  }
  const quoted = end - first === 6 && tokens.is(first + 3, '[') && tokens.kinds[first + 4] === STR && !tokens.interpolated(first + 4) && tokens.is(first + 5, ']');
  return quoted ? { iterator, member, key: tokens.text(first + 4) } : undefined;
}
