import { CatalogIndex } from '../../src/content/catalogIndex';
import { renderCatalog } from '../../src/content/compiler/renderContent';
import { MarkdownCatalog, MarkdownNote } from '../../src/content/types';

const source = [{ title: 'Amazon DynamoDB Developer Guide', url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html' }];

function note(id: string, service: MarkdownNote['service'], section: string, body: string, related: string[] = []): MarkdownNote {
  return { id, service, section, title: `Title of ${id}`, summary: `Summary of ${id}`, body, sources: source, related };
}

/** A small hand-made catalog, rendered as the build renders content, for tests of rendering and the tree that must not depend on real content. */
export function sampleCatalog(): CatalogIndex {
  const catalog: MarkdownCatalog = {
    services: [
      {
        id: 'dynamodb',
        title: 'Amazon DynamoDB',
        summary: 'Key-value and document database',
        sections: [
          { id: 'dynamodb-modeling', title: 'Data modeling', noteIds: ['dynamodb-keys', 'dynamodb-indexes'] },
          { id: 'dynamodb-ops', title: 'Operations', noteIds: ['dynamodb-backups'] },
        ],
      },
      { id: 'rds', title: 'Amazon RDS', summary: 'Managed relational databases', sections: [{ id: 'rds-ha', title: 'Availability', noteIds: ['rds-multi-az'] }] },
    ],
    notes: [
      note('dynamodb-keys', 'dynamodb', 'dynamodb-modeling', 'Keys. See [indexes](note:dynamodb-indexes).', ['dynamodb-indexes']),
      note('dynamodb-indexes', 'dynamodb', 'dynamodb-modeling', '| Index | Limit |\n| --- | --- |\n| GSI | 20 |\n'),
      note('dynamodb-backups', 'dynamodb', 'dynamodb-ops', '> [!SEED]\n> The seed says daily backups.\n'),
      note('rds-multi-az', 'rds', 'rds-ha', 'Standby in another AZ.'),
    ],
    questions: [],
    choices: [],
  };
  return new CatalogIndex(renderCatalog(catalog));
}
