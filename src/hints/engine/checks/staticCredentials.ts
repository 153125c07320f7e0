/**
 * A literal AWS access key in the credentials code hands to the SDK, or in the Terraform AWS provider
 * (`code/staticCredentials.ts`, `iac/terraformProviderCredentials.ts`): reported only where the literal is a
 * plausible key, never a stand-in.
 *
 * - An access key ID is plausible in the format IAM gives it: `AKIA` (long-term, an IAM user's or the root user's)
 *   or `ASIA` (temporary, from AWS STS) and 16 more upper-case letters or digits
 *   (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html).
 * - A secret access key is plausible in the shape of the one the IAM documentation shows
 *   (`wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`: 40 characters of letters, digits, `/` and `+`), with upper and
 *   lower case and a digit, so that `'xxxx...'` or a word is not.
 * - The documentation's example pair (`AKIAIOSFODNN7EXAMPLE`, `...EXAMPLEKEY`,
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html) is a stand-in that signs nothing:
 *   samples and tests write it where a real key would go. So is any key that says so (`EXAMPLE`, `SAMPLE`, `FAKE`,
 *   `DUMMY`, `TEST`, in any case) or repeats one character four times (`AKIAXXXXXXXXXXXXXXXX`), which a random key
 *   almost never does.
 *
 * One finding per set of credentials: at the ID when it is plausible, else at the secret.
 */
import { Literal } from '../model';
import { HintService } from '../types';
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, STATIC_CREDENTIALS } from '../code/staticCredentials';
import { Check } from './context';

const KEY_ID = /^(?:AKIA|ASIA)[A-Z0-9]{16}$/;
const SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;
const STAND_IN = /example|sample|fake|dummy|test|(.)\1\1\1/i;

export function isPlausibleKeyId(literal: Literal): boolean {
  return literal.kind === 'str' && KEY_ID.test(literal.value) && !STAND_IN.test(literal.value.slice(4));
}

export function isPlausibleSecretKey(literal: Literal): boolean {
  const value = literal.kind === 'str' ? literal.value : '';
  return SECRET_KEY.test(value) && !STAND_IN.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

const SERVICES: readonly HintService[] = ['dynamodb', 'rds', 'elasticache'];

export const literalAccessKey: Check = (rule, context) => {
  for (const credentials of context.model.contexts) {
    if (credentials.type !== STATIC_CREDENTIALS) {
      continue;
    }
    const id = credentials.options.find((option) => option.norm === ACCESS_KEY_ID);
    const secret = credentials.options.find((option) => option.norm === SECRET_ACCESS_KEY);
    const place = id && isPlausibleKeyId(id.literal) ? id : secret && isPlausibleSecretKey(secret.literal) ? secret : undefined;
    if (place) {
      context.report(rule, place.value, undefined, undefined, undefined, serviceOf(context.model.operations[0]?.operation));
    }
  }
};

/** The service of the file's first SDK call (`rds:CreateDBInstance`), for the finding to name; the rule's own otherwise. */
function serviceOf(operation: string | undefined): HintService | undefined {
  return SERVICES.find((service) => operation?.startsWith(`${service}:`));
}
