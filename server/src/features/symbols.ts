import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';

export function documentSymbols(_ctx: FeatureContext): DocumentSymbol[] {
  return [];
}
