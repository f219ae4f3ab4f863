import type { Span } from '../parse/span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A user's severity setting for one check: a severity, or `off`. */
export type SeveritySetting = Severity | 'off';

/** What kind of document a file is, decided by its content (see documentKind.ts). */
export type DocKind = LibvirtKind | 'netplan' /* netplan YAML (/etc/netplan/*.yaml) */ | 'ifupdown' /* Debian's /etc/network/interfaces and interfaces.d/ */;

/** The libvirt XML kinds, decided by the root element. */
export type LibvirtKind =
  | 'libvirt-network' // root <network>, as for `virsh net-define`
  | 'libvirt-host-interface' // root <interface name='…'>, as for `virsh iface-define`
  | 'libvirt-domain' // root <domain>: its <devices><interface> elements
  | 'libvirt-domain-interface'; // a lone domain <interface> device, as for `virsh attach-device`

/** A place in another file, for related information. */
export interface RelatedLocation {
  readonly uri: string;
  readonly span: Span;
  readonly message: string;
}

/**
 * What a check reports. Checks never build LSP objects: the facade turns
 * findings into diagnostics (range conversion, severity from settings).
 */
export interface Finding {
  /** The check id; becomes `Diagnostic.code`. */
  readonly code: string;
  readonly span: Span;
  readonly message: string;
  /** Only when a check reports at more than one severity; else the check's default. */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
}

export interface Settings {
  /** Per-check severity overrides, keyed by check id. */
  readonly checks: Readonly<Record<string, SeveritySetting>>;
  /** Report XML well-formedness errors (off when another XML extension already does). */
  readonly reportSyntaxErrors: boolean;
  /** Workspace folder URIs; checks across formats (missing bridge, host subnets) stay within one folder. */
  readonly workspaceFolders?: readonly string[];
  /**
   * Which program reads interfaces files: classic `ifupdown`, `ifupdown2`, or
   * `auto` (default: ifupdown2 for a folder with constructs only it accepts).
   */
  readonly interfacesDialect?: 'auto' | 'ifupdown' | 'ifupdown2';
}

export const defaultSettings: Settings = { checks: {}, reportSyntaxErrors: true };
