/**
 * Hover audit 12 (Java): Spring Cloud AWS's `DynamoDbTemplate`, and the `DynamoDbOperations` interface it
 * implements, send the item operations of the entities they are given. They count only where the file
 * imports them from `io.awspring.cloud.dynamodb`; their `query`, `scan` and `scanAll` return the enhanced
 * client's `PageIterable`, which reads every page, so they get a hover and never a pagination finding.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

describe('Spring Cloud AWS DynamoDbTemplate', () => {
  it('gives each template operation the hover of the API operation it sends', () => {
    const code = sourceLines(
      'package shop.catalog;',
      '',
      'import io.awspring.cloud.dynamodb.DynamoDbTemplate;',
      'import lombok.RequiredArgsConstructor;',
      'import software.amazon.awssdk.enhanced.dynamodb.Key;',
      'import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;',
      '',
      '@RequiredArgsConstructor',
      'public class GadgetRepository {',
      '    private final DynamoDbTemplate dynamoDbTemplate;',
      '',
      '    public Gadget add(Gadget gadget) {',
      '        return dynamoDbTemplate.save(gadget);',
      '    }',
      '',
      '    public Gadget byId(String id) {',
      '        return dynamoDbTemplate.load(Key.builder().partitionValue(id).build(), Gadget.class);',
      '    }',
      '',
      '    public List<Gadget> all() {',
      '        return dynamoDbTemplate.scanAll(Gadget.class).items().stream().toList();',
      '    }',
      '',
      '    public List<Gadget> inShop(QueryEnhancedRequest request) {',
      '        return dynamoDbTemplate.query(request, Gadget.class).items().stream().toList();',
      '    }',
      '',
      '    public Gadget rename(Gadget gadget) {',
      '        return dynamoDbTemplate.update(gadget);',
      '    }',
      '',
      '    public void drop(Gadget gadget) {',
      '        dynamoDbTemplate.delete(gadget);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('GadgetRepository.java', code), [
      '13:save dynamodb-put-item',
      '17:load dynamodb-get-item',
      '21:scanAll dynamodb-scan',
      '25:query dynamodb-query',
      '29:update dynamodb-update-item',
      '33:delete dynamodb-delete-item',
    ]);
  });

  it('counts the DynamoDbOperations interface a service is given, also through the package import', () => {
    const code = sourceLines(
      'package shop.catalog;',
      '',
      'import io.awspring.cloud.dynamodb.*;',
      '',
      'public class ShelfService {',
      '    private final DynamoDbOperations operations;',
      '',
      '    ShelfService(DynamoDbOperations operations) {',
      '        this.operations = operations;',
      '    }',
      '',
      '    Shelf relabel(Shelf shelf) {',
      '        return operations.update(shelf);',
      '    }',
      '',
      '    PageIterable<Shelf> withFilter(ScanEnhancedRequest request) {',
      '        return operations.scan(request, Shelf.class);',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('ShelfService.java', code), ['13:update dynamodb-update-item', '17:scan dynamodb-scan']);
  });

  it('stays silent for a project class of the same name, JdbcTemplate and other Spring templates', () => {
    const code = sourceLines(
      'package shop.catalog;',
      '',
      'import org.springframework.jdbc.core.JdbcTemplate;',
      'import org.springframework.data.mongodb.core.MongoTemplate;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      '',
      'public class Reports {',
      '    private final DynamoDbTemplate template;',
      '    private final DynamoDbOperations operations;',
      '    private final JdbcTemplate jdbc;',
      '    private final MongoTemplate mongo;',
      '',
      '    void rebuild() {',
      '        template.save(new Report());',
      '        template.scanAll(Report.class);',
      '        operations.load(key, Report.class);',
      '        jdbc.query("select id from report", (rs, n) -> rs.getString(1));',
      '        jdbc.update("delete from report");',
      '        mongo.save(new Report());',
      '    }',
      '}',
    );
    assert.deepEqual(hintsIn('Reports.java', code), []);
  });
});
