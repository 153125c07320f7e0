/** The one file selection: documentKinds against the manifest, and the .gitignore-aware selection shared by CLI and editor. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  documentKind,
  EXCLUDED_FOLDERS_GLOB,
  HINT_FILE_GLOB,
  HINT_LANGUAGE_IDS,
  PATTERN_ONLY_GLOBS,
} from '../../../src/hints/engine/documentKinds';
import { BuildOutputs, buildOutputsBeside, GitignoreRules, InstalledPackages, installedTopLevels, selectFile } from '../../../src/hints/engine/fileSelection';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

describe('document kinds', () => {
  it('leave activation to onStartupFinished: no language or workspace-file event, which would batch it with the built-in language extensions', () => {
    // VS Code times every extension that one event activates from the same start, one after another:
    // an onLanguage or workspaceContains activation reports the loading time of the language extensions
    // ahead of it as ours. Hints for a file open at startup come once onStartupFinished has fired.
    const events: string[] = manifest.activationEvents;
    assert.ok(events.includes('onStartupFinished'));
    assert.deepEqual(events.filter((event) => /^(onLanguage|workspaceContains)\b/.test(event)), []);
    assert.ok(HINT_LANGUAGE_IDS.length > 0 && PATTERN_ONLY_GLOBS.length > 0, 'the editor selector still covers languages and name-matched files');
  });

  it('decide by file name first, then by language id', () => {
    assert.equal(documentKind('plaintext', 'infra/main.tf'), 'terraform');
    assert.equal(documentKind(undefined, 'src/App.TSX'), 'typescript');
    assert.equal(documentKind(undefined, 'template.yml'), 'yaml');
    assert.equal(documentKind('python', 'untitled-1'), 'python');
    assert.equal(documentKind(undefined, 'README.md'), undefined);
    assert.equal(documentKind(undefined, 'dir.py/Makefile'), undefined);
    assert.equal(documentKind('jsonc', 'settings'), 'json');
    // A Terragrunt configuration by its name; other HCL files only by the editor's language id.
    assert.equal(documentKind(undefined, 'live/prod/db/terragrunt.hcl'), 'terraform');
    assert.equal(documentKind(undefined, 'live/root.hcl'), 'terraform');
    assert.equal(documentKind(undefined, 'live/prod/db/env.hcl'), undefined);
    // Spring Boot's properties files by their name; other properties files (and the editor's `properties` language) are not read.
    assert.equal(documentKind(undefined, 'src/main/resources/application.properties'), 'properties');
    assert.equal(documentKind('properties', 'src/main/resources/application-prod.properties'), 'properties');
    assert.equal(documentKind(undefined, 'gradle.properties'), undefined);
    assert.equal(documentKind('properties', '.editorconfig'), undefined);
  });

  it('build the workspace globs from the same lists', () => {
    assert.equal(HINT_FILE_GLOB, '**/{*.ts,*.tsx,*.mts,*.cts,*.js,*.jsx,*.mjs,*.cjs,*.py,*.java,*.kt,*.kts,*.go,*.cs,*.tf,*.yaml,*.yml,*.template,*.json,terragrunt.hcl,root.hcl,application*.properties,bootstrap*.properties,*database*.ini,*database*.cfg,*db*.ini,*db*.cfg,config*.ini,config*.cfg,*settings*.ini,*settings*.cfg,rds*.ini,rds*.cfg,*redis*.ini,*redis*.cfg,*postgres*.ini,*postgres*.cfg,*mysql*.ini,*mysql*.cfg,alembic*.ini,my.cnf,.my.cnf}');
    assert.equal(EXCLUDED_FOLDERS_GLOB, '**/{.git,.hg,.svn,node_modules,site-packages,.terraform,.terragrunt-cache,.aws-sam,cdk.out,.serverless,.history}/**');
  });

  it('select files by kind, excluded folders and nested .gitignore files', () => {
    const rules = new GitignoreRules().with('0', 'dist/\n*.gen.ts\n').with('0/app', '/local.py\n!keep.gen.ts\n');
    const verdict = (file: string): string => {
      const result = selectFile(file, rules);
      return result.read ? result.kind : result.reason;
    };
    assert.equal(verdict('0/src/index.ts'), 'typescript');
    assert.equal(verdict('0/dist/index.js'), 'gitignore');
    assert.equal(verdict('0/src/types.gen.ts'), 'gitignore');
    assert.equal(verdict('0/app/keep.gen.ts'), 'typescript');
    assert.equal(verdict('0/app/local.py'), 'gitignore');
    assert.equal(verdict('0/app/sub/local.py'), 'python');
    assert.equal(verdict('0/node_modules/x/index.js'), 'excluded-folder');
    assert.equal(verdict('0/venv/lib/python3.12/site-packages/redis/client.py'), 'excluded-folder');
    assert.equal(verdict('0/layer/python/lib/python3.12/site-packages/boto3/session.py'), 'excluded-folder');
    assert.equal(verdict('0/.history/src/cache_20251201.py'), 'excluded-folder');
    assert.equal(verdict('0/notes.md'), 'not-a-hint-file');
  });

  it('let a nested .gitignore re-include a folder that an outer pattern ignores everywhere, as git does', () => {
    // The root ignores every `lib` (a TypeScript build's output); the CDK app's own .gitignore keeps its source folder.
    const rules = new GitignoreRules().with('0', 'lib\n*.gen.ts\n').with('0/cdk', '!lib/\n');
    const verdict = (file: string): string => {
      const result = selectFile(file, rules);
      return result.read ? result.kind : result.reason;
    };
    assert.equal(verdict('0/cdk/lib/database-stack.ts'), 'typescript');
    assert.equal(rules.ignores('0/cdk/lib', true), false);
    assert.equal(rules.ignores('0/cdk/lib/database-stack.ts', false), false);
    // Elsewhere `lib` stays ignored, with everything below it, and the root's own file patterns still apply inside.
    assert.equal(verdict('0/api/lib/handler.ts'), 'gitignore');
    assert.equal(verdict('0/api/lib/deep/handler.ts'), 'gitignore');
    assert.equal(rules.ignores('0/api/lib', true), true);
    assert.equal(verdict('0/cdk/lib/schema.gen.ts'), 'gitignore');
  });
});

