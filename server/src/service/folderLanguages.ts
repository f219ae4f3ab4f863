/**
 * Host network configuration formats whose files are read together, one
 * folder at a time: netplan merges every YAML file of /etc/netplan, and
 * ifupdown sources interfaces.d/ into /etc/network/interfaces. Each format
 * plugs into the facade through this interface; its checks live in its own
 * folder (server/src/netplan, server/src/ifupdown).
 */
import { bridges as ifupdownBridges, checkInterfacesFolder, checkSeverity, hostAddresses, ifupdownChecks, isInterfacesFile, parseInterfaces, resolveDialect } from '../ifupdown';
import { subnetOf, type Subnet } from '../net/ip';
import { buildConfig, checkNetplanFolder, isNetplan, NETPLAN_FINDING_CODES, parseNetplan } from '../netplan';
import { parseCidr } from '../netplan/semantic/addrutil';
import type { Span } from '../parse/span';
import type { DocKind, Finding, Settings, Severity } from './types';

/** A diagnostic code a format can report, for settings and documentation. */
export interface CodeInfo {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
}

/** What a host configuration file tells the libvirt side (cross-format checks). */
export interface HostFacts {
  /** Bridges the file defines, by name. */
  readonly bridges: readonly { readonly name: string; readonly span: Span }[];
  /** Addresses configured on host interfaces, with their subnets. */
  readonly addresses: readonly { readonly iface: string; readonly subnet: Subnet; readonly span: Span }[];
}

export interface FolderLanguage {
  readonly kind: Extract<DocKind, 'netplan' | 'ifupdown'>;
  /** Human name, for messages ("netplan", "interfaces"). */
  readonly label: string;
  recognise(uri: string, text: string): boolean;
  /** Files with the same group key are checked together. */
  groupOf(uri: string): string;
  /** Findings per file of one group; every finding carries its severity. */
  check(files: readonly { uri: string; text: string }[], settings?: Settings): Map<string, Finding[]>;
  facts(uri: string, text: string, settings?: Settings): HostFacts;
  /** Every code its checks report. */
  readonly codes: readonly CodeInfo[];
}

function dirOf(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '');
  return clean.slice(0, clean.lastIndexOf('/'));
}

export const ifupdownLanguage: FolderLanguage = {
  kind: 'ifupdown',
  label: 'interfaces',
  recognise: isInterfacesFile,
  codes: ifupdownChecks.map((c) => ({ id: c.id, defaultSeverity: c.defaultSeverity, description: c.description })),
  // interfaces.d/* belongs with the interfaces file of the folder above.
  groupOf: (uri) => dirOf(uri).replace(/\/interfaces\.d$/, ''),
  check(files, settings) {
    const out = checkInterfacesFolder(files, settings?.interfacesDialect ?? 'auto');
    for (const [uri, findings] of out) out.set(uri, findings.map((f) => ({ ...f, severity: checkSeverity(f) })));
    return out;
  },
  facts(uri, text, settings) {
    const model = parseInterfaces(text);
    // Per file: the facts are kept per file, so `auto` looks at this file alone.
    const { dialect } = resolveDialect(settings?.interfacesDialect ?? 'auto', [{ uri, model }]);
    return {
      bridges: ifupdownBridges(model).map((b) => ({ name: b.name, span: b.span })),
      addresses: hostAddresses(model, dialect).map((a) => ({ iface: a.name, subnet: a.subnet, span: a.span })),
    };
  },
};

export const netplanLanguage: FolderLanguage = {
  kind: 'netplan',
  label: 'netplan',
  recognise: (uri, text) => isNetplan(text, uri),
  codes: NETPLAN_FINDING_CODES.map((c) => ({ id: c.code, defaultSeverity: c.severity, description: c.description })),
  // netplan merges every YAML file of its folder (/etc/netplan, /run/netplan, /lib/netplan).
  groupOf: dirOf,
  check: (files) => checkNetplanFolder(files),
  facts(uri, text) {
    const config = buildConfig([{ uri, parsed: parseNetplan(text) }]);
    const bridges: { name: string; span: Span }[] = [];
    const addresses: { iface: string; subnet: Subnet; span: Span }[] = [];
    for (const def of config.ordered) {
      for (const part of def.parts) {
        if (def.type === 'bridges') bridges.push({ name: def.id, span: part.key.span });
        const list = part.map.get('addresses')?.value;
        if (!list || list.kind !== 'seq') continue;
        for (const item of list.items) {
          // An address is a scalar, or a mapping whose single key is the address (with lifetime/label).
          const scalar = item.kind === 'scalar' ? item : item.kind === 'map' && item.pairs.length === 1 ? item.pairs[0].key : undefined;
          const cidr = scalar && parseCidr(scalar.value);
          if (cidr && cidr.ok) addresses.push({ iface: def.id, subnet: subnetOf(cidr.addr, cidr.prefix), span: scalar.span });
        }
      }
    }
    return { bridges, addresses };
  },
};

/** In the order they are tried; the first that recognises a file owns it. */
export const folderLanguages: readonly FolderLanguage[] = [netplanLanguage, ifupdownLanguage];
