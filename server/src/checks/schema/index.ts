import type { Check } from '../check';
import { invalidValue } from './invalidValue';
import { missingAttribute } from './missingAttribute';
import { missingElement } from './missingElement';
import { unknownAttribute } from './unknownAttribute';
import { unknownElement } from './unknownElement';

/** The schema checks, in the order they report. Add one module per check. */
export const schemaChecks: Check[] = [unknownElement, unknownAttribute, invalidValue, missingElement, missingAttribute];
