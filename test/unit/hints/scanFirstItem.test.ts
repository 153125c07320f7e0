/**
 * A Scan with no filter whose result the code reads only for its first item, or to test whether the table has one
 * (`isTableEmpty`): the first page holds that item, so the finding does not say a loop is missing; it says the
 * page it reads is up to 1 MB, and asks for one item. A filter, or any other use of the items, keeps the
 * one-page message.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { realHintRules, sourceLines } from './support';

/** `line message-kind` of each `dynamodb-scan` finding: `first-item` or `one-page`. */
function scanFindings(fileName: string, code: string): string[] {
  const result = analyzeText(code, realHintRules(), { kind: documentKind(undefined, fileName)!, fileName });
  return result.findings
    .filter((finding) => finding.ruleId === 'dynamodb-scan')
    .map((finding) => `${result.lines.lineOf(finding.start) + 1} ${finding.message.startsWith('This Scan is read only for its first item') ? 'first-item' : 'one-page'}`);
}

describe('a Scan read only for its first item, or to test for one', () => {
  it('Java: a scanned count kept in a variable and compared with 0, while a count returned whole keeps the one-page finding', () => {
    const driver = sourceLines(
      'import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;',
      'import com.amazonaws.services.dynamodbv2.model.ScanRequest;',
      'import com.amazonaws.services.dynamodbv2.model.ScanResult;',
      'import com.amazonaws.services.dynamodbv2.model.Select;',
      '',
      'public class TableDriver {',
      '    private final AmazonDynamoDB client;',
      '',
      '    public TableDriver(AmazonDynamoDB client) {',
      '        this.client = client;',
      '    }',
      '',
      '    public boolean isTableEmpty(final String tableName) {',
      '        ScanRequest scanRequest = new ScanRequest(tableName).withSelect(Select.COUNT);',
      '        ScanResult result = client.scan(scanRequest);',
      '        Integer items = result.getScannedCount();',
      '        return items == 0;',
      '    }',
      '',
      '    public int countAll(final String tableName) {',
      '        return client.scan(new ScanRequest(tableName).withSelect(Select.COUNT)).getCount();',
      '    }',
      '}',
    );
    // A count returned whole is the table's size: one page of it is wrong.
    assert.deepEqual(scanFindings('TableDriver.java', driver), ['15 first-item', '21 one-page']);
  });

  it('Python: the first item of a repository method, while a filtered Scan and a listed one keep the one-page finding', () => {
    const repository = sourceLines(
      'import boto3',
      'from boto3.dynamodb.conditions import Attr',
      '',
      'dynamodb = boto3.resource("dynamodb")',
      '',
      '',
      'class SettingsRepository:',
      '    def __init__(self, table_name):',
      '        self.table = dynamodb.Table(table_name)',
      '',
      '    def any_setting(self):',
      '        items = self.table.scan()["Items"]',
      '        return items[0] if items else None',
      '',
      '    def first_enabled(self):',
      '        items = self.table.scan(FilterExpression=Attr("enabled").eq(True))["Items"]',
      '        return items[0] if items else None',
      '',
      '    def all_settings(self):',
      '        return self.table.scan()["Items"]',
      '',
      '    def has_settings(self):',
      '        response = self.table.scan()',
      '        return len(response.get("Items", [])) > 0',
      '',
      '    def total_points(self):',
      '        response = self.table.scan()',
      '        return len(response.get("Items", [])) * 5',
    );
    // A count used as a number counts every item: the one-page message stays.
    assert.deepEqual(scanFindings('settings_repository.py', repository), ['12 first-item', '16 one-page', '20 one-page', '23 first-item', '27 one-page']);
  });

  it('stays silent once the Scan asks for one item', () => {
    const repository = sourceLines(
      'import boto3',
      '',
      'table = boto3.resource("dynamodb").Table("settings")',
      '',
      '',
      'def any_setting():',
      '    items = table.scan(Limit=1)["Items"]',
      '    return items[0] if items else None',
    );
    assert.deepEqual(scanFindings('settings.py', repository), []);
  });
});
