/**
 * Java read-modify-write through an enhanced-client transaction: an object read in the same method (directly or
 * through the file's one-line getter), changed, then added with `addUpdateItem` / `addPutItem` to a
 * `TransactWriteItemsEnhancedRequest` written in place or held by a local. A versioned class, a new object, an
 * object handed in and another builder's `addUpdateItem` stay silent.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const RMW = 'dynamodb-read-modify-write!';

describe('Java: read-modify-write sent through an enhanced transaction', () => {
  it('reports addUpdateItem of an object read and changed, and nothing else', () => {
    const code = sourceLines(
      'import software.amazon.awssdk.enhanced.dynamodb.*;',
      'import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;',
      'import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;',
      'public class SeatRepository {',
      '    private final DynamoDbEnhancedClient client;',
      '    private final DynamoDbTable<Seat> seats;',
      '    private final DynamoDbTable<Hall> halls;',
      '    public SeatRepository(DynamoDbEnhancedClient c) { client = c; seats = c.table("t", TableSchema.fromBean(Seat.class)); halls = c.table("t", TableSchema.fromBean(Hall.class)); }',
      '    public Seat getSeat(String id) { return seats.getItem(Key.builder().partitionValue(id).build()); }',
      '    public void book(String id, Seat other) {',
      '        Seat seat = getSeat(id);',
      '        seat.setTaken(true);',
      '        client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder().addUpdateItem(seats, seat).addPutItem(seats, other).build());',
      '    }',
      '    public void free(String id) {',
      '        Seat seat = seats.getItem(Key.builder().partitionValue(id).build());',
      '        seat.setTaken(false);',
      '        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();',
      '        tx.addUpdateItem(seats, seat);',
      '        client.transactWriteItems(tx.build());',
      '    }',
      '    public void close(String id) {',
      '        Hall hall = halls.getItem(Key.builder().partitionValue(id).build());',
      '        hall.setOpen(false);',
      '        client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder().addUpdateItem(halls, hall).build());',
      '    }',
      '    public void other(String id, Menu menu) {',
      '        Seat seat = getSeat(id);',
      '        seat.setTaken(true);',
      '        menu.addUpdateItem(seats, seat);',
      '    }',
      '}',
      '@DynamoDbBean',
      'class Seat {',
      '    private String id; private boolean taken;',
      '    @DynamoDbPartitionKey public String getId() { return id; }',
      '    public void setTaken(boolean t) { taken = t; }',
      '}',
      '@DynamoDbBean',
      'class Hall {',
      '    private String id; private boolean open; private Long version;',
      '    @DynamoDbPartitionKey public String getId() { return id; }',
      '    public void setOpen(boolean o) { open = o; }',
      '    @DynamoDbVersionAttribute public Long getVersion() { return version; }',
      '}',
    );
    const found = hintsIn('SeatRepository.java', code);
    const rmw = found.filter((hint) => hint.endsWith(RMW));
    assert.deepEqual(rmw, [`13:addUpdateItem ${RMW}`, `19:addUpdateItem ${RMW}`], found.join('\n'));
  });
});
