/**
 * The adapter's workspace scan over a fake file system: which files are
 * candidates by name, which are indexed by content, and the activation
 * events / watchers that make the editor hand them over.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DirEntry, RuntimeEnvironment } from '../../server/src/lsp/runtime';
import { candidateKind } from '../../server/src/files/walk';
import { recognisedKind, scanFolders, WATCHED_GLOBS } from '../../server/src/lsp/workspaceScan';

function fakeFs(files: Record<string, string>): RuntimeEnvironment['fs'] {
  const entries = (dir: string): DirEntry[] => {
    const names = new Map<string, boolean>();
    for (const p of Object.keys(files)) {
      if (!p.startsWith(dir + '/')) continue;
      const rest = p.slice(dir.length + 1);
      const slash = rest.indexOf('/');
      names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0);
    }
    return [...names].map(([name, isDir]) => ({ name, isFile: () => !isDir, isDirectory: () => isDir }));
  };
  return {
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[p];
    },
    readdir: async (p) => entries(p),
  };
}

const NETPLAN = 'network:\n  version: 2\n  ethernets:\n    eno1: {dhcp4: true}\n';
const IFACES = 'auto eth0\niface eth0 inet dhcp\n';

describe('workspace scan of host configuration files', () => {
  it('picks candidates by name', () => {
    assert.equal(candidateKind('/w/a.xml'), 'xml');
    assert.equal(candidateKind('/w/a.YAML'), 'yaml');
    assert.equal(candidateKind('/w/a.yml'), 'yaml');
    assert.equal(candidateKind('/w/etc/network/interfaces'), 'interfaces');
    assert.equal(candidateKind('/w/etc/network/interfaces.d/br0'), 'interfaces');
    assert.equal(candidateKind('/w/host1.interfaces'), 'interfaces');
    assert.equal(candidateKind('/w/interfaces.d/setup.sh'), undefined);
    assert.equal(candidateKind('/w/README.md'), undefined);
  });

  it('recognises by content, and netplan also by its folder', () => {
    assert.equal(recognisedKind('file:///w/x.yaml', NETPLAN), 'netplan');
    assert.equal(recognisedKind('file:///w/netplan/empty.yaml', ''), 'netplan');
    assert.equal(recognisedKind('file:///w/docker-compose.yml', 'services:\n  web:\n    image: x\n'), undefined);
    assert.equal(recognisedKind('file:///w/etc/network/interfaces', IFACES), 'ifupdown');
    assert.equal(recognisedKind('file:///w/net.xml', '<network><name>n</name></network>'), 'libvirt');
    assert.equal(recognisedKind('file:///w/pom.xml', '<project/>'), undefined);
  });

  it('indexes netplan, interfaces and libvirt files, skips the rest and skipped folders', async () => {
    const fs = fakeFs({
      '/w/etc/netplan/01.yaml': NETPLAN,
      '/w/etc/network/interfaces': IFACES,
      '/w/etc/network/interfaces.d/br0': 'auto br0\niface br0 inet manual\n  bridge_ports none\n',
      '/w/net.xml': '<network><name>n</name></network>',
      '/w/pom.xml': '<project/>',
      '/w/docker-compose.yml': 'services: {}\n',
      '/w/node_modules/x/netplan/01.yaml': NETPLAN,
      '/w/.github/workflows/ci.yml': 'on: push\n',
      '/w/notes.txt': IFACES,
    });
    const seen: string[] = [];
    const r = await scanFolders(['/w'], fs, { onFile: (p) => void seen.push(p) });
    assert.deepEqual(seen.sort(), ['/w/etc/netplan/01.yaml', '/w/etc/network/interfaces', '/w/etc/network/interfaces.d/br0', '/w/net.xml']);
    assert.deepEqual(r, { xmlFiles: 2, libvirtFiles: 1, yamlFiles: 2, netplanFiles: 1, interfacesFiles: 2, truncated: false });
  });

  it('caps the number of candidate files read', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`/w/n${i}.yaml`] = NETPLAN;
    const r = await scanFolders(['/w'], fakeFs(files), { maxFiles: 4, onFile: () => undefined });
    assert.equal(r.truncated, true);
    assert.equal(r.netplanFiles, 4);
  });

  it('package.json activates on the files the server watches and the client selects', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { activationEvents: string[] };
    for (const e of ['onLanguage:xml', 'onLanguage:yaml', 'workspaceContains:**/netplan/*.yaml', 'workspaceContains:**/interfaces']) assert.ok(pkg.activationEvents.includes(e), e);
    const client = readFileSync(join(__dirname, '..', '..', 'client', 'src', 'languageClient.ts'), 'utf8');
    for (const g of ['**/interfaces', '**/interfaces.d/*', '**/*.interfaces']) {
      assert.ok(WATCHED_GLOBS.includes(g), g);
      assert.ok(client.includes(`pattern: '${g}'`), `client selects ${g}`);
    }
    assert.ok(client.includes("language: 'yaml'"));
  });
});
