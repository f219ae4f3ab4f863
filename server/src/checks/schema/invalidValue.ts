import type { Check } from '../check';
import { schemaCheck } from './common';

/** A value (attribute or element text) that does not have the form libvirt's schema requires: enumeration, UUID, MAC, IP address, number range… Source: libvirt's RelaxNG schemas, as `virt-xml-validate` and `net-define --validate` apply them. */
export const invalidValue: Check = schemaCheck('libvirt/invalid-value', "A value (attribute or element text) that does not have the form libvirt's schema requires: enumeration, UUID, MAC, IP address, number range…");
