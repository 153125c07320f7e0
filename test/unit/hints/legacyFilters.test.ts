/** The legacy `ScanFilter` and `QueryFilter` maps are filters like `FilterExpression`: the same hover, and a Scan's finding. */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const filterHints = (hints: string[]): string[] => hints.filter((hint) => hint.includes('dynamodb-filter-expression')).sort();

describe('legacy filter parameters', () => {
  it('Java 1.x mapper: withScanFilter gets the filter hover and the whole-table finding', () => {
    const code = sourceLines(
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;',
      'import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression;',
      'import com.amazonaws.services.dynamodbv2.model.AttributeValue;',
      'import com.amazonaws.services.dynamodbv2.model.ComparisonOperator;',
      'import com.amazonaws.services.dynamodbv2.model.Condition;',
      'import java.util.*;',
      '',
      'public class BookRepository {',
      '    private final DynamoDBMapper mapper;',
      '    public BookRepository(DynamoDBMapper mapper) { this.mapper = mapper; }',
      '',
      '    public List<Book> byAuthor(String author) {',
      '        Map<String, Condition> filter = new HashMap<>();',
      '        filter.put("author", new Condition().withComparisonOperator(ComparisonOperator.EQ).withAttributeValueList(new AttributeValue(author)));',
      '        DynamoDBScanExpression scan = new DynamoDBScanExpression().withScanFilter(filter);',
      '        return mapper.scan(Book.class, scan);',
      '    }',
      '}',
    );
    assert.deepEqual(filterHints(hintsIn('BookRepository.java', code)), ['15:withScanFilter dynamodb-filter-expression', '15:withScanFilter dynamodb-filter-expression!']);
  });

  it('JavaScript SDK v2: ScanFilter and QueryFilter get the hover; only the Scan gets the finding', () => {
    const code = sourceLines(
      "const AWS = require('aws-sdk');",
      'const db = new AWS.DynamoDB.DocumentClient();',
      '',
      'exports.open = async () => {',
      "  const scanned = await db.scan({ TableName: 'tickets', ScanFilter: { status: { ComparisonOperator: 'EQ', AttributeValueList: ['OPEN'] } } }).promise();",
      "  const queried = await db.query({ TableName: 'tickets', KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: ['T#1'] } }, QueryFilter: { status: { ComparisonOperator: 'EQ', AttributeValueList: ['OPEN'] } } }).promise();",
      '  return [scanned.Items, queried.Items];',
      '};',
    );
    assert.deepEqual(filterHints(hintsIn('tickets.js', code)), ['5:ScanFilter dynamodb-filter-expression', '5:ScanFilter dynamodb-filter-expression!', '6:QueryFilter dynamodb-filter-expression']);
  });
});
