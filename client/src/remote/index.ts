/**
 * The remote layer's public API, for the views and commands of the
 * extension (which import from here, not from the files behind it).
 */
export { Emitter, type Disposable, type Event } from './events';
export { DEFAULT_LIBVIRT_URI, type HostConfig } from './hostConfig';
export { HostConnectionManager, jumpChain, type HostConnectionManagerOptions, type HostSnapshot, type HostStatus } from './hostConnectionManager';
export { fetchHostBridges } from './hostBridges';
export { forgetHostFacts, HOST_FACTS_NOTIFICATION, hostFactsFor, readFreshHostFacts, readHostFacts, type HostFactsExtras, type HostVmNics } from './hostFacts';
export { HostFactsSync, type HostFactsSyncOptions } from './hostFactsSync';
export { fetchNetworks, type NetworkSummary } from './hostNetworks';
export { fingerprint } from './knownHosts';
export { defaultKnownHostsPath } from './knownHostsFile';
export { DEFAULT_TIMEOUTS, timeoutsFromSettings, type ConnectionTimeouts } from './limits';
export { createLocalRunner } from './localRunner';
export { defineAndStart, liveAndInactiveXml, stopAndUndefine } from './networkActions';
export { fetchVms, networkUsers, type NetworkUser, type RunOnHost } from './networkUsers';
export type { NetInfo } from './parseNetInfo';
export { parseNetXml, type NetIp, type NetXml } from './parseNetXml';
export { fail, ok, type ErrorKind, type RemoteError, type Result } from './result';
export type { CommandLogEntry, Output, RunOptions, Runner } from './runner';
export { KeyCache } from './sshAuth';
export { defaultSshConfigPath, readSshConfigHosts, safeUserName, sshConfigHosts, sshConfigJumpResolver, type SshConfigHost } from './sshConfig';
export { SshConnection, type ConnectionState, type HostKeyQuestion, type SshPrompts } from './sshConnection';
export { quoteCommand } from './quote';
export { describeJumps, parseProxyJump, resolveJumps, type JumpHost, type JumpSpec } from './proxyJump';
export { createSshRunner } from './sshRunner';
export * from './virsh';
export { batch } from './virshBatch';
export { runVirsh, virshArgv, type VirshCommand } from './virshCommand';
export * from './domainCommands';
export { fetchHost, type HostInventory } from './hostNetworks';
export { normalizeMac, type DomainXml, type VmNic } from './parseDomainXml';
export { macsOnHost, networkUsersMap, vmsOnNetwork, type NetworkUse, type VmState, type VmSummary } from './vmInventory';
export { checkMac, freshMac, QEMU_MAC_PREFIX, type MacCheck } from './vmMac';
export { nicChange, type ConfigChange, type NicChangeReport } from './vmNicChange';
export { DEFAULT_NIC_MODEL, KNOWN_NIC_MODELS, defaultScope, describeScope, findNic, planAttach, planDetach, type AttachContext, type AttachRequest, type NicPlan, type NicPlanOk } from './vmNicPlan';
export { compareNics, describeNic, nicDelta, nicSource, type NicDifference, type VmNicEntry } from './vmNics';
export { planPower, type PowerAction, type PowerPlan, type PowerReport } from './vmPower';
