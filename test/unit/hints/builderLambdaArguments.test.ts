/**
 * A lambda given to a helper of the file whose parameter takes an SDK request builder (Kotlin
 * `(ScanRequest.Builder) -> ScanRequest.Builder`, Java `UnaryOperator<ScanRequest.Builder>`,
 * `Consumer<QueryEnhancedRequest.Builder>`): the setters called on its parameter are that request's options.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNoneOnLines(found: string[], ...lineNumbers: number[]): void {
  for (const line of lineNumbers) {
    assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `nothing on line ${line} in\n${found.join('\n')}`);
  }
}

describe('lambdas given to a helper that takes a request builder', () => {
  it('reads the setters a Kotlin lambda calls on `it` or on its named parameter, trailing or in parentheses', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest',
      'class Songs(private val ddb: DynamoDbClient) {',
      '    fun byGenre(g: String) = scan { it.filterExpression("genre = :g") }',
      '    fun recent() = scan { b -> b.limit(20) }',
      '    fun popular() = scan({ it.indexName("by-plays") })',
      '    private fun scan(modify: (ScanRequest.Builder) -> ScanRequest.Builder) =',
      '        ddb.scanPaginator(modify(ScanRequest.builder().tableName("songs")).build()).items().toList()',
      '}',
    );
    assertHas(
      hintsIn('Songs.kt', code),
      '4:filterExpression dynamodb-filter-expression',
      '4:filterExpression dynamodb-filter-expression!',
      '5:limit dynamodb-limit',
      '6:indexName dynamodb-index-name',
    );
  });

  it('reads a Java lambda given for a Consumer or UnaryOperator of a builder, with an expression or a block body', () => {
    const code = sourceLines(
      'import java.util.List;',
      'import java.util.function.Consumer;',
      'import java.util.function.UnaryOperator;',
      'import software.amazon.awssdk.services.dynamodb.DynamoDbClient;',
      'import software.amazon.awssdk.services.dynamodb.model.QueryRequest;',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
      'public class Songs {',
      '    private final DynamoDbClient ddb;',
      '    Songs(DynamoDbClient ddb) { this.ddb = ddb; }',
      '    List<Object> old() { return scan((b) -> b.filterExpression("year < :y")); }',
      '    List<Object> mine(String id) { return query(id, b -> { b.indexName("by-owner"); b.consistentRead(true); }); }',
      '    private List<Object> scan(UnaryOperator<ScanRequest.Builder> modify) { return List.of(ddb.scan(modify.apply(ScanRequest.builder()).build())); }',
      '    private List<Object> query(String id, Consumer<QueryRequest.Builder> modify) {',
      '        QueryRequest.Builder b = QueryRequest.builder().tableName("songs");',
      '        modify.accept(b);',
      '        return List.of(ddb.query(b.build()));',
      '    }',
      '}',
    );
    assertHas(
      hintsIn('Songs.java', code),
      '10:filterExpression dynamodb-filter-expression',
      '10:filterExpression dynamodb-filter-expression!',
      '11:indexName dynamodb-index-name',
      '11:consistentRead dynamodb-consistent-read',
    );
  });

  it('reads nothing in a lambda given to a helper of another type, or to another object\'s method of that name', () => {
    const code = sourceLines(
      'import java.util.List;',
      'import java.util.function.Function;',
      'import java.util.function.UnaryOperator;',
      'import software.amazon.awssdk.services.dynamodb.model.ScanRequest;',
      'public class Labels {',
      '    private final Other other = new Other();',
      '    String one(Song s) { return format(s, x -> x.limit(3)); }',
      '    Object two() { return other.scan(b -> b.filterExpression("a")); }',
      '    private String format(Song s, Function<Song, String> f) { return f.apply(s); }',
      '    private ScanRequest scan(UnaryOperator<ScanRequest.Builder> modify) { return modify.apply(ScanRequest.builder()).build(); }',
      '}',
    );
    assertNoneOnLines(hintsIn('Labels.java', code), 7, 8);
  });
});
