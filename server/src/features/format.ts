import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import type { Span } from '../parse/span';
import type { FeatureContext } from './context';

/** Edits that format the document, or only the elements inside `range`. */
export function format(_ctx: FeatureContext, _options: FormattingOptions, _range?: Span): TextEdit[] {
  return [];
}
