/**
 * A CDK app's settings module (`config`, `settings`, `constants`... in its file name) or entry module (the one that
 * makes the `App` and passes the stacks their props) whose object literal gives a
 * password member a literal (`db_pass: "pass1234"`, or `password: dbPass` after `let dbPass =
 * scope.node.tryGetContext('db_pass') || "dbpassword"`), where a module of the workspace that makes RDS databases
 * writes that member in plain text into its stack (`SecretValue.unsafePlainText(rdsConfig.password)`, as
 * `workspace/cdkPasswordMembers.ts` reads it): the literal is the database's master password, in source control and
 * in the synthesized template. Matched by the member's name, in workspace mode only.
 */
import type { OptionContext, OptionOccurrence } from '../model';
import { normalizeName } from '../types';
import { SETTINGS_NAME } from '../workspace/pythonSettingConstants';
import type { CodeAnalyzer } from './analyzer';
import { expressionEnd } from './braces';
import { occurrenceOf } from './options';

/** A JavaScript or TypeScript module named for settings (`awsconfig.ts`, `config/stage.ts`). */
const SETTINGS_MODULE = new RegExp(String.raw`(?:^|\/)[\w.-]*(?:${SETTINGS_NAME})[\w.-]*\.[cm]?[jt]sx?$`, 'i');
/** The app's entry module, which gives the stacks their props (`new MyStack(app, 'Db', { dbPassword: ... })`). */
const APP_ENTRY = /\bnew\s+(?:\w+\.)?App\s*\(/;
/** What the literal is to the rules: the master password of the database the stack makes. */
const MASTER_PASSWORD = normalizeName('masterUserPassword');
const DATABASE = 'aws_rds.DatabaseInstance';

/** The literal passwords the settings module gives the members that other modules write in plain text, each as a database's master password. */
export function configPasswordContexts(a: CodeAnalyzer, file: string): OptionContext[] {
  const settings = SETTINGS_MODULE.test(file) || APP_ENTRY.test(a.text);
  const members = a.language.family === 'js' && settings ? a.project?.cdkPasswordMembers?.() : undefined;
  if (!members || members.size === 0) {
    return [];
  }
  const contexts: OptionContext[] = [];
  for (let k = 1; k + 2 < a.tokens.length; k++) {
    // A property of an object literal: `{ db_pass: ... }`, `, password: ...`.
    if (!a.isId(k) || !a.is(k + 1, ':') || !(a.is(k - 1, '{') || a.is(k - 1, ',')) || !members.has(a.tokens.text(k))) {
      continue;
    }
    const literal = passwordLiteral(a, k + 2);
    if (literal < 0) {
      continue;
    }
    const option = occurrenceOf(a, { key: k, valueStart: literal, valueEnd: literal + 1, removalStart: k, removalEnd: literal });
    const password = Object.create(option, { norm: { value: MASTER_PASSWORD, enumerable: true } }) as OptionOccurrence;
    contexts.push({ kind: 'cdk', type: DATABASE, options: [password], complete: false, anchor: a.tokenSpan(k) });
  }
  return contexts;
}

/** Whether the token at `k` ends the property value (`,`, `}`). */
function endsValue(a: CodeAnalyzer, k: number): boolean {
  return a.is(k, ',') || a.is(k, '}');
}

/**
 * The string literal a property value starting at `value` is: the literal itself, or the one a name in scope is bound
 * to, alone or as the fallback of `||` or `??` (`tryGetContext('db_pass') || "dbpassword"`); -1 for anything else.
 */
function passwordLiteral(a: CodeAnalyzer, value: number): number {
  if (!endsValue(a, value + 1)) {
    // Written in place as a fallback: `dbPassword: process.env.DB_PASSWORD || 'changeme'`.
    const end = expressionEnd(a, value);
    return endsValue(a, end) && end - 2 > value && quoted(a, end - 1) && (a.is(end - 2, '||') || a.is(end - 2, '??')) ? end - 1 : -1;
  }
  if (quoted(a, value)) {
    return value;
  }
  const binding = a.isId(value) ? a.scopes.lookup(a.tokens.text(value), value) : undefined;
  const start = binding ? binding.expression : -1;
  if (start < 0) {
    return -1;
  }
  const end = expressionEnd(a, start);
  if (end === start + 1) {
    return quoted(a, start) ? start : -1;
  }
  return end - 2 > start && quoted(a, end - 1) && (a.is(end - 2, '||') || a.is(end - 2, '??')) ? end - 1 : -1;
}

/** A plain quoted string (no template with substitutions). */
function quoted(a: CodeAnalyzer, k: number): boolean {
  const quote = a.isString(k) ? a.text.charAt(a.tokens.starts[k]) : '';
  return quote === '"' || quote === "'";
}
