/**
 * Terraform conditionals (`local.is_serverless ? null : var.storage_encrypted`): where the `?` and `:` of a
 * single conditional are, and what its two branches give together, so that a rule can judge an argument
 * whose outcomes all get the same verdict.
 */
import { Tokens } from '../lexer';
import { Literal } from '../model';
import { InputCondition } from '../workspace/types';
import { scalarLiteral } from './terraformOutside';

/** The `?` and `:` of `cond ? a : b` written as the whole of [first, end); undefined for anything else, a chain included. */
export function conditionalParts(tokens: Tokens, partner: Int32Array, first: number, end: number): { question: number; colon: number } | undefined {
  let question = -1;
  let colon = -1;
  for (let k = first; k < end; k = partner[k] > k ? partner[k] + 1 : k + 1) {
    if (tokens.is(k, '?')) {
      if (question >= 0) {
        // A chain (`a ? x : b ? y : z`) has more outcomes than two.
        return undefined;
      }
      question = k;
    } else if (tokens.is(k, ':') && question >= 0 && colon < 0) {
      colon = k;
    }
  }
  return question > first && colon > question + 1 && colon + 1 < end ? { question, colon } : undefined;
}

/**
 * A conditional's test as the whole of [first, end), where `literalOf` knows its values (a variable's default or
 * `.tfvars` value, a local): a bool, `!` of one, or `==` / `!=` between two literals of one type (Terraform's
 * equality needs the same type and value); undefined for anything else (`&&`, `||`, a call, a chain).
 */
export function testValue(tokens: Tokens, partner: Int32Array, first: number, end: number, literalOf: (first: number, end: number) => Literal): boolean | undefined {
  while (end - first > 2 && tokens.is(first, '(') && partner[first] === end - 1) {
    first += 1;
    end -= 1;
  }
  if (end <= first) {
    return undefined;
  }
  let operator = -1;
  for (let k = first; k < end; k = partner[k] > k ? partner[k] + 1 : k + 1) {
    if (tokens.is(k, '==') || tokens.is(k, '!=')) {
      if (operator >= 0) {
        return undefined;
      }
      operator = k;
    }
  }
  if (operator < 0) {
    if (tokens.is(first, '!')) {
      // `!` binds before any other operator, so `!a` is the whole test here.
      const inner = literalOf(first + 1, end);
      return inner.kind === 'bool' ? !inner.value : undefined;
    }
    const literal = literalOf(first, end);
    return literal.kind === 'bool' ? literal.value : undefined;
  }
  const left = literalOf(first, operator);
  const right = literalOf(operator + 1, end);
  if ((left.kind !== 'str' && left.kind !== 'num' && left.kind !== 'bool') || left.kind !== right.kind) {
    return undefined;
  }
  return (left.value === right.value) === tokens.is(operator, '==');
}

/**
 * What two branches give together: their value where they agree (`cond ? false : var.x` with a default of
 * false); where one is `null` (the argument left out) and the other a literal, an expression that keeps
 * the literal as `orAbsent`; undefined when a branch is unknown or they differ.
 */
export function branchesLiteral(yes: Literal, no: Literal, text: string): Literal | undefined {
  if (yes.kind === 'expr' || no.kind === 'expr') {
    return undefined;
  }
  if (yes.kind === 'none' || no.kind === 'none') {
    return yes.kind === no.kind ? yes : { kind: 'expr', text, orAbsent: yes.kind === 'none' ? no : yes };
  }
  return yes.kind === no.kind && yes.value === no.value ? yes : undefined;
}

/**
 * The branch a module input's literal chooses in a conditional on that input (see `InputCondition`): a bool
 * input (also written `"true"`/`"false"`, which Terraform converts for a `bool` variable) as the test, or the
 * input compared with a value of its own type; undefined when the literal does not decide.
 */
export function conditionOutcome(when: InputCondition, input: Literal): Literal | undefined {
  const value = input.kind === 'str' || input.kind === 'num' || input.kind === 'bool' ? input.value : undefined;
  let holds: boolean | undefined;
  if (when.equals === undefined) {
    holds = typeof value === 'boolean' ? value : value === 'true' || value === 'false' ? value === 'true' : undefined;
  } else if (value !== undefined && typeof value === typeof when.equals) {
    holds = value === when.equals;
  }
  return holds === undefined ? undefined : scalarLiteral(holds !== (when.negated === true) ? when.yes : when.no);
}

