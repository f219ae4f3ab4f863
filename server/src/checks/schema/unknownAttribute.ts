import type { Check } from '../check';
import { schemaCheck } from './common';

/** An attribute that libvirt's schema does not allow on that element. Source: libvirt's RelaxNG schemas, as `virt-xml-validate` and `net-define --validate` apply them. */
export const unknownAttribute: Check = schemaCheck('libvirt/unknown-attribute', "An attribute that libvirt's schema does not allow on that element.");
