/**
 * Passwords that CloudFormation shows to whoever may describe the stack: a password property's template parameter
 * without `NoEcho: true`, and a stack output whose value is such a parameter, which `NoEcho` never masks
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html); and the
 * Terraform outputs and CDK `CfnOutput`s whose value is a database or cache password.
 */
import { OptionContext, OptionOccurrence, TemplateParameter } from '../model';
import { HintService, QuickFix } from '../types';
import { Check, RuleOption } from './context';

function serviceOf(resource: OptionContext): HintService {
  return resource.type.startsWith('AWS::ElastiCache::') ? 'elasticache' : 'rds';
}

/** What takes the password in, as the message names it. */
function target(resource: OptionContext, option: OptionOccurrence): string {
  return resource.type.includes('Function') ? `the function's environment variable ${option.name}` : option.name;
}

/** Adds `NoEcho: true` to the parameter, where its map can take a new entry. */
function noEchoFix(parameter: TemplateParameter): QuickFix | undefined {
  const insertion = parameter.insertion;
  if (!insertion) {
    return undefined;
  }
  const line = insertion.style === 'json' ? `${insertion.indent}"NoEcho": true,\n` : `${insertion.indent}NoEcho: true\n`;
  return { title: 'Add NoEcho: true', edits: [{ start: insertion.offset, end: insertion.offset, newText: line }] };
}

export const passwordParameterEchoed: Check = (rule, context) => {
  for (const { context: resource, option } of context.optionsOf(rule)) {
    for (const parameter of option.parameters ?? []) {
      if (!parameter.noEcho) {
        const message = `Parameter ${parameter.name} reaches ${target(resource, option)} and has no NoEcho: true, so CloudFormation shows its value to anyone who may describe the stack (console, DescribeStacks, the CLI). Set NoEcho: true, or better resolve the password from Secrets Manager ({{resolve:secretsmanager:...}}, ManageMasterUserPassword).`;
        context.report(rule, parameter.key, noEchoFix(parameter), message, undefined, serviceOf(resource));
      }
    }
  }
};

/** How a Terraform output shows the password, or, for a CDK `CfnOutput` (no `sensitive` read), who reads it. */
function exposure(sensitive: boolean | undefined): string {
  if (sensitive === undefined) {
    return 'CloudFormation returns stack outputs to anyone who may describe the stack (console, DescribeStacks), and nothing masks them';
  }
  const shown = sensitive
    ? 'sensitive = true only hides it from plan, apply and the terraform output listing'
    : 'without sensitive = true, Terraform 0.14 and later refuse the output where the value is marked sensitive (as providers mark their password attributes) and print it after every apply where it is not';
  return `Terraform keeps outputs in plain text in state, where terraform output -json or -raw and terraform_remote_state read them; ${shown}`;
}

/** Terraform outputs and CDK `CfnOutput`s whose value is a database or cache password. */
function passwordOutputs(rule: Parameters<Check>[0], context: Parameters<Check>[1]): void {
  for (const output of context.model.passwordOutputs ?? []) {
    const service: HintService = /auth_?token/i.test(output.source) ? 'elasticache' : 'rds';
    const message = `This output hands out the password ${output.source}: ${exposure(output.sensitive)}. Let consumers read the password from Secrets Manager (a managed master password, or a secret's ARN as the output).`;
    context.report(rule, output.value, undefined, message, undefined, service);
  }
}

export const passwordInOutput: Check = (rule, context) => {
  passwordOutputs(rule, context);
  const outputs = context.model.stackOutputs;
  if (!outputs) {
    return;
  }
  const passwords = new Map<string, RuleOption>();
  for (const matched of context.optionsOf(rule)) {
    matched.option.parameters?.forEach((parameter) => passwords.set(parameter.name, passwords.get(parameter.name) ?? matched));
  }
  for (const output of outputs) {
    const parameter = output.parameters.find((candidate) => passwords.has(candidate.name));
    const reached = parameter && passwords.get(parameter.name);
    if (parameter && reached) {
      const message = `This output's value is parameter ${parameter.name}, which ${target(reached.context, reached.option)} takes as its password; anyone who may describe the stack reads outputs, and NoEcho does not mask them. Output the secret's ARN instead.`;
      context.report(rule, output.value, undefined, message, undefined, serviceOf(reached.context));
    }
  }
};
