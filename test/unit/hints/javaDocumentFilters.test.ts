/**
 * The AWS SDK for Java 1.x document API's legacy filters passed as arguments (`table.scan(new
 * ScanFilter("owner").eq(id))`, `table.query("pk", id, null, new QueryFilter("state").eq("open"))`): the SDK
 * sends them as the request's `ScanFilter` / `QueryFilter`, so a Scan with one reads the whole table and then
 * filters. Silent: a class of the project that shares the name, a filter built inside another call's
 * arguments, and a Scan without a filter.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const HANDLER = sourceLines(
  'package handler.offers;',
  '',
  'import com.amazonaws.services.dynamodbv2.document.*;',
  'import com.amazonaws.services.lambda.runtime.Context;',
  'import com.amazonaws.services.lambda.runtime.RequestHandler;',
  'import java.util.ArrayList;',
  'import java.util.List;',
  'import java.util.Map;',
  '',
  'public class ListOffersHandler implements RequestHandler<Map<String, String>, List<String>> {',
  '    private final Table offers = new DynamoDB(AmazonDynamoDBClientBuilder.defaultClient()).getTable("Offers");',
  '',
  '    @Override',
  '    public List<String> handleRequest(Map<String, String> input, Context context) {',
  '        List<String> out = new ArrayList<>();',
  '        ItemCollection<ScanOutcome> found = input.containsKey("seller")',
  '            ? offers.scan(new ScanFilter("seller").eq(input.get("seller")))',
  '            : offers.scan();',
  '        for (Item item : found) {',
  '            out.add(item.toJSON());',
  '        }',
  '        for (Item item : offers.query("seller", input.get("seller"), null, new QueryFilter("state").eq("open"))) {',
  '            out.add(item.toJSON());',
  '        }',
  '        return out;',
  '    }',
  '}',
);

describe('Java 1.x document API filters passed to Table.scan and Table.query', () => {
  it('reads a ScanFilter argument as the Scan’s filter (hover and finding) and a QueryFilter as the Query’s (hover)', () => {
    const hints = hintsIn('ListOffersHandler.java', HANDLER);
    assert.ok(hints.includes('17:ScanFilter dynamodb-filter-expression'), hints.join('\n'));
    assert.ok(hints.includes('17:ScanFilter dynamodb-filter-expression!'), hints.join('\n'));
    assert.ok(hints.includes('22:QueryFilter dynamodb-filter-expression'), hints.join('\n'));
    assert.deepEqual(hints.filter((hint) => hint.endsWith('dynamodb-filter-expression!')), ['17:ScanFilter dynamodb-filter-expression!']);
  });

  it('stays silent for a project class of the same name and for a filter inside another call', () => {
    const own = HANDLER.replace('import com.amazonaws.services.dynamodbv2.document.*;', 'import com.amazonaws.services.dynamodbv2.document.DynamoDB;\nimport com.amazonaws.services.dynamodbv2.document.Table;\nimport com.amazonaws.services.dynamodbv2.document.Item;\nimport com.amazonaws.services.dynamodbv2.document.ItemCollection;\nimport com.amazonaws.services.dynamodbv2.document.ScanOutcome;\nimport shop.filters.ScanFilter;\nimport shop.filters.QueryFilter;');
    assert.deepEqual(hintsIn('ListOffersHandler.java', own).filter((hint) => hint.includes('dynamodb-filter-expression')), []);
    const nested = HANDLER.replace('offers.scan(new ScanFilter("seller").eq(input.get("seller")))', 'offers.scan(filters(new ScanFilter("seller").eq(input.get("seller"))))');
    assert.ok(!hintsIn('ListOffersHandler.java', nested).some((hint) => hint.startsWith('17:ScanFilter')));
  });
});
