/**
 * Documentation of a guest NIC: `<interface>` inside a domain's `<devices>`
 * (or alone, for `virsh attach-device`), in our own words.
 */
import type { AttrDoc, DocTable } from './types';
import { YES_NO } from './common';

const ON_OFF = { on: 'Enabled.', off: 'Disabled.' };
const offload = (what: string): AttrDoc => ({ summary: `${what} offload.`, values: ON_OFF, default: 'on (when the backend supports it)' });

export const domainInterfaceDocs: DocTable = {
  domain: {
    summary: 'A guest (virtual machine) definition. VirtNet checks only its network interfaces (`<devices><interface>`).',
    attrs: { type: { summary: 'The hypervisor driver, e.g. kvm.', example: 'kvm' } },
  },
  'domain/name': { summary: 'The guest\'s name.', text: 'Unique on the host.' },
  'domain/uuid': { summary: 'The guest\'s unique id (generated when left out).' },
  devices: { summary: 'The guest\'s virtual hardware; network cards are its `<interface>` children.' },
  interface: {
    summary: 'A virtual network card of the guest. `type` says what it is plugged into on the host.',
    details: 'The usual choices: `network` (a libvirt network, e.g. default), `bridge` (a host bridge, so the guest sits on the LAN), `direct` (macvtap on a host NIC), `user` (no host setup, outbound only).',
    attrs: {
      type: {
        summary: 'What the NIC connects to on the host; decides which `<source>` attributes apply.',
        values: {
          network: 'A libvirt virtual network named by `<source network>` (the usual choice; follows the network\'s forward mode).',
          bridge: 'An existing host bridge named by `<source bridge>` (Linux or Open vSwitch): the guest appears on that LAN.',
          direct: 'macvtap directly on a host NIC (`<source dev mode>`); fast, but the host and guest cannot talk to each other through it.',
          user: 'Userspace networking (SLIRP/passt): outbound NAT without privileges; the guest is not reachable from outside unless ports are forwarded.',
          ethernet: 'A tap device libvirt creates (or `<target dev>` names) but does not connect to anything; scripts or you wire it up.',
          hostdev: 'Passes an SR-IOV virtual function (PCI device in `<source><address>`) to the guest.',
          vhostuser: 'A vhost-user socket (`<source type path mode>`), e.g. to a DPDK/OVS-DPDK switch.',
          vdpa: 'A vDPA device (`<source dev>` = /dev/vhost-vdpa-N).',
          server: 'Connects guests over a TCP socket: this side listens.',
          client: 'Connects guests over a TCP socket: this side connects to a listening peer.',
          mcast: 'Connects guests over a UDP multicast group.',
          udp: 'A point-to-point UDP tunnel to another guest.',
          null: 'A NIC connected to nothing.',
          vds: 'A VMware vSphere distributed switch port (ESX only).',
        },
      },
      managed: {
        summary: 'type=hostdev: libvirt detaches the VF from its host driver before start and reattaches it after.',
        values: YES_NO,
        default: 'yes',
      },
      trustGuestRxFilters: {
        summary: 'Let the host follow MAC and multicast filter changes the guest makes (macvtap, SR-IOV).',
        values: YES_NO,
        default: "the network's or portgroup's setting, else no",
      },
    },
    example: "<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n</interface>",
  },
  'interface/source': {
    summary: 'What the NIC is plugged into; the attributes to use depend on the interface `type`.',
    attrs: {
      network: { summary: "type=network: name of the libvirt network (`<name>` of a network XML).", example: 'default' },
      portgroup: { summary: "type=network: the network's `<portgroup>` to take VLAN/bandwidth settings from.", default: "the network's default portgroup" },
      bridge: { summary: 'type=bridge: name of an existing host bridge.', example: 'br0' },
      macTableManager: { summary: 'type=bridge: let libvirt manage the bridge\'s MAC table (as for networks).', values: { kernel: 'Kernel learning.', libvirt: 'libvirt fills the table.' } },
      dev: { summary: 'type=direct: host NIC for macvtap; type=vdpa: the vhost-vdpa character device.', example: 'eth0' },
      mode: {
        summary: 'type=direct: the macvtap mode; type=vhostuser: which side creates the socket.',
        values: {
          vepa: 'macvtap: all traffic goes via the external switch.',
          bridge: 'macvtap: guests on the same host NIC talk to each other directly (the host still cannot reach them).',
          private: 'macvtap: guests are isolated from each other.',
          passthrough: 'macvtap: the host NIC (often an SR-IOV VF) is given to this guest alone.',
          server: 'vhostuser: QEMU creates the socket.',
          client: 'vhostuser: QEMU connects to an existing socket.',
        },
        default: 'vepa (type=direct)',
      },
      type: { summary: 'type=vhostuser: the socket type (unix).', example: 'unix' },
      path: { summary: 'type=vhostuser: the unix socket path.' },
      address: { summary: 'type=server/client/mcast/udp: the IP address to listen on or connect to.' },
      port: { summary: 'type=server/client/mcast/udp: the port.' },
      portid: { summary: 'type=network: UUID of the network port (set by libvirt).' },
      name: { summary: 'Name of a port (hypervisor specific).' },
      missing: { summary: 'Allow starting even if the source does not exist (hypervisor specific).', values: YES_NO },
      switchid: { summary: 'type=vds: the distributed switch UUID.' },
      portgroupid: { summary: 'type=vds: the portgroup id.' },
      connectionid: { summary: 'type=vds: the connection id.' },
    },
    example: "<source network='default'/>",
  },
  'source/address': {
    summary: 'type=hostdev: the host address of the device to pass through (usually the PCI address of an SR-IOV virtual function).',
    attrs: {
      type: { summary: 'Bus of the host device.', values: { pci: 'A PCI device (SR-IOV VF).', usb: 'A USB device.' } },
      domain: { summary: 'PCI domain (0x0000).' },
      bus: { summary: 'PCI or USB bus number.' },
      slot: { summary: 'PCI slot.' },
      function: { summary: 'PCI function.' },
      device: { summary: 'USB device number.' },
      multifunction: { summary: 'Multi-function device.', values: ON_OFF },
    },
    example: "<address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x1'/>",
  },
  'source/ip': {
    summary: 'type=ethernet/user: an address configured on the NIC\'s device.',
    attrs: { address: { summary: 'The address.' }, family: { summary: 'Address family.', values: { ipv4: 'IPv4.', ipv6: 'IPv6.' } }, prefix: { summary: 'Prefix length.' }, peer: { summary: 'Peer address (point-to-point).' } },
  },
  'source/vendor': { summary: 'USB network device: vendor id to pass through.', attrs: { id: { summary: 'Vendor id, e.g. 0x1234.' } } },
  'source/product': { summary: 'USB network device: product id to pass through.', attrs: { id: { summary: 'Product id, e.g. 0x5678.' } } },
  'source/reconnect': {
    summary: 'vhostuser client: reconnect when the socket peer goes away.',
    attrs: { enabled: { summary: 'Reconnect.', values: YES_NO }, timeout: { summary: 'Seconds between attempts.' } },
  },
  'source/local': { summary: 'type=udp: the local end of the tunnel.', attrs: { address: { summary: 'Local address.' }, port: { summary: 'Local port.' } } },
  'interface/mac': {
    summary: 'The guest NIC\'s MAC address. libvirt generates one with the 52:54:00 prefix when left out.',
    attrs: {
      address: {
        summary: 'A unicast MAC address (the first byte must be even), unique among all guests on the same LAN. Keep the 52:54:00 prefix for KVM guests; a DHCP `<host mac>` reservation must match it.',
        example: '52:54:00:6c:3c:01',
      },
      type: { summary: 'Whether the address was generated by libvirt or given by you.', values: { generated: 'Generated.', static: 'Set by the user.' } },
      check: { summary: 'Refuse addresses with a reserved prefix (VMware).', values: YES_NO },
    },
    example: "<mac address='52:54:00:6c:3c:01'/>",
  },
  'interface/model': {
    summary: 'The virtual hardware the guest sees.',
    attrs: {
      type: {
        summary: 'The emulated NIC model. `virtio` is fastest and needs virtio drivers in the guest (built into Linux; a driver disk for Windows).',
        values: {
          virtio: 'Paravirtual, fastest; the default choice for Linux guests.',
          'virtio-transitional': 'virtio that also works with older guest drivers.',
          'virtio-non-transitional': 'virtio 1.0 only (modern drivers).',
          e1000: 'Emulated Intel PRO/1000; works everywhere without extra drivers, slower.',
          e1000e: 'Emulated Intel 82574; for guests that dislike e1000 (newer Windows).',
          igb: 'Emulated Intel 82576 (supports SR-IOV emulation).',
          rtl8139: 'Emulated Realtek 8139; very old and slow, maximal compatibility.',
          vmxnet3: 'VMware paravirtual NIC (for guests migrated from VMware).',
          'usb-net': 'A USB network adapter.',
          'spapr-vlan': 'POWER virtual LAN.',
        },
        default: 'hypervisor dependent (rtl8139 or e1000 on x86 QEMU)',
      },
    },
    example: "<model type='virtio'/>",
  },
  'interface/target': {
    summary: 'The host-side device (tap or macvtap) of this NIC.',
    attrs: {
      dev: { summary: 'Name of the host device. Left out, libvirt picks vnetN/macvtapN (names starting with vnet, vif or macvtap are reserved for that).', example: 'vm1-eth0' },
      managed: { summary: 'type=ethernet: whether libvirt creates the tap (yes) or uses an existing one (no).', values: YES_NO, default: 'yes' },
    },
  },
  'interface/guest': { summary: 'Name of the device inside the guest (some hypervisors only).', attrs: { dev: { summary: 'Device name.' }, actual: { summary: 'Actual name reported.' } } },
  'interface/link': {
    summary: 'The virtual cable: plugged in or not.',
    attrs: { state: { summary: 'Link state.', values: { up: 'Cable plugged in.', down: 'Cable unplugged: the guest sees no carrier.' }, default: 'up' } },
    example: "<link state='down'/>",
  },
  'interface/driver': {
    summary: 'Backend and virtio tuning of the NIC.',
    attrs: {
      name: {
        summary: 'The backend that moves packets.',
        values: { vhost: 'In-kernel vhost-net (fastest, the default for virtio when available).', qemu: 'QEMU userspace.', vfio: 'type=hostdev: VFIO assignment.', kvm: 'type=hostdev: legacy KVM assignment.', xen: 'Xen passthrough.' },
      },
      queues: { summary: 'Number of virtio queue pairs (multiqueue); usually the number of guest vCPUs, at most 256.', example: '4' },
      rx_queue_size: { summary: 'virtio RX ring size: a power of two from 256 to 1024.', example: '1024' },
      tx_queue_size: { summary: 'virtio TX ring size: a power of two from 256 to 1024 (vhost-user only).', example: '1024' },
      txmode: { summary: 'QEMU backend: how transmit is scheduled.', values: { iothread: 'A separate thread.', timer: 'A timer (batching).' } },
      ioeventfd: { summary: 'Use ioeventfd for virtio notifications.', values: ON_OFF },
      event_idx: { summary: 'virtio event index feature (fewer interrupts).', values: ON_OFF },
      iommu: { summary: 'Route virtio DMA through the emulated IOMMU.', values: ON_OFF },
      ats: { summary: 'PCI Address Translation Services for virtio.', values: ON_OFF },
      packed: { summary: 'Use packed virtqueues.', values: ON_OFF },
      page_per_vq: { summary: 'Place each virtqueue notification in its own page.', values: ON_OFF },
      rss: { summary: 'Receive-side scaling in QEMU (virtio).', values: ON_OFF },
      rss_hash_report: { summary: 'Report RSS hashes to the guest.', values: ON_OFF },
    },
    example: "<driver name='vhost' queues='4'/>",
  },
  'driver/host': {
    summary: 'Offloads of the host side (tap device).',
    attrs: { csum: offload('Checksum'), gso: offload('Generic segmentation'), tso4: offload('TCP segmentation (IPv4)'), tso6: offload('TCP segmentation (IPv6)'), ecn: offload('ECN with TSO'), ufo: offload('UDP fragmentation'), mrg_rxbuf: offload('Mergeable receive buffer') },
  },
  'driver/guest': {
    summary: 'Offloads offered to the guest.',
    attrs: { csum: offload('Checksum'), tso4: offload('TCP segmentation (IPv4)'), tso6: offload('TCP segmentation (IPv6)'), ecn: offload('ECN with TSO'), ufo: offload('UDP fragmentation') },
  },
  'interface/address': {
    summary: 'Where the NIC sits on the guest\'s bus (usually PCI). libvirt assigns one when left out; keep it stable to keep the guest\'s device name.',
    attrs: {
      type: { summary: 'The bus type.', values: { pci: 'PCI.', ccw: 's390 channel.', 'virtio-mmio': 'virtio MMIO.', spapr: 'POWER VIO.' } },
      domain: { summary: 'PCI domain (0x0000).' },
      bus: { summary: 'PCI bus (0x00–0xff).' },
      slot: { summary: 'PCI slot (0x00–0x1f).' },
      function: { summary: 'PCI function (0x0–0x7).' },
      multifunction: { summary: 'Marks function 0 of a multi-function device.', values: ON_OFF },
      controller: { summary: 'Drive/USB-style addresses: the controller number.' },
      target: { summary: 'Drive-style addresses: the target.' },
      unit: { summary: 'Drive-style addresses: the unit.' },
      port: { summary: 'USB/ISA addresses: the port.' },
      reg: { summary: 'spapr-vio: the register address.' },
      cssid: { summary: 's390 ccw: channel subsystem id.' },
      ssid: { summary: 's390 ccw: subchannel set id.' },
      devno: { summary: 's390 ccw: device number.' },
      iobase: { summary: 'ISA: I/O port base.' },
      irq: { summary: 'ISA: interrupt line.' },
      base: { summary: 'Memory-mapped base address.' },
    },
    example: "<address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>",
  },
  'interface/boot': {
    summary: 'Makes the guest try to boot from the network through this NIC (PXE), in the given order among devices.',
    details: 'Cannot be combined with `<os><boot dev=…>` in the same domain; orders must be unique across devices.',
    attrs: { order: { summary: 'Boot priority (1 = first).', example: '1' }, loadparm: { summary: 's390: load parameter.' } },
    example: "<boot order='1'/>",
  },
  'interface/rom': {
    summary: 'The NIC\'s option ROM (PXE firmware).',
    attrs: {
      enabled: { summary: 'Load a ROM at all.', values: YES_NO, default: 'yes' },
      bar: { summary: 'Make the ROM visible in the device\'s PCI BAR.', values: ON_OFF },
      file: { summary: 'Path of a ROM image to use instead of the default.' },
    },
  },
  'interface/filterref': {
    summary: 'Applies an nwfilter (host firewall rules per NIC), e.g. clean-traffic to stop MAC/IP spoofing.',
    attrs: { filter: { summary: 'Name of the nwfilter.', example: 'clean-traffic' } },
    example: "<filterref filter='clean-traffic'>\n  <parameter name='IP' value='192.168.122.11'/>\n</filterref>",
  },
  'filterref/parameter': {
    summary: 'A variable passed to the filter (e.g. IP for clean-traffic).',
    attrs: { name: { summary: 'Variable name.', example: 'IP' }, value: { summary: 'Its value.' } },
  },
  'interface/ip': {
    summary: 'An IP address for the guest side (type=user/passt, or the host side of type=ethernet).',
    attrs: { address: { summary: 'The address.' }, family: { summary: 'Address family.', values: { ipv4: 'IPv4.', ipv6: 'IPv6.' } }, prefix: { summary: 'Prefix length.' }, peer: { summary: 'Peer address (point-to-point).' } },
  },
  'interface/route': { summary: 'A route to add on the host side (type=ethernet).' },
  'interface/portForward': {
    summary: 'type=user with the passt backend: forward host ports into the guest.',
    attrs: { proto: { summary: 'Protocol.', values: { tcp: 'TCP.', udp: 'UDP.' } }, address: { summary: 'Host address to listen on.' }, dev: { summary: 'Host device to listen on.' } },
  },
  'portForward/range': {
    summary: 'One forwarded port range.',
    attrs: { start: { summary: 'First host port.' }, end: { summary: 'Last host port.' }, to: { summary: 'Guest port the range starts at.' }, exclude: { summary: 'Exclude this range instead.', values: YES_NO } },
  },
  'interface/backend': {
    summary: 'Which userspace backend implements the NIC.',
    attrs: { type: { summary: 'type=user: the backend.', values: { default: 'SLIRP (QEMU built-in).', passt: 'passt (faster, IPv6, port forwarding).' } }, tap: { summary: 'Path of the tap device node.' }, vhost: { summary: 'Path of the vhost-net device node.' }, logFile: { summary: 'passt log file.' } },
  },
  'interface/script': { summary: 'type=ethernet: a script run on the host after the tap device is created.', attrs: { path: { summary: 'Script path.' } } },
  'interface/downscript': { summary: 'type=ethernet: a script run when the tap device goes away.', attrs: { path: { summary: 'Script path.' } } },
  'interface/alias': { summary: 'A user alias for the device (must start with `ua-`).', attrs: { name: { summary: 'The alias.', example: 'ua-net0' } } },
  'interface/acpi': { summary: 'ACPI index: gives the NIC a stable name in the guest (e.g. eno1).', attrs: { index: { summary: 'The index (1–16383).' } } },
  'interface/coalesce': { summary: 'Interrupt coalescing of the NIC: fewer interrupts, slightly more latency.' },
  'coalesce/rx': { summary: 'Coalescing of received packets.' },
  'rx/frames': { summary: 'Coalescing by frame count.', attrs: { max: { summary: 'Raise an interrupt after at most this many frames.', example: '7' } } },
  'address/zpci': { summary: 's390 zPCI identifiers of the device.', attrs: { uid: { summary: 'User-defined id.' }, fid: { summary: 'Function id.' } } },
  'interface/tune': { summary: 'Tuning of the host side.' },
  'tune/sndbuf': { summary: 'Send buffer size of the tap device, in bytes.' },
  'interface/teaming': {
    summary: 'Pairs a virtio NIC with a passthrough VF for failover (for migration).',
    attrs: { type: { summary: 'Role in the team.', values: { persistent: 'The virtio NIC that stays.', transient: 'The VF that is unplugged during migration.' } }, persistent: { summary: 'For the transient NIC: alias of the persistent one.' } },
  },
  'interface/backenddomain': { summary: 'Xen: the driver domain that provides the backend.', attrs: { name: { summary: 'Domain name.' } } },
  'interface/mtu': { summary: 'MTU of the guest NIC (and its host tap).', attrs: { size: { summary: 'MTU in bytes.', example: '9000' } } },
  'interface/port': {
    summary: 'Options of this NIC\'s bridge port.',
    attrs: { isolated: { summary: 'Isolated ports cannot reach other isolated ports on the same bridge.', values: YES_NO, default: 'no' } },
  },
};
