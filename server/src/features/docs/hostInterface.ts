/**
 * Documentation of host interface XML (`virsh iface-define`, netcf), in our
 * own words.
 */
import type { DocTable } from './types';
import { YES_NO } from './common';

const linkState = {
  summary: 'Link state as reported by the host (read-only in live XML).',
  values: {
    up: 'Working.',
    down: 'Down.',
    unknown: 'Unknown.',
    notpresent: 'A component is missing.',
    lowerlayerdown: 'An underlying device is down.',
    testing: 'In test mode.',
    dormant: 'Waiting for an external event.',
  },
};

export const hostInterfaceDocs: DocTable = {
  interface: {
    summary: 'A host network interface configuration (`virsh iface-define`): a plain NIC, a bridge, a bond or a VLAN device.',
    details:
      'libvirt writes it to the host\'s network configuration through netcf; most current distributions (netplan, NetworkManager) no longer support this, so define host bridges there and use this XML mainly to read what `virsh iface-dumpxml` reports.',
    attrs: {
      type: {
        summary: 'The kind of interface.',
        values: {
          ethernet: 'A physical (or plain) network device.',
          bridge: 'A Linux bridge with the devices listed in `<bridge>` as ports; guests attach to it with `<interface type=\'bridge\'>` or a network in mode bridge.',
          bond: 'Several NICs bonded into one (failover or load balancing).',
          vlan: 'An 802.1Q VLAN device on top of another interface.',
        },
      },
      name: { summary: 'The host device name, like eth0, br0 or bond0 (for a VLAN: DEVICE.TAG).', example: 'br0' },
    },
    example: "<interface type='bridge' name='br0'>\n  <start mode='onboot'/>\n  <protocol family='ipv4'>\n    <dhcp/>\n  </protocol>\n  <bridge stp='off'>\n    <interface type='ethernet' name='eth0'/>\n  </bridge>\n</interface>",
  },
  start: {
    summary: 'When the host brings the interface up.',
    attrs: { mode: { summary: 'Start mode.', values: { onboot: 'At boot.', none: 'Only by hand.', hotplug: 'When the device appears.' } } },
    example: "<start mode='onboot'/>",
  },
  mac: { summary: 'The interface\'s MAC address.', attrs: { address: { summary: 'A MAC address.', example: '52:54:00:12:34:56' } } },
  link: {
    summary: 'Link speed and state (reported by the host).',
    attrs: { speed: { summary: 'Link speed in Mbit/s.' }, state: linkState },
  },
  mtu: { summary: 'The interface MTU.', attrs: { size: { summary: 'MTU in bytes.', example: '1500' } } },
  protocol: {
    summary: 'IP configuration of one address family.',
    attrs: { family: { summary: 'Address family.', values: { ipv4: 'IPv4 settings.', ipv6: 'IPv6 settings.' } } },
  },
  'protocol/dhcp': {
    summary: 'Get an address by DHCP.',
    attrs: { peerdns: { summary: 'Use the DNS servers the DHCP server offers.', values: YES_NO, default: 'yes' } },
  },
  'protocol/ip': {
    summary: 'A static address.',
    attrs: { address: { summary: 'The address.', example: '192.168.1.10' }, prefix: { summary: 'Prefix length.', example: '24' } },
  },
  'protocol/route': { summary: 'The default gateway.', attrs: { gateway: { summary: 'Gateway address.', example: '192.168.1.1' } } },
  'protocol/autoconf': { summary: 'IPv6 stateless address autoconfiguration (SLAAC).' },
  bridge: {
    summary: 'The bridge\'s ports and settings: each child `<interface>` becomes a port of the bridge.',
    attrs: {
      stp: { summary: 'Run the Spanning Tree Protocol.', values: { on: 'STP on.', off: 'STP off (usual with a single uplink).' } },
      delay: { summary: 'Forward delay in seconds.', example: '0' },
    },
  },
  'bridge/interface': { summary: 'A port of the bridge (an ethernet, VLAN or bond device).' },
  bond: {
    summary: 'The bond\'s slaves and mode.',
    attrs: {
      mode: {
        summary: 'Bonding policy.',
        values: {
          'balance-rr': 'Round robin over the slaves.',
          'active-backup': 'One slave active, the others on standby (the first listed is primary).',
          'balance-xor': 'Slave chosen by a hash of addresses.',
          broadcast: 'Every frame on every slave.',
          '802.3ad': 'LACP link aggregation (the switch must support it).',
          'balance-tlb': 'Adaptive transmit load balancing.',
          'balance-alb': 'Adaptive transmit and receive load balancing.',
        },
        default: 'balance-rr',
      },
    },
  },
  'bond/miimon': {
    summary: 'Detect failed slaves by polling the link state.',
    attrs: {
      freq: { summary: 'Polling interval in milliseconds.', example: '100' },
      downdelay: { summary: 'Milliseconds to wait before disabling a failed slave.' },
      updelay: { summary: 'Milliseconds to wait before enabling a recovered slave.' },
      carrier: { summary: 'How the link is read.', values: { ioctl: 'MII/ethtool ioctls.', netif: 'The driver\'s carrier state.' } },
    },
  },
  'bond/arpmon': {
    summary: 'Detect failed slaves by ARP probes to a target address.',
    attrs: {
      interval: { summary: 'Probe interval in milliseconds.' },
      target: { summary: 'IPv4 address to probe.' },
      validate: { summary: 'Which slaves check the replies.', values: { none: 'None.', active: 'The active slave.', backup: 'The backup slaves.', all: 'All slaves.' } },
    },
  },
  'bond/interface': { summary: 'A slave of the bond.' },
  vlan: {
    summary: 'The VLAN device\'s tag and parent interface.',
    attrs: { tag: { summary: 'VLAN id (0–4095).', example: '42' } },
  },
  'vlan/interface': { summary: 'The parent device carrying the VLAN.', attrs: { name: { summary: 'Parent device name.', example: 'eth0' } } },
};
