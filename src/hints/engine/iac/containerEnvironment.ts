/**
 * ECS containers' environment variables that carry a database or cache password, read as `EnvironmentPassword` as a
 * Lambda function's are (`lambdaEnvironment.ts`): "Environment variables specified in the task definition are
 * readable by all users and roles that are allowed the DescribeTaskDefinition action", and AWS recommends Secrets
 * Manager or Parameter Store, passed in `secrets` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html).
 * Terraform's `container_definitions = jsonencode([...])` is read here; a heredoc or a file's JSON is not. A template the
 * definitions are rendered from (`templatefile("containers.json.tpl", { db_password = ... })`, or a `template_file` data
 * source's `rendered` text with its `vars`) is read by its variables, not its text: a password variable's value is written
 * into the task definition, where `ecs:DescribeTaskDefinition` shows it as it shows `environment`.
 */
import { OptionContext, OptionOccurrence } from '../model';
import { environmentPasswords, hclVariable, HclMaps, terraformMapPasswords } from './lambdaEnvironment';
import { BodyItem, HclValues, Range } from './terraformIngress';

/** The task definition types whose containers' environment the readers look into. */
export const TASK_DEFINITIONS = new Set(['AWS::ECS::TaskDefinition', 'aws_ecs_task_definition']);

/** The password variables of the `environment` lists of an `aws_ecs_task_definition`'s containers. */
export function terraformContainerPasswords(hcl: HclValues & HclMaps, items: readonly BodyItem[]): OptionOccurrence[] {
  const definitions = items.find((item) => !item.block && item.option.name === 'container_definitions');
  const rendered = definitions && templateVariables(hcl, definitions);
  if (rendered) {
    return terraformMapPasswords(hcl, rendered);
  }
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

/** The variables map of `templatefile(path, { ... })` written in place, as an item of its own. */
function templateVariables(hcl: HclValues, item: Range): Range | undefined {
  const { first, end } = item;
  if (!hcl.tokens.is(first, 'templatefile') || hcl.textOf(first + 1) !== '(' || hcl.partner[first + 1] !== end - 1) {
    return undefined;
  }
  // The map is the second argument: the last one, after the path's comma at the call's own depth.
  const close = end - 1;
  const open = hcl.textOf(close - 1) === '}' ? hcl.partner[close - 1] : -1;
  const comma = open > first + 2 && hcl.textOf(open - 1) === ',' ? open - 1 : -1;
  return comma > 0 ? { first: open, end: close } : undefined;
}

/**
 * A `template_file` data source that a task definition of the module renders into its containers (the workspace says
 * which, `containerTemplate`): its password variables, read as the containers' environment, in a context of its own.
 */
export function templateFileContext(hcl: HclValues & HclMaps, open: number, close: number): OptionContext[] {
  const vars = hcl.body(open, close).find((item) => !item.block && item.option.name === 'vars');
  const options = terraformMapPasswords(hcl, vars);
  // The template is the task definition's containers, written in another block: read as the task definition's.
  return options.length > 0 ? [{ kind: 'terraform', type: 'aws_ecs_task_definition', options, complete: true, anchor: options[0].key }] : [];
}

export const TEMPLATE_FILE = 'template_file';

