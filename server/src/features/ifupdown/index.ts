/** Editor features for /etc/network/interfaces (completion, hover, outline, folding, quick fixes). */
export { ifupdownComplete } from './completion';
export { ifupdownHover } from './hover';
export { ifupdownOutline, ifupdownFolding } from './outlineAndFolding';
export { ifupdownFixes } from './codeActions';
export { INTERFACES_TEMPLATES } from './templates';
