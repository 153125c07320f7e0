/**
 * Java single-value pipelines whose source is a DynamoDB table or client: the first step's lambda parameter
 * (`Uni.createFrom().item(() -> enhanced.table(...)).map(table -> table.getItem(key))`, Reactor's
 * `Mono.fromCallable`, `Optional.of`, `CompletableFuture.supplyAsync`) is that table; later steps, steps of other
 * sources and a stream's per-element `map` are not. An `Optional`'s or a `Uni`'s `map` runs once: no item loop.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function assertHas(found: string[], ...expected: string[]): void {
  for (const hint of expected) {
    assert.ok(found.includes(hint), `${hint} in\n${found.join('\n')}`);
  }
}

function assertNothingOn(found: string[], ...lines: number[]): void {
  for (const line of lines) {
    assert.ok(!found.some((hint) => hint.startsWith(`${line}:`)), `line ${line} in\n${found.join('\n')}`);
  }
}

const HEADER = [
  'import java.util.List;',
  'import java.util.Optional;',
  'import java.util.concurrent.CompletableFuture;',
  'import io.smallrye.mutiny.Uni;',
  'import reactor.core.publisher.Mono;',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;',
  'import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;',
  'import software.amazon.awssdk.enhanced.dynamodb.Key;',
  'import software.amazon.awssdk.enhanced.dynamodb.TableSchema;',
];

describe('Java: a pipeline lambda handed a DynamoDB table', () => {
  it("reads the first step's parameter after Uni.createFrom().item(supplier), its onItem() group, Mono.fromCallable and CompletableFuture.supplyAsync", () => {
    const code = sourceLines(
      ...HEADER,
      'public class TicketStore {',
      '    private final DynamoDbEnhancedAsyncClient enhanced;',
      '    public TicketStore(DynamoDbEnhancedAsyncClient enhanced) { this.enhanced = enhanced; }',
      '    public Uni<Object> find(String id) {',
      '        return Uni.createFrom()',
      '            .item(() -> enhanced.table("tickets", TableSchema.fromBean(Ticket.class)))',
      '            .map(table -> table.getItem(Key.builder().partitionValue(id).build()))',
      '            .map(future -> future.join());',
      '    }',
      '    public Uni<Object> save(Ticket ticket) {',
      '        return Uni.createFrom().item(enhanced.table("tickets", TableSchema.fromBean(Ticket.class)))',
      '            .onItem().transform(t -> t.putItem(ticket));',
      '    }',
      '    public Mono<Object> drop(String id) {',
      '        return Mono.fromCallable(() -> enhanced.table("tickets", TableSchema.fromBean(Ticket.class)))',
      '            .flatMap(t -> Mono.fromFuture(t.deleteItem(Key.builder().partitionValue(id).build())));',
      '    }',
      '    public CompletableFuture<Object> page() {',
      '        return CompletableFuture.supplyAsync(() -> enhanced.table("tickets", TableSchema.fromBean(Ticket.class)))',
      '            .thenCompose(t -> t.scan(r -> r.limit(20)).items().collect());',
      '    }',
      '}',
    );
    const found = hintsIn('TicketStore.java', code);
    assertHas(found, '16:getItem dynamodb-get-item', '21:putItem dynamodb-put-item', '25:deleteItem dynamodb-delete-item', '29:scan dynamodb-scan');
    assertNothingOn(found, 17);
  });

  it('leaves sources that are no client, later steps and other steps alone, and finds no item loop in an Optional map', () => {
    const code = sourceLines(
      ...HEADER,
      'public class LedgerService {',
      '    private final DynamoDbEnhancedClient enhanced;',
      '    private final Cache cache;',
      '    public LedgerService(DynamoDbEnhancedClient enhanced, Cache cache) { this.enhanced = enhanced; this.cache = cache; }',
      '    public Object one(String id) {',
      '        return Optional.of(enhanced.table("ledger", TableSchema.fromBean(Entry.class)))',
      '            .map(t -> t.getItem(Key.builder().partitionValue(id).build()))',
      '            .orElse(null);',
      '    }',
      '    public Object cached(String id) {',
      '        return Optional.of(cache).map(t -> t.getItem(id)).orElse(null);',
      '    }',
      '    public Uni<Object> later(String id) {',
      '        return Uni.createFrom().item(id).map(t -> t.getItem(id));',
      '    }',
      '    public Object sorted(String id) {',
      '        return Optional.of(enhanced.table("ledger", TableSchema.fromBean(Entry.class))).sorted(t -> t.getItem(id));',
      '    }',
      '    public List<Object> each(List<String> ids) {',
      '        return ids.stream().map(t -> t.getItem(ids)).toList();',
      '    }',
      '}',
    );
    const found = hintsIn('LedgerService.java', code);
    assertHas(found, '16:getItem dynamodb-get-item');
    assert.ok(!found.some((hint) => hint.includes('dynamodb-item-loop')), found.join('\n'));
    assertNothingOn(found, 20, 23, 26, 29);
  });
});