describe('packages pip installed beside the code', () => {
  it('reads the top-level folders and modules of a RECORD, and of an egg list relative to its metadata', () => {
    assert.deepEqual([...installedTopLevels('yaml/__init__.py,sha256=a,1\nyaml/loader.py,sha256=b,2\n_yaml/__init__.py,,\nPyYAML-6.0.dist-info/RECORD,,\n__pycache__/x.pyc,,\n../../bin/x,,\n"odd,name.py",,\n')], ['yaml', '_yaml']);
    const installed = new InstalledPackages();
    installed.add('0/lambda/six-1.16.0.dist-info/RECORD', 'six.py,sha256=z,30\n');
    installed.add('0/lambda/redis-2.10.egg-info/installed-files.txt', '../redis/__init__.py\n../redis/client.py\n');
    assert.ok(installed.covers('0/lambda/six.py'));
    assert.ok(installed.covers('0/lambda/redis/client.py'));
    assert.ok(!installed.covers('0/lambda/handler.py'));
    assert.ok(!installed.covers('0/lambda/redis_cache.py'), 'a module whose name only starts like a package');
    assert.ok(!installed.covers('0/other/redis/client.py'), 'a package folder elsewhere');
  });
});

describe('build output beside a build file', () => {
  it('names Maven\'s target and Gradle\'s build only beside their build files', () => {
    assert.deepEqual([...buildOutputsBeside(['pom.xml', 'README.md'])], ['target']);
    assert.deepEqual([...buildOutputsBeside(['build.gradle.kts', 'settings.gradle.kts'])], ['build']);
    assert.deepEqual([...buildOutputsBeside(['Makefile', 'package.json'])], []);
    const outputs = new BuildOutputs();
    outputs.add('0/orders/pom.xml');
    outputs.add('0/billing/build.gradle');
    assert.ok(outputs.covers('0/orders/target/classes/application.yml'));
    assert.ok(outputs.covers('0/billing/build/resources/main/application.yml'));
    assert.ok(!outputs.covers('0/orders/src/main/resources/application.yml'));
    assert.ok(!outputs.covers('0/tools/target/sweep.py'), 'a target folder with no pom.xml beside it');
    assert.ok(!outputs.covers('0/orders/src/target/Sweep.java'), 'a target folder deeper than the build file');
    assert.ok(!outputs.covers('0/orders/targets/x.yml'), 'a folder whose name only starts like one');
  });
});
