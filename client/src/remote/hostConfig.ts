import type { JumpHost } from './proxyJump';

/**
 * A KVM host as the user configures it (in settings, or read from
 * ~/.ssh/config): where to log in and which libvirt URI virsh uses there.
 */

export const DEFAULT_LIBVIRT_URI = 'qemu:///system';

export interface HostConfig {
  /** Display name and key: unique among hosts. */
  readonly name: string;
  /** Host name or address; `local` hosts have none (virsh runs on this machine). */
  readonly host?: string;
  /** Default 22. */
  readonly port?: number;
  readonly user?: string;
  readonly identityFile?: string;
  /** libvirt URI that virsh uses on the host (default qemu:///system); `test:///default` works anywhere. */
  readonly uri?: string;
  /**
   * Jump hosts, as ssh's ProxyJump / `-J` writes them (`[user@]host[:port]`,
   * a chain `a,b`); a hop may name another configured host (proxyJump.ts).
   */
  readonly proxyJump?: string;
  /** The jump chain already resolved (hosts read from ~/.ssh/config); wins over `proxyJump`. */
  readonly jumpHosts?: readonly JumpHost[];
  /** Run virsh on this machine instead of over SSH (a Remote-SSH window on the hypervisor). */
  readonly local?: boolean;
}
