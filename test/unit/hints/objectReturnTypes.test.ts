/**
 * TypeScript methods whose return type has an object type among its type arguments
 * (`): Promise<{ books: Book[]; lastEvaluatedKey?: string }> {`): the object type is part of the signature, and
 * the brace after it opens the method's body. Read the other way, the body was a block of the class, so the
 * page marker of one paged method (`lastEvaluatedKey`) paged every Scan and Query of the file.
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const findings = (code: string): string[] => hintsIn('src/books/books.service.ts', code).filter((hint) => hint.endsWith('!'));

const SERVICE = sourceLines(
  "import { Injectable } from '@nestjs/common';",
  "import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';",
  "import { Book } from './book';",
  '',
  '@Injectable()',
  'export class BooksService {',
  "  private readonly tableName = 'Books';",
  '',
  '  constructor(private readonly documentClient: DynamoDBDocumentClient) {}',
  '',
  '  async findAll(',
  '    limit: number,',
  '    lastEvaluatedKey?: string,',
  '  ): Promise<{ message: string; books: Book[]; lastEvaluatedKey?: string }> {',
  '    const params: Record<string, unknown> = { TableName: this.tableName, Limit: limit };',
  '    if (lastEvaluatedKey) {',
  '      params.ExclusiveStartKey = { id: lastEvaluatedKey };',
  '    }',
  '    const response = await this.documentClient.send(new ScanCommand(params));',
  '    return { message: "ok", books: response.Items as Book[], lastEvaluatedKey: response.LastEvaluatedKey?.id };',
  '  }',
  '',
  '  async findByAuthor(authorId: string): Promise<{ message: string; books: Book[] }> {',
  '    const result = await this.documentClient.send(',
  "      new QueryCommand({ TableName: this.tableName, IndexName: 'AuthorIndex', KeyConditionExpression: 'authorId = :a', ExpressionAttributeValues: { ':a': authorId } }),",
  '    );',
  '    return { message: "ok", books: result.Items as Book[] };',
  '  }',
  '',
  '  async borrowedBy(userId: string): Promise<Map<string, { title: string }>> {',
  "    const result = await this.documentClient.send(new ScanCommand({ TableName: this.tableName, FilterExpression: 'borrowerId = :u', ExpressionAttributeValues: { ':u': userId } }));",
  '    return new Map((result.Items ?? []).map((item) => [item.id, { title: item.title }]));',
  '  }',
  '}',
);

describe('TypeScript methods with an object type in their return type', () => {
  it('reads each body as its method: a paged method pages only its own Scan', () => {
    assert.deepEqual(findings(SERVICE), ['25:QueryCommand dynamodb-query!', '31:ScanCommand dynamodb-scan!', '31:FilterExpression dynamodb-filter-expression!']);
  });

  it('keeps a paged method silent', () => {
    assert.ok(!findings(SERVICE).some((hint) => hint.startsWith('19:')));
  });
});
