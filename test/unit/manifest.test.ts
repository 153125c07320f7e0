import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Commands, TOPICS_VIEW_ID, VIEW_CONTAINER_ID } from '../../src/commands';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

describe('package.json', () => {
  const contributed: ContributedCommand[] = manifest.contributes.commands;

  it('contributes exactly the commands in src/commands.ts', () => {
    assert.deepEqual(contributed.map((command) => command.command).sort(), Object.values(Commands).sort());
  });

  it('puts every command in the AWS DB category with a localized title', () => {
    for (const command of contributed) {
      assert.equal(command.category, 'AWS DB', command.command);
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key && nls[key], `${command.command}: title must be a %key% present in package.nls.json`);
    }
  });

  it('resolves every %key% used anywhere in the manifest', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 0);
    for (const key of keys) {
      assert.ok(nls[key], `package.nls.json lacks '${key}'`);
    }
  });

  it('has a 128×128 PNG Marketplace icon that the .vsix ships, and a gallery banner colour', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // The IHDR chunk starts at byte 8: length, type, then width and height as 32-bit big-endian.
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const allowList = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(allowList.includes(`!${manifest.icon}`), '.vscodeignore must allow the icon');
    assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  });

  it('uses the names the brief fixes', () => {
    assert.equal(manifest.name, 'aws-db-study');
    assert.equal(nls.displayName, 'AWS Database Study & Design Hints');
    const container = manifest.contributes.viewsContainers.activitybar[0];
    assert.equal(container.id, VIEW_CONTAINER_ID);
    assert.equal(nls[container.title.slice(1, -1)], 'AWS Databases');
    const view = manifest.contributes.views[VIEW_CONTAINER_ID].find((candidate: { id: string }) => candidate.id === TOPICS_VIEW_ID);
    assert.equal(nls[view.name.slice(1, -1)], 'Topics');
  });

  it('activates lazily: never at startup, only after it (for the due count in the status bar)', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes('onStartupFinished'));
  });

  it('declares an engine no newer than its @types/vscode', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    assert.equal(manifest.devDependencies['@types/vscode'], engine);
  });
});
