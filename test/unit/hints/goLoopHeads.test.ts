/**
 * Go loop bodies (`code/languages/go.ts`, `loopStart`): a Go statement ends at a line's end outside brackets, so
 * the `for` of a loop that ends just before is no head of an `if x {`, an `else {` or a bare `{` after it, whose
 * commands run once. Still loops: a `for` whose range literal spans lines, and a counted `for`.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

function loopFindings(fileName: string, code: string): string[] {
  return hintsIn(fileName, code).filter((hint) => / (?:redis-loop-round-trips|dynamodb-item-loop)!$/.test(hint));
}

describe('Go blocks after a loop', () => {
  it('reads an if, else or bare block that follows a loop as running once', () => {
    const code = sourceLines(
      'package movies',
      '',
      'import (',
      '\t"context"',
      '\t"encoding/json"',
      '',
      '\t"github.com/aws/aws-sdk-go-v2/aws"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"',
      '\t"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'type Movie struct {',
      '\tID    string',
      '\tTitle string',
      '}',
      '',
      'type Store struct {',
      '\trdb *redis.Client',
      '\tddb *dynamodb.Client',
      '}',
      '',
      'func (s *Store) Cache(ctx context.Context, raw []Movie, cached bool) error {',
      '\tvar titles []string',
      '\tfor _, m := range raw {',
      '\t\ttitles = append(titles, m.Title)',
      '\t}',
      '\tif !cached {',
      '\t\tif encoded, err := json.Marshal(titles); err == nil {',
      '\t\t\ts.rdb.Set(ctx, "titles", encoded, 0)',
      '\t\t}',
      '\t} else {',
      '\t\ts.rdb.Expire(ctx, "titles", 0)',
      '\t}',
      '\t{',
      '\t\ts.rdb.Incr(ctx, "refreshes")',
      '\t}',
      '\tif len(titles) > 0 {',
      '\t\t_, err := s.ddb.PutItem(ctx, &dynamodb.PutItemInput{',
      '\t\t\tTableName: aws.String("movies"),',
      '\t\t\tItem:      map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "all"}},',
      '\t\t})',
      '\t\treturn err',
      '\t}',
      '\treturn nil',
      '}',
    );
    assert.deepEqual(loopFindings('internal/movies/cache.go', code), []);
  });

  it('still reads a range over a literal on several lines and a counted loop as loops', () => {
    const code = sourceLines(
      'package movies',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'func Warm(ctx context.Context, rdb *redis.Client) {',
      '\tfor _, key := range []string{',
      '\t\t"now-showing",',
      '\t\t"upcoming",',
      '\t} {',
      '\t\trdb.Del(ctx, key)',
      '\t}',
      '\tfor i := 0; i < 3; i++ {',
      '\t\trdb.Incr(ctx, "warm")',
      '\t}',
      '}',
    );
    assert.deepEqual(loopFindings('internal/movies/warm.go', code), ['14:Del redis-loop-round-trips!', '17:Incr redis-loop-round-trips!']);
  });
});
