/** Editor features for netplan YAML (completion, hover, outline, folding, quick fixes). */
export { netplanComplete } from './completion';
export { netplanHover } from './hover';
export { netplanOutline, netplanFolding } from './outlineAndFolding';
export { netplanFixes } from './codeActions';
export { NETPLAN_TEMPLATES } from './templates';
