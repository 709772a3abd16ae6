/**
 * Rich-text documents on the server: their content lives in the XML fragment `default`
 * (Tiptap's field) under the portal schema. Converting, checking and seeding go through the
 * same binding the editor uses (y-tiptap), so the server reads a document exactly as the editor.
 */
import type { Node as ProseNode, Schema } from '@tiptap/pm/model';
import {
  prosemirrorToYXmlFragment,
  yXmlFragmentToProseMirrorFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { portalSchema } from '../schema/schema.ts';

/** The XML fragment every rich-text document keeps its content in. */
export const PROSE_FIELD = 'default';

/**
 * The guid of documents that never leave the server. A guid only names subdocuments; without one
 * Yjs draws a random UUID, one crypto call per character, which showed in profiles.
 */
export const SCRATCH_GUID = 'scratch';

/** A throwaway copy of `doc` (plus `update`, when given); may throw on a malformed update. */
export function scratchCopy(doc: Y.Doc, update?: Uint8Array): Y.Doc {
  const scratch = new Y.Doc({ guid: SCRATCH_GUID });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  if (update) Y.applyUpdate(scratch, update);
  return scratch;
}

/**
 * The ProseMirror document of a *scratch* doc, and whether the conversion had to drop anything.
 * y-tiptap does not throw on content the schema cannot represent (an unknown node, a mark it
 * cannot build, a refused attribute): it deletes it from the Y document in a transaction and
 * carries on. That deletion is what `dropped` reports — and why this never runs on a live doc.
 */
export function proseOf(scratch: Y.Doc): { node: ProseNode; dropped: boolean } {
  return whileWatching(scratch, () =>
    yXmlFragmentToProseMirrorRootNode(scratch.getXmlFragment(PROSE_FIELD), portalSchema),
  );
}

/**
 * The ProseMirror node of one top-level block of a *scratch* doc (null if the conversion
 * dropped the block itself), and whether anything was dropped: proseOf, one block at a time.
 */
export function proseOfBlock(
  block: Y.XmlElement,
  schema: Schema = portalSchema,
): { node: ProseNode | null; dropped: boolean } {
  const doc = block.doc;
  if (!doc) throw new Error('proseOfBlock: the block is not in a document');
  // y-tiptap converts a fragment by converting each of its children in turn, reading nothing of
  // the fragment but toArray(): a fragment of this one block converts it exactly as the whole
  // document's conversion would, with the editor's own code.
  const oneBlock = { toArray: () => [block] } as unknown as Y.XmlFragment;
  const { node: content, dropped } = whileWatching(doc, () =>
    yXmlFragmentToProseMirrorFragment(oneBlock, schema),
  );
  return { node: content.firstChild, dropped };
}

/** Runs `convert`, reporting whether it changed `doc` (what y-tiptap does when it drops content). */
function whileWatching<T>(doc: Y.Doc, convert: () => T): { node: T; dropped: boolean } {
  let dropped = false;
  const onUpdate = () => {
    dropped = true;
  };
  doc.on('update', onUpdate);
  try {
    return { node: convert(), dropped };
  } finally {
    doc.off('update', onUpdate);
  }
}

/** The plain text of a live document (for search and lists): blocks separated by blank lines. */
export function plainTextOf(doc: Y.Doc): string {
  const scratch = scratchCopy(doc);
  try {
    const { node } = proseOf(scratch);
    return node
      .textBetween(0, node.content.size, '\n\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''))
      .trim();
  } finally {
    scratch.destroy();
  }
}

/**
 * A Yjs update that fills an empty document with plain text: paragraphs split on blank lines,
 * single line breaks kept as hard breaks. Null for text with nothing but whitespace.
 */
export function proseUpdateFromText(text: string): Uint8Array | null {
  const schema = portalSchema;
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) return null;
  const blocks = paragraphs.map((paragraph) => {
    const inline: ProseNode[] = [];
    paragraph.split('\n').forEach((line, i) => {
      if (i > 0) inline.push(schema.nodes.hardBreak!.create());
      if (line.length > 0) inline.push(schema.text(line));
    });
    return schema.nodes.paragraph!.create(null, inline);
  });
  const node = schema.topNodeType.create(null, blocks);
  node.check();
  const scratch = new Y.Doc({ guid: SCRATCH_GUID });
  try {
    prosemirrorToYXmlFragment(node, scratch.getXmlFragment(PROSE_FIELD));
    return Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
}
