/** A parsed XML document as plain data (spans, values, parents checked), for deepEqual between two parses. */
import assert from 'node:assert/strict';
import type { XmlDocument, XmlElement } from '../../server/src/parse/xml';

/** A plain copy of everything a parse returns (spans, values, parents), for deepEqual. */
function plainElement(el: XmlElement): unknown {
  for (const c of el.children) assert.equal(c.parent, el, `parent of <${c.name}> at ${c.span.start}`);
  return {
    name: el.name,
    nameSpan: { ...el.nameSpan },
    span: { ...el.span },
    startTagSpan: { ...el.startTagSpan },
    endTagSpan: el.endTagSpan && { ...el.endTagSpan },
    attributes: el.attributes.map((a) => ({ name: a.name, value: a.value, nameSpan: a.nameSpan, valueSpan: a.valueSpan, span: a.span })),
    children: el.children.map(plainElement),
    selfClosing: el.selfClosing,
    closed: el.closed,
    text: el.text,
    textSpan: el.textSpan && { ...el.textSpan },
    depth: el.depth,
  };
}

export function plain(doc: XmlDocument): unknown {
  return {
    text: doc.text,
    root: doc.root && plainElement(doc.root),
    errors: doc.errors.map((e) => ({ span: { ...e.span }, message: e.message })),
    comments: doc.comments.map((c) => ({ span: { ...c.span }, text: c.text })),
    declaredEntities: [...doc.declaredEntities],
  };
}

