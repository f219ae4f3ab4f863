import type { Finding, Severity } from '../service/types';

/** A finding about the whole file, reported at its start. */
const aboutFile = (code: string, severity: Severity, message: string): Finding => ({ code, span: { start: 0, end: 0 }, severity, message });

/** virsh refuses XML files over 10 MiB (VSH_MAX_XML_FILE); so do we, without parsing them. */
export const MAX_DOCUMENT_SIZE = 10 * 1024 * 1024;

export const documentTooLargeId = 'xml/too-large';

export function documentTooLarge(text: string): Finding {
  return aboutFile(documentTooLargeId, 'error', `The file is ${(text.length / 1048576).toFixed(1)} MiB; virsh refuses XML files over 10 MiB, so VirtNet does not check it`);
}

/**
 * Over this size (characters) a libvirt file gets a cheaper check: XML syntax
 * and libvirt's schema only, no other rule and no cross-file check, so that
 * the editor stays responsive. A 20,000-line network is about 1.3 MB.
 */
export const LARGE_DOCUMENT_SIZE = 2 * 1024 * 1024;

export const largeDocumentId = 'xml/large-document';

export function largeDocument(text: string): Finding {
  return aboutFile(largeDocumentId, 'information', `The file is ${(text.length / 1048576).toFixed(1)} MiB; over 2 MiB VirtNet checks only XML syntax and libvirt's schema, not its other rules or other files`);
}

/** At most this many diagnostics per file; the rest are counted in one more. */
export const MAX_DIAGNOSTICS = 1000;

export const tooManyProblemsId = 'virtnet/too-many-problems';

export function tooManyProblems(hidden: number): Finding {
  return aboutFile(tooManyProblemsId, 'information', `${hidden} more problems in this file are not shown (VirtNet reports the first ${MAX_DIAGNOSTICS} of a file)`);
}

/** The codes above, which no Check declares (for settings and `--severity`). */
export const limitCodes = [documentTooLargeId, largeDocumentId, tooManyProblemsId];

/** Longest run of non-blank characters a message quotes whole (a 3 MB value is not copied into a message). */
const MAX_RUN = 120;

/**
 * Shortens runs of over MAX_RUN characters without a space in a message to
 * their ends, saying how long they were. Runs are found with the native
 * indexOf, so a 3 MB value costs one scan for a space, not a loop in script.
 */
export function shortenMessage(message: string): string {
  if (message.length <= MAX_RUN) return message;
  let out = '';
  let copied = 0;
  for (let run = 0; run < message.length; ) {
    let end = message.indexOf(' ', run);
    if (end < 0) end = message.length;
    if (end - run > MAX_RUN) {
      out += `${message.slice(copied, run + 60)}…${message.slice(end - 20, end)} (${end - run} characters)`;
      copied = end;
    }
    run = end + 1;
  }
  return copied === 0 ? message : out + message.slice(copied);
}
