import type { Check } from '../check';
import { schemaCheck } from './common';

/** An element that libvirt's schema does not allow at that place (unknown, misspelt or misplaced). Source: libvirt's RelaxNG schemas, as `virt-xml-validate` and `net-define --validate` apply them. */
export const unknownElement: Check = schemaCheck('libvirt/unknown-element', "An element that libvirt's schema does not allow at that place (unknown, misspelt or misplaced).");
