/**
 * The shape of VirtNet's own documentation of libvirt XML, shown on hover.
 *
 * Written in our own words from what libvirt does (not copied from its
 * documentation). Entries are keyed by an element path suffix, e.g.
 * `forward/nat/address` or `dhcp/host`: the lookup tries the longest
 * suffix of the hovered element's ancestry first, so a shared name like
 * `address` or `host` gets the right entry in each place.
 */

/** A forward mode as libvirt reads it; 'none' is a network without <forward> (isolated). */
export type Mode = 'none' | 'nat' | 'route' | 'open' | 'bridge' | 'private' | 'vepa' | 'passthrough' | 'hostdev';

/** libvirt creates and runs the bridge (and dnsmasq) itself. */
export const MANAGED: readonly Mode[] = ['none', 'nat', 'route', 'open'];
/** Guests attach straight to a host device (macvtap or PCI). */
export const DIRECT: readonly Mode[] = ['private', 'vepa', 'passthrough', 'hostdev'];

export interface ModeRule {
  /** The forward modes in which libvirt accepts this. */
  readonly allowed: readonly Mode[];
  /** Extra words, e.g. a condition ("with <bridge name>"). */
  readonly note?: string;
}

export interface AttrDoc {
  /** What the attribute does, one or two sentences. */
  readonly summary: string;
  /** What libvirt uses when the attribute is left out. */
  readonly default?: string;
  /** Each value explained (keys are the literal values). */
  readonly values?: Readonly<Record<string, string>>;
  readonly modes?: ModeRule;
  /** Example value(s). */
  readonly example?: string;
}

export interface ElementDoc {
  readonly summary: string;
  /** Longer explanation: when to use it, how it interacts with others. */
  readonly details?: string;
  /** For elements with text content: what the text is. */
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, AttrDoc>>;
  readonly modes?: ModeRule;
  /** A short XML example. */
  readonly example?: string;
  /** The element is not in the installed libvirt schema (9.0.0) but in newer releases. */
  readonly since?: string;
}

export type DocTable = Readonly<Record<string, ElementDoc>>;
