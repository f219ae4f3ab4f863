/**
 * Fixes for identifiers that must be well-formed and unique: a fresh UUID
 * for an invalid or duplicate one, a fresh MAC for an invalid, multicast or
 * duplicate one.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { isMulticastMac, parseMac } from '../../net/ip';
import { freshMac, freshUuid } from '../freshValues';
import { locate, quickFix, replace, type FixInput } from './edits';

/** `<uuid>` text (or an empty `<uuid>`) → a fresh UUID. */
export function uuidFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at || at.el.name !== 'uuid' || (at.part !== 'text' && at.part !== 'name')) return [];
  const uuid = freshUuid();
  if (at.part === 'text') return [quickFix(input, `Replace with a fresh UUID (${uuid})`, [replace(input.span, uuid)], true)];
  // Empty <uuid/> or <uuid></uuid>: rewrite the element.
  if (at.el.children.length) return [];
  return [quickFix(input, `Fill in a fresh UUID (${uuid})`, [replace(at.el.span, `<uuid>${uuid}</uuid>`)], true)];
}

/** Is this attribute a MAC address? (`<mac address>`, `<host mac>`.) */
function isMacAttr(elName: string, attrName: string): boolean {
  return (elName === 'mac' && attrName === 'address') || (elName === 'host' && attrName === 'mac');
}

/**
 * A MAC attribute value → a fresh 52:54:00 MAC no workspace file uses
 * (preferred); for a multicast one also the same address with the
 * multicast bit cleared, when that one is free.
 */
export function macFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at || at.part !== 'attr-value' || !isMacAttr(at.el.name, at.attr.name)) return [];
  const current = at.attr.value ?? '';
  const mac = freshMac(input.ctx.workspace, [current]);
  const out = [quickFix(input, `Replace with a fresh MAC address (${mac})`, [replace(input.span, mac)], true)];
  const bytes = parseMac(current);
  if (bytes && isMulticastMac(bytes)) {
    const fixed = [bytes[0] & 0xfe, ...bytes.slice(1)].map((b) => b.toString(16).padStart(2, '0')).join(':');
    if (input.ctx.workspace.macUses(fixed).length === 0) out.push(quickFix(input, `Clear the multicast bit (${fixed})`, [replace(input.span, fixed)]));
  }
  return out;
}

/** A duplicate UUID or MAC: whichever the diagnostic points at. */
export function duplicateIdFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at) return [];
  if (at.el.name === 'uuid') return uuidFix(input);
  return macFix(input);
}

/** libvirt/invalid-value on a UUID or a MAC. */
export function invalidIdFix(input: FixInput): CodeAction[] {
  const at = locate(input.ctx, input.span);
  if (!at) return [];
  if (at.el.name === 'uuid' && (at.part === 'text' || at.part === 'name')) return uuidFix(input);
  if (at.part === 'attr-value' && isMacAttr(at.el.name, at.attr.name)) return macFix(input);
  return [];
}
