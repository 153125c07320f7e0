/**
 * A CloudFormation parameter's `Default` as the stack gets it. A parameter of an SSM type
 * (`AWS::SSM::Parameter::Value<String>`, `AWS::SSM::Parameter::Value<List<String>>`,
 * `AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>`) takes the value Parameter Store holds under the name its
 * default (or a parent stack) gives, which the template does not hold: its default is a name, never the value.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#aws-ssm-parameter-types
 */
import { entryOf, IacNode, scalarText } from './tree';

/** Whether a parameter's value is read from Parameter Store at deploy time. */
export function readsParameterStore(parameter: IacNode | undefined): boolean {
  return scalarText(entryOf(parameter, 'Type')?.value)?.startsWith('AWS::SSM::Parameter::Value<') === true;
}

/** The `Default` node of a parameter whose default is its value; undefined for one read from Parameter Store. */
export function parameterDefault(parameter: IacNode | undefined): IacNode | undefined {
  return readsParameterStore(parameter) ? undefined : entryOf(parameter, 'Default')?.value;
}
