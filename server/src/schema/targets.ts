import type { XmlDocument, XmlElement } from '../parse/xml';
import type { LibvirtKind } from '../service/types';
import type { StartName } from './grammar';

/** The elements to validate in a document of this kind, each with its start. */
export function schemaTargets(xml: XmlDocument, kind: LibvirtKind): { el: XmlElement; start: StartName }[] {
  const root = xml.root;
  if (!root) return [];
  switch (kind) {
    case 'libvirt-network':
      return [{ el: root, start: 'network' }];
    case 'libvirt-host-interface':
      return [{ el: root, start: 'hostInterface' }];
    case 'libvirt-domain-interface':
      return [{ el: root, start: 'domainInterface' }];
    case 'libvirt-domain':
      // Only the NICs: the rest of the domain is outside VirtNet's scope.
      return root.children
        .filter((c) => c.name === 'devices')
        .flatMap((d) => d.children.filter((c) => c.name === 'interface'))
        .map((el) => ({ el, start: 'domainInterface' as const }));
  }
}

