/**
 * Passwords that CloudFormation shows to whoever may describe the stack: a password property's template parameter
 * without `NoEcho: true`, and a stack output whose value is such a parameter, which `NoEcho` never masks
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
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

export const passwordInOutput: Check = (rule, context) => {
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
