/**
 * `dynamodb-read-modify-write` through NestJS providers (workspace mode): a service's receiver injected by a token
 * (`@Inject('IUserRepository') users: IUserRepository`, a constant token) or typed with an abstract class a module
 * binds (`{ provide: UserRepository, useClass: DynamoUserRepository }`) runs the methods of the class the module's
 * provider binds. A token bound to two classes outside tests says nothing; a test module's binding is left out.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/hints/engine/analyze';
import { documentKind } from '../../../src/hints/engine/documentKinds';
import { indexFile } from '../../../src/hints/engine/workspace/indexFile';
import { WorkspaceModel } from '../../../src/hints/engine/workspace/workspaceModel';
import { realHintRules, sourceLines } from './support';

const RULE = 'dynamodb-read-modify-write';

/** The rule's findings in `file`, read in workspace mode beside the other files, as `line:text`. */
function reported(files: Record<string, string>, file: string): string[] {
  const built = new WorkspaceModel();
  built.batch(() => Object.entries(files).forEach(([name, text]) => built.update(name, indexFile(name, documentKind(undefined, name)!, text))));
  const result = analyzeText(files[file], realHintRules(), { kind: documentKind(undefined, file)!, fileName: file, workspace: built });
  return result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${result.lines.lineOf(finding.start) + 1}:${files[file].slice(finding.start, finding.end)}`);
}

/** A repository class over one table (`table` as the request writes it). */
function repository(name: string, table: string): string {
  return sourceLines(
    "import { Injectable } from '@nestjs/common';",
    "import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';",
    '@Injectable()',
    `export class ${name} {`,
    '  constructor(private readonly doc: DynamoDBDocumentClient) {}',
    '  async findById(id: string) {',
    `    const { Item } = await this.doc.send(new GetCommand({ TableName: ${table}, Key: { id } }));`,
    '    return Item;',
    '  }',
    '  async save(user: Record<string, unknown>) {',
    `    await this.doc.send(new PutCommand({ TableName: ${table}, Item: user }));`,
    '  }',
    '}',
  );
}

function module(token: string, className: string, file: string, extraImport = ''): string {
  return sourceLines("import { Module } from '@nestjs/common';", `import { ${className} } from './${file}';`, extraImport, `@Module({ providers: [{ provide: ${token}, useClass: ${className} }] })`, 'export class UsersModule {}');
}

/** A service that reads a user, changes it and saves it back through the receiver `users` declared as `declaration`. */
function service(declaration: string, imports: string): string {
  return sourceLines(
    "import { Inject, Injectable } from '@nestjs/common';",
    imports,
    '@Injectable()',
    'export class UsersService {',
    `  constructor(${declaration}) {}`,
    '  async rename(id: string, name: string) {',
    '    const user = await this.users.findById(id);',
    '    user.name = name;',
    '    await this.users.save(user);',
    '  }',
    '}',
  );
}

const INTERFACE = 'export interface IUserRepository { findById(id: string): Promise<any>; save(user: any): Promise<void>; }';

describe('DynamoDB: read-modify-write through NestJS provider tokens', () => {
  it('follows a string token, a constant token and an abstract class token to the class the module binds', () => {
    const byString = {
      'src/users/user.repository.ts': INTERFACE,
      'src/users/dynamo-user.repository.ts': repository('DynamoUserRepository', 'process.env.USERS_TABLE'),
      'src/users/users.module.ts': module("'IUserRepository'", 'DynamoUserRepository', 'dynamo-user.repository'),
      'src/users/users.service.ts': service("@Inject('IUserRepository') private readonly users: IUserRepository", "import type { IUserRepository } from './user.repository';"),
    };
    assert.deepEqual(reported(byString, 'src/users/users.service.ts'), ['9:save']);
    const byConstant = {
      ...byString,
      'src/users/tokens.ts': "export const USERS = Symbol('USERS');",
      'src/users/users.module.ts': module('USERS', 'DynamoUserRepository', 'dynamo-user.repository', "import { USERS } from './tokens';"),
      'src/users/users.service.ts': service('@Inject(USERS) private readonly users: IUserRepository', "import type { IUserRepository } from './user.repository';\nimport { USERS } from './tokens';"),
    };
    assert.deepEqual(reported(byConstant, 'src/users/users.service.ts'), ['10:save']);
    const byAbstractClass = {
      'src/users/user.repository.ts': 'export abstract class UserRepository { abstract findById(id: string): Promise<any>; abstract save(user: any): Promise<void>; }',
      'src/users/dynamo-user.repository.ts': repository('DynamoUserRepository', "'users'"),
      'src/users/users.module.ts': module('UserRepository', 'DynamoUserRepository', 'dynamo-user.repository', "import { UserRepository } from './user.repository';"),
      'src/users/users.service.ts': service('private readonly users: UserRepository', "import { UserRepository } from './user.repository';"),
    };
    assert.deepEqual(reported(byAbstractClass, 'src/users/users.service.ts'), ['9:save']);
  });

  it('says nothing for a token two modules bind to two classes, keeps a binding a test module overrides, and needs a binding', () => {
    const files = {
      'src/users/user.repository.ts': INTERFACE,
      'src/users/dynamo-user.repository.ts': repository('DynamoUserRepository', 'process.env.USERS_TABLE'),
      'src/users/users.module.ts': module("'IUserRepository'", 'DynamoUserRepository', 'dynamo-user.repository'),
      'src/users/users.service.ts': service("@Inject('IUserRepository') private readonly users: IUserRepository", "import type { IUserRepository } from './user.repository';"),
    };
    const withTest = { ...files, 'src/users/users.service.spec.ts': module("'IUserRepository'", 'MemoryUsers', 'memory-users') + "\ndescribe('users', () => {});\n", 'src/users/memory-users.ts': 'export class MemoryUsers {}' };
    assert.deepEqual(reported(withTest, 'src/users/users.service.ts'), ['9:save']);
    const twoClasses = { ...files, 'src/legacy/legacy.module.ts': module("'IUserRepository'", 'LegacyUsers', 'legacy-users'), 'src/legacy/legacy-users.ts': repository('LegacyUsers', 'process.env.USERS_TABLE') };
    assert.deepEqual(reported(twoClasses, 'src/users/users.service.ts'), []);
    const unbound = { ...files, 'src/users/users.module.ts': module("'OtherRepository'", 'DynamoUserRepository', 'dynamo-user.repository') };
    assert.deepEqual(reported(unbound, 'src/users/users.service.ts'), []);
  });

  it('keeps two tables apart: a read through one token and a save through another', () => {
    const files = {
      'src/users/user.repository.ts': INTERFACE,
      'src/users/dynamo-user.repository.ts': repository('DynamoUserRepository', 'process.env.USERS_TABLE'),
      'src/users/archive.repository.ts': repository('ArchiveRepository', 'process.env.ARCHIVE_TABLE'),
      'src/users/users.module.ts': sourceLines(
        "import { Module } from '@nestjs/common';",
        "import { DynamoUserRepository } from './dynamo-user.repository';",
        "import { ArchiveRepository } from './archive.repository';",
        "@Module({ providers: [{ provide: 'IUserRepository', useClass: DynamoUserRepository }, { provide: 'IArchive', useClass: ArchiveRepository }] })",
        'export class UsersModule {}',
      ),
      'src/users/users.service.ts': sourceLines(
        "import { Inject, Injectable } from '@nestjs/common';",
        "import type { IUserRepository } from './user.repository';",
        '@Injectable()',
        'export class UsersService {',
        "  constructor(@Inject('IUserRepository') private readonly users: IUserRepository, @Inject('IArchive') private readonly archive: IUserRepository) {}",
        '  async retire(id: string) {',
        '    const user = await this.users.findById(id);',
        '    user.retired = true;',
        '    await this.archive.save(user);',
        '  }',
        '}',
      ),
    };
    assert.deepEqual(reported(files, 'src/users/users.service.ts'), []);
  });
});
