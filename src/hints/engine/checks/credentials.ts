/** Checks on how clients and cache users authenticate: no password at all, or a password sent in clear. */
import { Literal, OptionContext, OptionOccurrence } from '../model';
import { Check, literalEquals } from './context';
import { isLiteralSecret } from './values';
import { isLocal, mayUseTls } from '../redisClientTls';

/**
 * A list written out in the code whose first element is a string literal (`["pw"]`, `[]string{"pw"}`,
 * `List.of("pw")`), other than a CloudFormation dynamic reference to a secret (`{{resolve:...}}`).
 */
function isLiteralStringList(literal: Literal): boolean {
  if (literal.kind === 'str') {
    return isLiteralSecret(literal);
  }
  return literal.kind === 'expr' && /^(?:\[|\[\]string\s*\{|new\s*(?:[A-Za-z]\w*(?:<\w+>)?)?\s*(?:\[\]|\(\))?\s*\{|List\.of\(|Arrays\.asList\()\s*["'](?!\$\{|\{\{resolve:)/.test(literal.text);
}

function needsNoPassword(option: OptionOccurrence): boolean {
  if (option.norm === 'nopasswordrequired') {
    return literalEquals(option.literal, true);
  }
  // AuthenticationMode: { Type: 'no-password-required' } (the nested key is read with its context).
  return option.norm === 'type' && option.literal.kind === 'str' && option.literal.value.toLowerCase() === 'no-password-required';
}

/**
 * A user whose access string switches it `off` (the last of `on` and `off` written wins), or says neither,
 * which ElastiCache reads as `off`, cannot sign in: the usual stand-in for the `default` user of a user group
 * (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html).
 */
function isDisabled(user: OptionContext): boolean {
  const access = user.options.find((option) => option.norm === 'accessstring')?.literal;
  if (access?.kind !== 'str') {
    return false;
  }
  const switches = access.value.split(/\s+/).filter((word) => /^(?:on|off)$/i.test(word));
  return switches.length === 0 || switches[switches.length - 1].toLowerCase() === 'off';
}

/**
 * An ElastiCache user that needs no password, or whose passwords are literals in the code; not a disabled
 * user, whose password (a stand-in that the API requires for a `password` user) lets nobody sign in.
 */
export const userWithoutPassword: Check = (rule, context) => {
  const users = new Set<OptionContext>(context.optionsOf(rule).map(({ context: user }) => user));
  for (const user of users) {
    if (isDisabled(user)) {
      continue;
    }
    for (const option of user.options) {
      if (needsNoPassword(option)) {
        context.report(rule, option.key);
      } else if (option.norm === 'passwords' && isLiteralStringList(option.literal)) {
        context.report(rule, option.value);
      }
    }
  }
};

function hasPassword(option: OptionOccurrence): boolean {
  const literal = option.literal;
  return literal.kind === 'expr' || (literal.kind === 'str' && literal.value !== '');
}

/** A Redis client that sends a password (AUTH) on a connection without TLS. */
export const redisAuthWithoutTls: Check = (rule, context) => {
  for (const { context: client, option } of context.optionsOf(rule)) {
    if (client.kind === 'redis-client' && client.complete && hasPassword(option) && !mayUseTls(client) && !isLocal(client)) {
      context.report(rule, option.key);
    }
  }
};
