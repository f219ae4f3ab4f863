/**
 * Opening a large document in steps (the service's `setFileJob`, the XML
 * parse, the model and the schema validation a step at a time, driven by the
 * adapter in slices) gives exactly what the unsliced path gives: the same
 * tree, the same schema problems, the same diagnostics and outline, on every
 * XML fixture, a generated 20,000-line network and the pathological
 * documents of the robustness tests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigNetwork } from '../bench/generate';
import { buildModel, buildModelInSteps } from '../server/src/model/libvirt';
import { parseXml, parseXmlInSteps } from '../server/src/parse/xml';
import { libvirtGrammar, schemaTargets } from '../server/src/schema';
import { Validator } from '../server/src/schema/validator';
import { kindOfRoot } from '../server/src/service/documentKind';
import { createLanguageService, type LanguageService } from '../server/src/service/languageService';
import { fixtureCases, type FixtureCase } from './harness/fixtureCases';
import { plain } from './harness/plainXml';

/** Runs a generator to its end; returns its value and how many times it yielded. */
function drive<T>(g: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = g.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

const xmlCases = (): FixtureCase[] => fixtureCases().filter((c) => c.files.some((f) => f.uri.endsWith('.xml')));

const big = (): string => bigNetwork(20_000).replace("name='host7'", "name='host6'").replace("mac='52:54:00:00:00:09'", "mac='52:54:00:00:00:08'");
const generated: [string, () => string][] = [
  ['a 20,000-line network with a duplicate host and MAC', big],
  ['a 3 MB attribute value', () => `<network>\n  <name>big</name>\n  <bridge name='${'b'.repeat(3_000_000)}'/>\n</network>\n`],
  ['20,000 attributes on one element', () => `<network>\n  <name>big</name>\n  <bridge ${Array.from({ length: 20_000 }, (_, i) => `a${i}='${i}'`).join(' ')}/>\n</network>\n`],
  ['a 20,000-line network with half-typed tags', () => big().replace("<host mac='52:54:00:00:00:10'", "<host mac='52:54:00:00:00:10").replace('</dhcp>', '</dhc')],
];

describe('parse, model and schema validation in steps', () => {
  it('the XML parse in steps gives the tree parseXml gives (every fixture, chunks of 1 to 64 KiB characters)', () => {
    let yields = 0;
    for (const c of xmlCases())
      for (const f of c.files) {
        for (const chunk of [1, 7, 64 * 1024]) {
          const r = drive(parseXmlInSteps(f.text, chunk));
          assert.deepEqual(plain(r.value), plain(parseXml(f.text)), `${c.name} in chunks of ${chunk}`);
          yields += r.yields;
        }
      }
    assert.ok(yields > 5_000, `${yields} steps`);
    for (const [what, text] of generated) {
      const r = drive(parseXmlInSteps(text()));
      assert.deepEqual(plain(r.value), plain(parseXml(text())), what);
    }
  });

  it('the schema validation in steps gives the problems validateRoot gives (one attribute or child per step)', () => {
    const g = libvirtGrammar();
    let yields = 0;
    const texts = [...xmlCases().flatMap((c) => c.files.map((f) => [c.name, f.text] as const)), ...generated.map(([w, t]) => [w, t()] as const)];
    for (const [name, text] of texts) {
      const xml = parseXml(text);
      const kind = kindOfRoot(xml.root);
      if (!kind || !xml.root) continue;
      for (const t of schemaTargets(xml, kind)) {
        const whole = new Validator(g.table, text).validateRoot(t.el, g.starts[t.start]);
        const stepped = drive(new Validator(g.table, text, false, 1).validateRootInSteps(t.el, g.starts[t.start]));
        assert.deepEqual(stepped.value, whole, name);
        yields += stepped.yields;
      }
    }
    assert.ok(yields > 100_000, `${yields} steps`);
  });

  it('the model in steps is the model buildModel gives', () => {
    const xml = parseXml(big());
    const stepped = drive(buildModelInSteps('libvirt-network', xml.root!));
    assert.ok(stepped.yields >= 9, `${stepped.yields} steps`);
    // Views are kept per element: the model built afterwards holds the very same ones.
    assert.deepEqual(stepped.value, buildModel('libvirt-network', xml.root!));
  });
});

/** A file set whole (setFile) in one service and a step at a time (setFileJob, then diagnosticsJob) in the other. */
function compare(name: string, files: { uri: string; text: string }[], settings: FixtureCase['settings']): number {
  const whole = createLanguageService({ settings });
  const sliced = createLanguageService({ settings });
  let steps = 0;
  for (const f of files) {
    const expected = whole.setFile(f.uri, f.text);
    const job = sliced.setFileJob(f.uri, f.text);
    while (!job.step()) steps++;
    assert.deepEqual(new Set(job.affected), new Set(expected), `${name}: affected URIs`);
  }
  for (const f of files) {
    const dj = sliced.diagnosticsJob(f.uri);
    while (!dj.step()) steps++;
    assert.deepEqual(dj.diagnostics, whole.getDiagnostics(f.uri), `${name}: diagnostics of ${f.uri}`);
    assert.deepEqual(outline(sliced, f.uri), outline(whole, f.uri), `${name}: outline of ${f.uri}`);
    assert.deepEqual(sliced.foldingRanges(f.uri), whole.foldingRanges(f.uri), `${name}: folding of ${f.uri}`);
  }
  return steps;
}

const outline = (s: LanguageService, uri: string) => JSON.parse(JSON.stringify(s.documentSymbols(uri))) as unknown;

describe('setFileJob and diagnosticsJob give what setFile and getDiagnostics give', () => {
  it('every fixture workspace (all formats)', () => {
    let n = 0;
    for (const c of fixtureCases()) {
      compare(c.name, c.files, c.settings);
      n++;
    }
    assert.ok(n > 200, `${n} cases`);
  });

  for (const [what, text] of generated) {
    it(what, () => {
      const t = text();
      const steps = compare(what, [{ uri: 'file:///ws/big.xml', text: t }, { uri: 'file:///ws/other.xml', text: "<network>\n  <name>other</name>\n  <ip address='10.200.0.1' prefix='24'/>\n</network>\n" }], undefined);
      assert.ok(steps > 5, `${steps} steps`);
    });
  }

  it('a file set again while its job runs: the job still sets its own text, and a job for the text already held changes nothing', () => {
    const s = createLanguageService();
    const uri = 'file:///ws/big.xml';
    const job = s.setFileJob(uri, big());
    job.step();
    assert.equal(s.hasFile(uri), false, 'nothing is set before the last step');
    s.setFile(uri, '<network><name>small</name></network>');
    while (!job.step());
    assert.deepEqual(job.affected, [uri]);
    assert.equal(s.documentSymbols(uri)[0]?.name, 'big');
    const again = s.setFileJob(uri, big());
    assert.equal(again.step(), true);
    assert.deepEqual(again.affected, []);
  });
});
