import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Span } from '../../parse/span';
import type { FeatureContext } from '../context';

/** Quick fixes for the diagnostics in `range`. */
export function codeActions(_ctx: FeatureContext, _range: Span, _diagnostics: Diagnostic[]): CodeAction[] {
  return [];
}
