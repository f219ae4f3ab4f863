/**
 * Formatting at the service boundary: indentation only, minimal edits,
 * idempotent, and the diagnostics of a document do not change.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, FormattingOptions, Range } from 'vscode-languageserver-types';
import { serviceWith } from '../harness/cursor';

const URI = 'file:///ws/net.xml';
const SPACES: FormattingOptions = { tabSize: 2, insertSpaces: true };

function formatted(text: string, options: FormattingOptions = SPACES, range?: Range, uri = URI): string {
  const edits = serviceWith(uri, text).format(uri, options, range);
  return TextDocument.applyEdits(TextDocument.create(uri, 'xml', 1, text), edits);
}

/** Diagnostics compared by code, message and line (whitespace moves the columns). */
function diagKey(ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.range.start.line}:${String(d.code)}:${d.message}`).sort();
}

const MESSY = `<?xml version="1.0" encoding="UTF-8"?>
<!-- keep
        this   comment -->
<network>
<name>default</name>
      <forward mode="nat">
  <nat>
 <port start='1024' end='65535'/>
</nat>
      </forward>


 <bridge name='virbr0'
         stp='on'/>
<ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.122.2' end='192.168.122.254'/>
<host mac='52:54:00:00:00:01'   name='a' ip='192.168.122.3'/>
    </dhcp>
  </ip>
</network>
`;

const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<!-- keep
        this   comment -->
<network>
  <name>default</name>
  <forward mode="nat">
    <nat>
      <port start='1024' end='65535'/>
    </nat>
  </forward>


  <bridge name='virbr0'
          stp='on'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.122.2' end='192.168.122.254'/>
      <host mac='52:54:00:00:00:01'   name='a' ip='192.168.122.3'/>
    </dhcp>
  </ip>
</network>
`;

test('format re-indents by nesting and changes nothing else', () => {
  assert.equal(formatted(MESSY), EXPECTED);
});

test('edits are minimal: one per line whose indentation changes, none on a formatted document', () => {
  const edits = serviceWith(URI, MESSY).format(URI, SPACES);
  assert.equal(edits.length, 10);
  for (const e of edits) {
    assert.equal(e.range.start.line, e.range.end.line);
    assert.equal(e.range.start.character, 0);
    assert.match(e.newText, /^ *$/);
  }
  assert.deepEqual(serviceWith(URI, EXPECTED).format(URI, SPACES), []);
});

test('format is idempotent and keeps the diagnostics identical', () => {
  const once = formatted(MESSY);
  assert.equal(formatted(once), once);
  const before = serviceWith(URI, MESSY).getDiagnostics(URI);
  const after = serviceWith(URI, once).getDiagnostics(URI);
  assert.deepEqual(diagKey(after), diagKey(before));
});

test('tabs when insertSpaces is false, and the tab size for spaces', () => {
  const text = '<network>\n<name>n</name>\n<ip address="10.0.0.1" prefix="24">\n<dhcp/>\n</ip>\n</network>';
  assert.equal(formatted(text, { tabSize: 4, insertSpaces: false }), '<network>\n\t<name>n</name>\n\t<ip address="10.0.0.1" prefix="24">\n\t\t<dhcp/>\n\t</ip>\n</network>');
  assert.equal(formatted(text, { tabSize: 4, insertSpaces: true }), '<network>\n    <name>n</name>\n    <ip address="10.0.0.1" prefix="24">\n        <dhcp/>\n    </ip>\n</network>');
});

test('text content, multi-line attribute values and comments are never touched', () => {
  const text = "<network>\n<name>\n   odd\n    </name>\n<metadata>\n<x:a xmlns:x='urn:x'>\n   keep   this\n     text\n</x:a>\n</metadata>\n<dns>\n<txt name='t' value='line one\n     line two'/>\n</dns>\n  <!--\n     inside\n  -->\n</network>";
  const out = formatted(text);
  assert.ok(out.includes('<name>\n   odd\n    </name>'), out);
  assert.ok(out.includes('   keep   this\n     text\n'), out);
  assert.ok(out.includes("value='line one\n     line two'"), out);
  assert.ok(out.includes('<!--\n     inside\n  -->'), out);
  assert.ok(out.includes('\n  <metadata>\n    <x:a'), out);
  assert.ok(out.includes('\n  <dns>\n    <txt'), out);
});

test('a document with XML syntax errors is not formatted', () => {
  assert.deepEqual(serviceWith(URI, '<network>\n<name>n</name>\n<ip address="10.0.0.1"\n</network>').format(URI, SPACES), []);
});

test('format selection changes only the lines the range touches', () => {
  const r: Range = { start: { line: 6, character: 0 }, end: { line: 8, character: 3 } };
  const out = formatted(MESSY, SPACES, r).split('\n');
  const messy = MESSY.split('\n');
  const expected = EXPECTED.split('\n');
  for (let i = 0; i < messy.length; i++) assert.equal(out[i], i >= 6 && i <= 8 ? expected[i] : messy[i], `line ${i}`);
  // A range ending at column 0 of a line leaves that line alone.
  const r2: Range = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
  const out2 = formatted(MESSY, SPACES, r2).split('\n');
  assert.equal(out2[4], '  <name>default</name>');
  assert.equal(out2[5], messy[5]);
});

test('domain and host interface XML format too; CRLF line ends are kept', () => {
  const dom = '<domain type="kvm">\r\n<name>vm</name>\r\n<devices>\r\n<interface type="network">\r\n<source network="default"/>\r\n</interface>\r\n</devices>\r\n</domain>\r\n';
  assert.equal(formatted(dom, SPACES, undefined, 'file:///ws/vm.xml'), '<domain type="kvm">\r\n  <name>vm</name>\r\n  <devices>\r\n    <interface type="network">\r\n      <source network="default"/>\r\n    </interface>\r\n  </devices>\r\n</domain>\r\n');
});

test('every fixture file: formatting is idempotent and keeps its diagnostics', () => {
  const root = path.resolve(__dirname, '..', 'fixtures');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.xml')) files.push(p);
    }
  };
  walk(root);
  assert.ok(files.length > 50);
  let changed = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const uri = `file://${f}`;
    const once = formatted(text, SPACES, undefined, uri);
    if (once !== text) changed++;
    assert.equal(formatted(once, SPACES, undefined, uri), once, `not idempotent: ${f}`);
    assert.deepEqual(diagKey(serviceWith(uri, once).getDiagnostics(uri)), diagKey(serviceWith(uri, text).getDiagnostics(uri)), `diagnostics changed: ${f}`);
  }
  assert.ok(changed >= 0);
});
