/**
 * Every template validates once inserted: the static snippets of
 * snippets/libvirt-network.json (defaults accepted, `$UUID` filled) and the
 * same templates offered as server completions with generated values. Each
 * inserted document must give zero diagnostics through the service and be
 * accepted by `virt-xml-validate` and `virsh` (test driver) when libvirt's
 * tools are installed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { staticSnippets, TEMPLATES, type Template } from '../../server/src/features/completion/templates';
import { cursor, serviceWith } from '../harness/cursor';
import { judge, libvirtToolsInstalled } from '../helpers/oracle';
import { acceptCompletion } from '../harness/edits';
import { expandSnippet } from '../../server/src/features/completion/snippetText';

const ROOT = path.resolve(__dirname, '..', '..');
const vars = { UUID: () => randomUUID() };

/** A network named `default` for NICs to refer to (its subnet does not collide with the templates'). */
const DEFAULT_NET = `<network>
  <name>default</name>
  <uuid>0b4c1a52-6a5e-4e07-9d0c-1c9a1e6c0c01</uuid>
  <forward mode='nat'/>
  <bridge name='virbr0' stp='on' delay='0'/>
  <ip address='192.168.122.1' prefix='24'>
    <dhcp>
      <range start='192.168.122.2' end='192.168.122.254'/>
    </dhcp>
  </ip>
</network>
`;

/** The host's bridge br0 as an interfaces file defines it: bridged templates need one (libvirt/missing-bridge). */
const HOST_BR0 = { 'file:///ws/interfaces': 'auto br0\niface br0 inet manual\n    bridge_ports eth0\n' };

/** Where a template is inserted to be checked: the text around it (with `|`), and the other workspace files. */
function container(t: Template): { marked: string; others: Record<string, string> } {
  switch (t.scope) {
    case 'network-document':
      return { marked: '|', others: HOST_BR0 };
    case 'host-interface-document':
      return { marked: '|', others: {} };
    case 'nic':
      return { marked: '|', others: { 'file:///ws/default.xml': DEFAULT_NET, ...HOST_BR0 } };
    case 'dhcp-host':
      return {
        marked: `<network>
  <name>hosts</name>
  <uuid>5d1b8e0c-2f0e-4c1e-a2c4-3f4b7f0b2a10</uuid>
  <forward mode='nat'/>
  <bridge name='virbr7' stp='on' delay='0'/>
  <ip address='192.168.100.1' prefix='24'>
    <dhcp>
      <range start='192.168.100.101' end='192.168.100.254'/>
      |
    </dhcp>
  </ip>
</network>
`,
        others: {},
      };
  }
}

function insert(marked: string, snippet: string): string {
  const c = cursor(marked);
  return c.text.slice(0, c.offset) + expandSnippet(snippet, vars) + c.text.slice(c.offset);
}

const applyItem = (text: string, it: CompletionItem): string => acceptCompletion(text, it, vars);

function diagnosticsOf(text: string, others: Record<string, string>): string[] {
  const s = serviceWith('file:///ws/new.xml', text, others);
  return s.getDiagnostics('file:///ws/new.xml').map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`);
}

/** Every inserted document, for the oracle at the end. */
const inserted: { name: string; text: string; others: Record<string, string> }[] = [];

test('snippets/libvirt-network.json is what templates.ts produces', () => {
  const onDisk = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'libvirt-network.json'), 'utf8'));
  assert.deepEqual(onDisk, staticSnippets(), 'out of date: regenerate it with the command in server/src/features/completion/templates.ts');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.ok(pkg.contributes.snippets.some((e: { language: string; path: string }) => e.language === 'xml' && e.path === './snippets/libvirt-network.json'));
});

test('the templates cover the tutorial’s configurations', () => {
  const ids = TEMPLATES.map((t) => t.id).sort();
  assert.deepEqual(ids, ['bridge-network', 'dhcp-host', 'host-bridge', 'isolated-network', 'nat-network', 'nic-bridge', 'nic-network', 'open-network', 'routed-network']);
});

for (const t of TEMPLATES) {
  test(`static snippet '${t.label}' validates with zero diagnostics`, () => {
    const snippet = staticSnippets()[t.label].body.join('\n');
    const { marked, others } = container(t);
    const text = insert(marked, snippet);
    assert.ok(!text.includes('$'), text);
    assert.deepEqual(diagnosticsOf(text, others), [], text);
    inserted.push({ name: `static-${t.id}`, text, others });
  });

  test(`server template '${t.label}' validates with zero diagnostics and has fresh values`, () => {
    const { marked, others } = container(t);
    const c = cursor(marked);
    const s = serviceWith('file:///ws/new.xml', c.text, others);
    const items = s.complete('file:///ws/new.xml', c.position).items;
    // The DHCP host comes as the generated `host` element item.
    const item = t.scope === 'dhcp-host' ? items.find((i) => i.label === 'host') : items.find((i) => i.label === t.label);
    assert.ok(item, `no item for ${t.label} in ${items.map((i) => i.label).join(', ')}`);
    const text = applyItem(c.text, item!);
    assert.deepEqual(diagnosticsOf(text, others), [], text);
    if (/<uuid>/.test(text)) assert.match(text, /<uuid>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/uuid>/);
    if (t.scope !== 'host-interface-document' && t.id !== 'bridge-network') assert.match(text, /mac='52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}'|mac address='52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}'/);
    inserted.push({ name: `server-${t.id}`, text, others });
  });
}

test('server templates avoid the workspace’s subnets, bridges and names', () => {
  const taken = DEFAULT_NET.replace(/default/g, 'nat').replace(/192\.168\.122/g, '192.168.100').replace(/virbr0/g, 'virbr1');
  const s = serviceWith('file:///ws/new.xml', '', { 'file:///ws/taken.xml': taken });
  const item = s.complete('file:///ws/new.xml', { line: 0, character: 0 }).items.find((i) => i.label === 'NAT network')!;
  const text = applyItem('', item);
  assert.match(text, /<name>nat-2<\/name>/);
  assert.match(text, /<bridge name='virbr2'/);
  assert.match(text, /<ip address='192\.168\.101\.1' prefix='24'>/);
  assert.deepEqual(diagnosticsOf(text, { 'file:///ws/taken.xml': taken }), [], text);
});

test('inserted templates are accepted by virt-xml-validate and virsh (test driver)', { skip: !libvirtToolsInstalled() && 'libvirt tools not installed' }, async () => {
  assert.ok(inserted.length >= TEMPLATES.length * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-snippets-'));
  try {
    // One workspace per origin: the static and the server NAT networks share a name.
    const bad: string[] = [];
    for (const origin of ['static-', 'server-']) {
      const files = inserted
        .filter((d) => d.name.startsWith(origin))
        .map((d) => {
          const p = path.join(dir, `${d.name}.xml`);
          fs.writeFileSync(p, d.text);
          return { path: p, text: d.text };
        });
      const verdicts = await judge(files);
      assert.equal(verdicts.length, files.length);
      bad.push(...verdicts.filter((v) => v.rejected).map((v) => `${path.basename(v.path)}: ${v.messages}`));
    }
    assert.deepEqual(bad, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
