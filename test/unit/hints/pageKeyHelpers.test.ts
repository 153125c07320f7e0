/**
 * A Query reply handed to a function of the file that reads its page key (`nextKey(response)`): the caller reads
 * the key as if in place, so its Query is no one-page read. A helper that reads no page key, one declared twice
 * (an overload), or a reply read by a helper of another caller keeps the finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const JAVA = (helperBody: string, second = ''): string =>
  sourceLines(
    'import java.util.List;',
    'import java.util.Map;',
    'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
    'import software.amazon.awssdk.services.dynamodb.model.*;',
    '',
    'public class TicketDao {',
    '    private final DynamoDbClient client;',
    '',
    '    public TicketDao(DynamoDbClient client) { this.client = client; }',
    '',
    '    public TicketPage openTickets(String board) {',
    '        QueryResponse response = client.query(QueryRequest.builder().tableName("tickets")',
    '                .keyConditionExpression("board = :b")',
    '                .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(board))).build());',
    '        return new TicketPage(response.items(), nextKey(response));',
    '    }',
    '',
    '    private Map<String, AttributeValue> nextKey(QueryResponse page) {',
    `        ${helperBody}`,
    '    }',
    second,
    '}',
  );

const queryFindings = (code: string): string[] => hintsIn('TicketDao.java', code).filter((hint) => hint.endsWith('dynamodb-query!'));

describe('A reply handed to a same-file function that reads its page key', () => {
  it('pages the caller\'s Query when the function reads the key off its parameter', () => {
    assert.deepEqual(queryFindings(JAVA('return page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;')), []);
  });

  it('keeps the finding where the function reads no page key, or the name is declared twice', () => {
    assert.deepEqual(queryFindings(JAVA('return Map.of();')), ['12:query dynamodb-query!']);
    const overload = '    private Map<String, AttributeValue> nextKey(ScanResponse page) { return Map.of(); }';
    assert.deepEqual(queryFindings(JAVA('return page.lastEvaluatedKey();', overload)), ['12:query dynamodb-query!']);
  });

  it('pages a Python caller whose reply a helper reads with get', () => {
    const code = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("tickets")',
      '',
      'def next_key(resp):',
      '    return resp.get("LastEvaluatedKey")',
      '',
      'def open_tickets(board):',
      '    resp = table.query(KeyConditionExpression=Key("board").eq(board))',
      '    return resp["Items"], next_key(resp)',
    );
    assert.deepEqual(hintsIn('tickets.py', code).filter((hint) => hint.endsWith('!')), []);
    assert.deepEqual(
      hintsIn('tickets.py', code.replace('return resp.get("LastEvaluatedKey")', 'return None')).filter((hint) => hint.endsWith('!')),
      ['9:query dynamodb-query!'],
    );
  });
});
