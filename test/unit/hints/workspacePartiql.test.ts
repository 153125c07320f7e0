/**
 * PartiQL SELECTs held against the key schema the workspace defines: the table (or index) is read from the text
 * after FROM, written out or interpolated from an environment variable or a constant, in the shapes real handlers
 * write (`FROM "${process.env.TABLE_NAME}"`, `f'... FROM "{TABLE}" ...'`, Go and Java literals). A WHERE clause
 * that never names the partition key scans the whole table; one that names it, an index read on its own key, a
 * table the workspace does not define, a Limit and test code get nothing.
 */
import * as assert from 'node:assert/strict';
import { readSelect } from '../../../src/hints/engine/code/partiqlStatements';
import { analyzeWith, findings } from './workspaceSupport';

const RULE = ['dynamodb-workspace-partiql-scan'];
const JS_HEAD = `import { DynamoDBClient, ExecuteStatementCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
`;

describe('PartiQL SELECTs against the workspace key schema', () => {
  it('reads the table and index after FROM', () => {
    assert.deepEqual(readSelect('SELECT * FROM "orders"."by-status" WHERE status = ?')?.table, { kind: 'literal', name: 'orders' });
    assert.equal(readSelect('SELECT * FROM "orders"."by-status" WHERE status = ?')?.index, 'by-status');
    assert.deepEqual(readSelect("SELECT * FROM orders WHERE status = 'a customer' AND \"total\" > ?")?.conditionNames, ['status', 'AND', 'total']);
    assert.equal(readSelect('SELECT * FROM "\uE000" WHERE status = ?')?.fromPart, 0);
    assert.equal(readSelect('SELECT * FROM "orders-\uE000" WHERE status = ?')?.table, undefined);
    assert.equal(readSelect("SELECT * FROM \"\uE000\".\"\uE000\" WHERE status = 'x'")?.index, undefined);
  });

  it('flags a handler SELECT on a non-key attribute of a table named by its environment variable', () => {
    const text = `${JS_HEAD}export const getAllMessages = async (contactId) => {
  const byStatus = await client.send(new ExecuteStatementCommand({
    Statement: \`SELECT * from "\${process.env.ORDERS_TABLE}" WHERE "status" = ?\`,
    Parameters: [{ S: 'OPEN' }],
  }));
  const mine = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.ORDERS_TABLE}" WHERE customer = ? AND status = ?\`, Parameters: [] }));
  const indexed = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.ORDERS_TABLE}"."by-status" WHERE status = ?\`, Parameters: [] }));
  const otherIndex = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.ORDERS_TABLE}"."by-email" WHERE status = ?\`, Parameters: [] }));
  const unknown = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.OTHER_TABLE}" WHERE status = ?\`, Parameters: [] }));
  const noKeys = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.EVENTS_TABLE}" WHERE status = ?\`, Parameters: [] }));
  const few = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.ORDERS_TABLE}" WHERE status = ?\`, Limit: 5 }));
  const either = await client.send(new ExecuteStatementCommand({ Statement: \`SELECT * FROM "\${process.env.ORDERS_TABLE}" WHERE customer = ? OR status = ?\`, Parameters: [] }));
  return [byStatus, mine, indexed, otherIndex, unknown, noKeys, few, either];
};
`;
    assert.deepEqual(findings('src/messages.js', text, RULE), ['5:5 dynamodb-workspace-partiql-scan Statement', '10:70 dynamodb-workspace-partiql-scan Statement']);
    const finding = analyzeWith('src/messages.js', text).findings.find((candidate) => candidate.ruleId === RULE[0])!;
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /never names the partition key 'customer' of table orders \(partition key 'customer', sort key 'sk'\)/);
    assert.deepEqual(finding.related?.[0].message, 'Table orders (OrdersTable) is defined here');
    assert.match(analyzeWith('src/messages.js', text).findings.find((candidate) => candidate.start > finding.end && candidate.ruleId === RULE[0])!.message, /'email' of index by-email/);
  });

  it('reads a Python f-string on a module constant and a Go literal', () => {
    const python = `import os
import boto3

TABLE = os.environ["ORDERS_TABLE"]


def open_orders():
    client = boto3.client("dynamodb")
    return client.execute_statement(Statement=f'SELECT * FROM "{TABLE}" WHERE status = ?', Parameters=[{"S": "OPEN"}])["Items"]


def customer_orders(customer):
    client = boto3.client("dynamodb")
    return client.execute_statement(Statement=f'SELECT * FROM "{TABLE}" WHERE customer = ?', Parameters=[{"S": customer}])["Items"]
`;
    assert.deepEqual(findings('app/orders.py', python, RULE), ['9:37 dynamodb-workspace-partiql-scan Statement']);
    const go = `package orders

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

func OpenOrders(ctx context.Context, client *dynamodb.Client) (*dynamodb.ExecuteStatementOutput, error) {
	return client.ExecuteStatement(ctx, &dynamodb.ExecuteStatementInput{
		Statement: aws.String(\`SELECT * FROM "orders" WHERE status = 'OPEN'\`),
	})
}
`;
    assert.deepEqual(findings('orders/orders.go', go, RULE), ['12:3 dynamodb-workspace-partiql-scan Statement']);
  });

  it('stays silent without a workspace model and in tests', () => {
    const text = `${JS_HEAD}export const handler = async () => client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "orders" WHERE status = ?', Parameters: [] }));
`;
    assert.deepEqual(findings('src/open.js', text, RULE), ['3:78 dynamodb-workspace-partiql-scan Statement']);
    assert.deepEqual(findings('src/open.js', text, RULE, null), []);
    const otherCase = `${JS_HEAD}export const handler = async () => client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "orders" WHERE Customer = ?', Parameters: [] }));
`;
    assert.deepEqual(findings('src/mine.js', otherCase, RULE), []);
    const test = `${JS_HEAD}it('lists open orders', async () => {
  await client.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "orders" WHERE status = ?', Parameters: [] }));
});
`;
    assert.deepEqual(findings('test/open.test.js', test, RULE), []);
  });
});
