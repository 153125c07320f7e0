/**
 * PynamoDB instances a model class's factory builds: PynamoDB's own (`Order.from_raw_data(item)`), and a
 * `@classmethod` of a model class of the file whose every `return` gives `cls(...)` (`Review.from_payload(data)`),
 * called on the class or on a class attribute that holds it (`self.model.from_payload(data)`), then saved or deleted.
 * Silent: a factory of a class that is no model, a class method that returns something else, and a plain method.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const MODEL = [
  'from pynamodb.models import Model',
  'from pynamodb.attributes import UnicodeAttribute',
  '',
  '',
  'class Review(Model):',
  '    class Meta:',
  '        table_name = "reviews"',
  '',
  '    product_id = UnicodeAttribute(hash_key=True)',
  '    text = UnicodeAttribute()',
  '',
  '    @classmethod',
  '    def from_payload(cls, data):',
  '        review = cls()',
  '        review.product_id = data["product_id"]',
  '        return review',
  '',
  '    @classmethod',
  '    def key_of(cls, data):',
  '        return data["product_id"]',
  '',
  '    def copy_of(self, data):',
  '        return Review(data["product_id"])',
  '',
  '',
];

describe('PynamoDB: instances from a model class’s factories', () => {
  it('reads the instance PynamoDB’s from_raw_data and a model’s cls-returning class method build', () => {
    const code = sourceLines(
      ...MODEL,
      'class ReviewResource:',
      '    model = Review',
      '',
      '    def post(self, data):',
      '        review = self.model.from_payload(data)',
      '        review.save()',
      '',
      'def restore(raw):',
      '    Review.from_raw_data(raw).save()',
      '    stale = Review.from_raw_data(raw)',
      '    stale.delete()',
    );
    assert.deepEqual(hintsIn('reviews.py', code), ['31:save dynamodb-put-item', '34:save dynamodb-put-item', '36:delete dynamodb-delete-item']);
  });

  it('stays silent on a class method that returns no instance, a plain method and a factory of another class', () => {
    const code = sourceLines(
      ...MODEL,
      'class Draft:',
      '    @classmethod',
      '    def from_payload(cls, data):',
      '        return cls()',
      '',
      'def keep(data, review):',
      '    key = Review.key_of(data)',
      '    key.delete()',
      '    draft = Draft.from_payload(data)',
      '    draft.save()',
    );
    assert.deepEqual(hintsIn('reviews.py', code), []);
  });
});
