import type { FoldingRange } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';

export function foldingRanges(_ctx: FeatureContext): FoldingRange[] {
  return [];
}
