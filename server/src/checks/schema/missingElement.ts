import type { Check } from '../check';
import { schemaCheck } from './common';

/** A child element that libvirt's schema requires is missing. Source: libvirt's RelaxNG schemas, as `virt-xml-validate` and `net-define --validate` apply them. */
export const missingElement: Check = schemaCheck('libvirt/missing-element', "A child element that libvirt's schema requires is missing.");
