import { child } from '../../parse/xml';
import type { Check } from '../check';
import { finding, network } from './common';

/** `<name></name>`: libvirt reads an empty name as no name at all (the schema allows it). */
export const networkNameEmpty: Check = {
  id: 'libvirt/network-name-empty',
  defaultSeverity: 'error',
  description: 'The network <name> element is empty; libvirt refuses a network without a name.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    const el = net && child(net.root, 'name');
    if (!el || el.text !== '' || el.children.length > 0) return [];
    return [finding(this.id, el.nameSpan, 'The network name is empty; libvirt refuses the network ("missing name information"). Write a name such as <name>lab</name>')];
  },
};
