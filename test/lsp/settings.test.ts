/** The mapping of client settings and initialization options (pure; no server). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DIAGNOSTICS_DELAY, parseInitializationOptions, toAdapterSettings } from '../../server/src/lsp/settings';

describe('lsp settings', () => {
  it('defaults when the client sends nothing', () => {
    const s = toAdapterSettings(undefined, {});
    assert.deepEqual(s.service, { checks: {}, reportSyntaxErrors: true, interfacesDialect: 'auto' });
    assert.equal(s.diagnosticsDelay, DEFAULT_DIAGNOSTICS_DELAY);
  });

  it('keeps valid severities, drops the rest', () => {
    const s = toAdapterSettings({ checks: { 'a/b': 'warning', 'c/d': 'OFF', 'e/f': 'loud', 'g/h': 3 } }, {});
    assert.deepEqual(s.service.checks, { 'a/b': 'warning', 'c/d': 'off' });
  });

  it('resolves syntaxErrors auto from the presence of another XML extension', () => {
    assert.equal(toAdapterSettings({ xml: { syntaxErrors: 'auto' } }, { xmlExtensionPresent: true }).service.reportSyntaxErrors, false);
    assert.equal(toAdapterSettings({ xml: { syntaxErrors: 'auto' } }, { xmlExtensionPresent: false }).service.reportSyntaxErrors, true);
    assert.equal(toAdapterSettings({ xml: { syntaxErrors: 'on' } }, { xmlExtensionPresent: true }).service.reportSyntaxErrors, true);
    assert.equal(toAdapterSettings({ xml: { syntaxErrors: 'off' } }, {}).service.reportSyntaxErrors, false);
    assert.equal(toAdapterSettings({ xml: { syntaxErrors: 42 } }, {}).service.reportSyntaxErrors, true);
  });

  it('reads virtnet.interfaces.dialect, auto unless it is ifupdown or ifupdown2', () => {
    assert.equal(toAdapterSettings({ interfaces: { dialect: 'ifupdown2' } }, {}).service.interfacesDialect, 'ifupdown2');
    assert.equal(toAdapterSettings({ interfaces: { dialect: 'ifupdown' } }, {}).service.interfacesDialect, 'ifupdown');
    assert.equal(toAdapterSettings({ interfaces: { dialect: 'proxmox' } }, {}).service.interfacesDialect, 'auto');
    assert.equal(toAdapterSettings({ interfaces: 'ifupdown2' }, {}).service.interfacesDialect, 'auto');
  });

  it('takes the delay from initialization options first, then the setting', () => {
    assert.equal(toAdapterSettings({ diagnostics: { delay: 200 } }, { diagnosticsDelay: 0 }).diagnosticsDelay, 0);
    assert.equal(toAdapterSettings({ diagnostics: { delay: 200 } }, {}).diagnosticsDelay, 200);
    assert.equal(toAdapterSettings({ diagnostics: { delay: -5 } }, {}).diagnosticsDelay, DEFAULT_DIAGNOSTICS_DELAY);
    assert.deepEqual(parseInitializationOptions({ diagnosticsDelay: 'x', xmlExtensionPresent: 1 }), { diagnosticsDelay: undefined, xmlExtensionPresent: undefined });
    assert.deepEqual(parseInitializationOptions(null), {});
  });
});
