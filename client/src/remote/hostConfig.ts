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
  /** Run virsh on this machine instead of over SSH (a Remote-SSH window on the hypervisor). */
  readonly local?: boolean;
}
