/**
 * A DynamoDB expression that names an attribute by a reserved word (`code/expressionReservedWords.ts`): DynamoDB
 * rejects the whole request, so the call never succeeds. Reported once per expression, naming each word.
 */
import { Check } from './context';

function listed(words: readonly string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export const expressionReservedWord: Check = (rule, context) => {
  for (const use of context.model.reservedWordUses ?? []) {
    const word = use.words[0];
    const are = use.words.length === 1 ? `${word} is a reserved word` : `${listed(use.words)} are reserved words`;
    context.report(
      rule,
      use.span,
      undefined,
      `${are} in DynamoDB expressions, so DynamoDB rejects this request with a ValidationException (Attribute name is a reserved keyword). Write an expression attribute name in its place (#${word}) and map it in ExpressionAttributeNames ({ "#${word}": "${word}" }).`,
    );
  }
};
