/**
 * A fresh language service whose failure reports (a check, a format or an
 * editor feature that threw and was answered with an empty result) are kept,
 * so that tests can assert there were none. Without this, a feature that
 * throws looks like a feature that found nothing.
 */
import { createLanguageService, type LanguageService, type ServiceOptions } from '../../server/src/service/languageService';

export interface ObservedService {
  readonly service: LanguageService;
  /** Every message the service reported, in order. */
  readonly reported: string[];
}

export function observedService(options: Omit<ServiceOptions, 'logger'> = {}): ObservedService {
  const reported: string[] = [];
  return { service: createLanguageService({ ...options, logger: { error: (m) => reported.push(m) } }), reported };
}
