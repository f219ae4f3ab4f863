import type { Check } from '../check';
import { schemaCheck } from './common';

/** An attribute that libvirt's schema requires is missing. Source: libvirt's RelaxNG schemas, as `virt-xml-validate` and `net-define --validate` apply them. */
export const missingAttribute: Check = schemaCheck('libvirt/missing-attribute', "An attribute that libvirt's schema requires is missing.");
