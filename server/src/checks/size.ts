import type { Finding } from '../service/types';

/** virsh refuses XML files over 10 MiB (VSH_MAX_XML_FILE); so do we, without parsing them. */
export const MAX_DOCUMENT_SIZE = 10 * 1024 * 1024;

export const documentTooLargeId = 'xml/too-large';

export function documentTooLarge(text: string): Finding {
  return {
    code: documentTooLargeId,
    span: { start: 0, end: 0 },
    severity: 'error',
    message: `The file is ${(text.length / 1048576).toFixed(1)} MiB; virsh refuses XML files over 10 MiB, so VirtNet does not check it`,
  };
}
