/**
 * Client settings (`virtnet.*`) and initialization options, mapped to the
 * service's `Settings` and to the adapter's own knobs.
 */
import { isDialectSetting } from '../ifupdown/dialect';
import type { Settings, SeveritySetting } from '../service/types';

/** `virtnet.xml.syntaxErrors`: `auto` = off when another XML extension (Red Hat XML) already reports them. */
export type SyntaxErrorsSetting = 'auto' | 'on' | 'off';

/** The `virtnet` section as the client sends it (anything may be missing or malformed). */
export interface VirtnetConfiguration {
  checks?: Record<string, unknown>;
  xml?: { syntaxErrors?: unknown };
  diagnostics?: { delay?: unknown };
  interfaces?: { dialect?: unknown };
}

/** `initializationOptions` understood by the server. */
export interface InitializationOptions {
  /** Debounce (ms) before publishing diagnostics; wins over the setting. 0 for tests and benchmarks. */
  diagnosticsDelay?: number;
  /** Whether another extension already reports XML syntax errors (resolves `syntaxErrors: auto`). */
  xmlExtensionPresent?: boolean;
}

export const DEFAULT_DIAGNOSTICS_DELAY = 50;

export interface AdapterSettings {
  readonly service: Settings;
  /** Debounce in ms before diagnostics are published. */
  readonly diagnosticsDelay: number;
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function delayOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, 10_000) : undefined;
}

export function parseInitializationOptions(v: unknown): InitializationOptions {
  if (!isRecord(v)) return {};
  return {
    diagnosticsDelay: delayOf(v.diagnosticsDelay),
    xmlExtensionPresent: typeof v.xmlExtensionPresent === 'boolean' ? v.xmlExtensionPresent : undefined,
  };
}

/** Maps the client's `virtnet` section (possibly null or malformed) to what the adapter and service use. */
export function toAdapterSettings(config: unknown, init: InitializationOptions): AdapterSettings {
  const c: VirtnetConfiguration = isRecord(config) ? config : {};
  const checks: Record<string, SeveritySetting> = {};
  if (isRecord(c.checks)) {
    for (const [id, sev] of Object.entries(c.checks)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev.toLowerCase())) checks[id] = sev.toLowerCase() as SeveritySetting;
    }
  }
  const raw = isRecord(c.xml) ? c.xml.syntaxErrors : undefined;
  const syntax: SyntaxErrorsSetting = raw === 'on' || raw === 'off' ? raw : 'auto';
  const reportSyntaxErrors = syntax === 'on' || (syntax === 'auto' && !init.xmlExtensionPresent);
  const diagnosticsDelay =
    init.diagnosticsDelay ?? delayOf(isRecord(c.diagnostics) ? c.diagnostics.delay : undefined) ?? DEFAULT_DIAGNOSTICS_DELAY;
  const dialect = isRecord(c.interfaces) ? c.interfaces.dialect : undefined;
  const interfacesDialect = isDialectSetting(dialect) ? dialect : 'auto';
  return { service: { checks, reportSyntaxErrors, interfacesDialect }, diagnosticsDelay };
}
