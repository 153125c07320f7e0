/**
 * The Java enhanced client's projection: `attributesToProject(...)` and `addAttributeToProject(...)` of a
 * `ScanEnhancedRequest` or `QueryEnhancedRequest` send the request's ProjectionExpression, so they get its hover,
 * as the low-level `projectionExpression(...)` does; the same names on another builder get nothing.
 */
import * as assert from 'node:assert/strict';
import { hintsOfRules, sourceLines } from './support';

const PROJECTION = ['dynamodb-projection-expression'];

describe('Java enhanced client projection', () => {
  it('hovers the projection methods of enhanced scan and query requests, chained or on a held builder', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'import software.amazon.awssdk.enhanced.dynamodb.model.*;',
      'public class CatalogRepository {',
      '    private final DynamoDbAsyncTable<Product> table;',
      '    public CatalogRepository(DynamoDbEnhancedAsyncClient enhanced) {',
      '        this.table = enhanced.table("products", TableSchema.fromBean(Product.class));',
      '    }',
      '    public Flux<Page<Product>> ids() {',
      '        ScanEnhancedRequest request = ScanEnhancedRequest.builder()',
      '                .addAttributeToProject("sku")',
      '                .build();',
      '        return Flux.from(table.scan(request));',
      '    }',
      '    public Flux<Page<Product>> names(String category) {',
      '        QueryEnhancedRequest request = QueryEnhancedRequest.builder()',
      '                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(category)))',
      '                .attributesToProject("sku", "name")',
      '                .build();',
      '        return Flux.from(table.query(request));',
      '    }',
      '    public Flux<Page<Product>> nested() {',
      '        ScanEnhancedRequest.Builder builder = ScanEnhancedRequest.builder();',
      '        builder.addNestedAttributeToProject(NestedAttributeName.create("price", "amount"));',
      '        return Flux.from(table.scan(builder.build()));',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('CatalogRepository.java', code, PROJECTION), [
      '10:addAttributeToProject dynamodb-projection-expression',
      '17:attributesToProject dynamodb-projection-expression',
      '23:addNestedAttributeToProject dynamodb-projection-expression',
    ]);
  });

  it('gives nothing to a method of the same name on a builder that is no DynamoDB request', () => {
    const code = sourceLines(
      'import com.example.search.SearchQuery;',
      'public class SearchService {',
      '    public SearchQuery fields() {',
      '        return SearchQuery.builder().attributesToProject("title").addAttributeToProject("body").build();',
      '    }',
      '}',
    );
    assert.deepEqual(hintsOfRules('SearchService.java', code, PROJECTION), []);
  });
});
