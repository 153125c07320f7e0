/**
 * The Terraform AWS provider's `access_key` and `secret_key` (https://registry.terraform.io/providers/hashicorp/aws/latest/docs#provider-configuration),
 * as the context the literal access key check reads (`checks/staticCredentials.ts`). A provider pointed at a local
 * endpoint (LocalStack: `endpoints { dynamodb = "http://localhost:4566" }`) gives nothing: it takes any key.
 */
import { TOKEN_KIND } from '../lexer';
import { OptionContext } from '../model';
import { ACCESS_KEY_ID, LOCAL_ENDPOINT, SECRET_ACCESS_KEY, STATIC_CREDENTIALS } from '../code/staticCredentials';
import { HclValues } from './terraformIngress';

const HALVES: Readonly<Record<string, string>> = { access_key: ACCESS_KEY_ID, secret_key: SECRET_ACCESS_KEY };

/** The credentials a `provider "aws" { ... }` block (braces at `open` and `close`) writes, if any. */
export function awsProviderCredentials(hcl: HclValues, open: number, close: number): OptionContext[] {
  for (let k = open + 1; k < close; k++) {
    if (hcl.tokens.kinds[k] === TOKEN_KIND.STR && LOCAL_ENDPOINT.test(hcl.tokens.text(k))) {
      return [];
    }
  }
  const options = hcl
    .body(open, close)
    .filter((item) => !item.block && Object.hasOwn(HALVES, item.option.name))
    .map((item) => ({ ...item.option, norm: HALVES[item.option.name] }));
  return options.length > 0 ? [{ kind: 'terraform', type: STATIC_CREDENTIALS, options, complete: true, anchor: options[0].value }] : [];
}
