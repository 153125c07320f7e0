/**
 * ECS containers' environment variables that carry a database or cache password, read as `EnvironmentPassword` as a
 * Lambda function's are (`lambdaEnvironment.ts`): "Environment variables specified in the task definition are
 * readable by all users and roles that are allowed the DescribeTaskDefinition action", and AWS recommends Secrets
 * Manager or Parameter Store, passed in `secrets` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html).
 * Terraform's `container_definitions = jsonencode([...])` is read here; a heredoc or a file's JSON is not.
 */
import { OptionOccurrence } from '../model';
import { environmentPasswords, hclVariable } from './lambdaEnvironment';
import { BodyItem, HclValues, Range } from './terraformIngress';

/** The task definition types whose containers' environment the readers look into. */
export const TASK_DEFINITIONS = new Set(['AWS::ECS::TaskDefinition', 'aws_ecs_task_definition']);

/** The password variables of the `environment` lists of an `aws_ecs_task_definition`'s containers. */
export function terraformContainerPasswords(hcl: HclValues, items: readonly BodyItem[]): OptionOccurrence[] {
  const definitions = items.find((item) => !item.block && item.option.name === 'container_definitions');
  const containers = definitions && encodedList(hcl, definitions);
  const variables: OptionOccurrence[] = [];
  for (const container of containers ? hcl.objects(containers) : []) {
    const environment = container.get('environment');
    for (const variable of environment && hcl.isList(environment) ? hcl.objects(environment) : []) {
      const name = variable.get('name');
      const value = variable.get('value');
      const literal = name && hcl.literalOf(name.first, name.end);
      if (value && literal?.kind === 'str') {
        variables.push(hclVariable(hcl, literal.value, name!, value));
      }
    }
  }
  return environmentPasswords(variables);
}

/** The list `jsonencode([...])` encodes, written in place. */
function encodedList(hcl: HclValues, item: Range): Range | undefined {
  const { first, end } = item;
  if (!hcl.tokens.is(first, 'jsonencode') || hcl.textOf(first + 1) !== '(' || hcl.partner[first + 1] !== end - 1 || hcl.textOf(first + 2) !== '[') {
    return undefined;
  }
  const close = hcl.partner[first + 2];
  return close === end - 2 ? { first: first + 2, end: close + 1 } : undefined;
}
