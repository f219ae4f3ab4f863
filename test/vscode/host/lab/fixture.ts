/**
 * What test/vscode/uiVms.test.ts sets up on the SSH test host for the `lab`
 * in-host group (and its own UI steps): the host's name in `virtnet.hosts`,
 * a NAT network, a persistent VM (shut off, one NIC on that network) and a
 * workspace domain file whose NIC has the VM's MAC. Constants only: both
 * the Node test and the in-host suite (bundled) import it.
 */
export const LAB_HOST = 'lab';
export const LAB_NETWORK = 'uivm-nat';
export const LAB_VM = 'uivm';
export const LAB_VM_MAC = '52:54:00:5e:a0:01';
/** The workspace file (relative to the folder) whose NIC duplicates LAB_VM_MAC. */
export const CLASH_FILE = 'vms/clash.xml';

export const LAB_NETWORK_XML = `<network><name>${LAB_NETWORK}</name><forward mode='nat'/><bridge name='vn-uivm'/><ip address='10.78.0.1' prefix='24'/></network>`;

/** Diskless, no OS: QEMU in software emulation starts it and sits in the firmware; ACPI for hot-plug. */
export const LAB_VM_XML = `<domain type='qemu'><name>${LAB_VM}</name><memory unit='MiB'>64</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/><apic/></features><devices><interface type='network'><mac address='${LAB_VM_MAC}'/><source network='${LAB_NETWORK}'/><model type='virtio'/></interface></devices></domain>`;

export const CLASH_XML = `<domain type='kvm'>
  <name>ws-clash</name>
  <memory unit='MiB'>512</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <interface type='network'>
      <mac address='${LAB_VM_MAC}'/>
      <source network='${LAB_NETWORK}'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
`;
