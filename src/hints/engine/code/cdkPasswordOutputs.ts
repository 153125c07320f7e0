/**
 * CDK stacks (TypeScript, JavaScript, Python) that make a `CfnOutput` of a database or cache password: the output's
 * `value` names what the file hands a password prop (`masterUserPassword`, `authToken`, the password of
 * `Credentials.fromPassword`), also inside a template or an f-string. CloudFormation returns outputs to anyone who may
 * describe the stack (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html).
 */
import { Span } from '../types';

/** Where a password prop or argument starts: the expression after it is read up to its end. */
const PASSWORD_PROP = /\b(?:masterUserPassword|master_user_password|authToken|auth_token)\s*[:=]\s*/g;
const FROM_PASSWORD = /\b(?:fromPassword|from_password)\s*\(/g;
/** A name, dotted or not (`PASSWORD`, `props.dbPassword`, `self.password`). */
const NAME = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g;
/** Names that say nothing of which password a value is. */
const NOT_A_PASSWORD = new Set(['SecretValue', 'cdk', 'core', 'aws_cdk', 'this', 'self', 'props', 'kwargs', 'os', 'process', 'rds', 'Credentials', 'undefined', 'None', 'null', 'true', 'false', 'True', 'False']);

/** The end of the expression that starts at `start`: the first `,` or closing bracket at its own depth. */
function expressionEnd(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') {
        index++;
      } else if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if ('([{'.includes(char)) {
      depth++;
    } else if (')]}'.includes(char)) {
      if (depth === 0) {
        return index;
      }
      depth--;
    } else if ((char === ',' || char === ';' || char === '\n') && depth === 0) {
      return index;
    }
  }
  return text.length;
}

/** The names an expression reads as values, not called, indexed or written as text. */
function namesRead(expression: string): string[] {
  return [...expression.matchAll(NAME)]
    .filter((match) => {
      const after = expression[match.index + match[0].length] ?? '';
      const before = expression[match.index - 1] ?? '';
      return after !== '(' && after !== '[' && before !== '"' && before !== "'" && after !== '"' && after !== "'" && !NOT_A_PASSWORD.has(match[0]);
    })
    .map((match) => match[0]);
}

/** What the file hands a password prop: the names those expressions read. */
function passwordNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(PASSWORD_PROP)) {
    const start = match.index + match[0].length;
    namesRead(text.slice(start, expressionEnd(text, start))).forEach((name) => names.add(name));
  }
  for (const match of text.matchAll(FROM_PASSWORD)) {
    const userEnd = expressionEnd(text, match.index + match[0].length);
    if (text[userEnd] === ',') {
      namesRead(text.slice(userEnd + 1, expressionEnd(text, userEnd + 1))).forEach((name) => names.add(name));
    }
  }
  return names;
}

/** The `value` of each `CfnOutput(...)` of the text, as written. */
function outputValues(text: string): Span[] {
  const values: Span[] = [];
  for (const call of text.matchAll(/\bCfnOutput\s*\(/g)) {
    const open = call.index + call[0].length;
    const close = expressionEndOfCall(text, open);
    const value = /\bvalue\s*[:=]\s*/.exec(text.slice(open, close));
    if (value) {
      const start = open + value.index + value[0].length;
      let end = expressionEnd(text, start);
      while (end > start && /\s/.test(text[end - 1])) {
        end--;
      }
      values.push({ start, end });
    }
  }
  return values;
}

/** The closing parenthesis of a call whose arguments start at `open` (or where the text stops making sense). */
function expressionEndOfCall(text: string, open: number): number {
  let end = expressionEnd(text, open);
  while (end < text.length && (text[end] === ',' || text[end] === ';' || text[end] === '\n')) {
    end = expressionEnd(text, end + 1);
  }
  return end;
}

/** The CfnOutput values of a CDK file that take in a password the file hands a database or cache. */
export function cdkPasswordOutputs(text: string): { value: Span; source: string }[] {
  if (!text.includes('CfnOutput') || !/aws[-_]cdk/.test(text)) {
    return [];
  }
  const passwords = passwordNames(text);
  if (passwords.size === 0) {
    return [];
  }
  return outputValues(text).flatMap((value) => {
    const expression = text.slice(value.start, value.end);
    const source = namesRead(expression).find((name) => passwords.has(name));
    return source ? [{ value, source }] : [];
  });
}
