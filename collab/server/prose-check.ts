/**
 * Whether a rich-text document is valid under the portal schema, in two tiers:
 * - `local`: something no sequence of valid edits can produce — an unknown node or mark, an
 *   attribute the schema does not have or refuses (a `javascript:` href), an embedded object, a
 *   shared type other than `default`. Always refused.
 * - `structure`: a content-expression violation (a heading directly in a list item, a mark a
 *   code block does not allow). Two valid concurrent edits *can* merge into one — the editor's
 *   binding then deletes the offending node, and that repair must get through — so an update is
 *   refused for it only when it is what broke a structurally valid document (validation.ts).
 */
import { Fragment, type Node as ProseNode, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { portalSchema } from '../schema/schema.ts';
import { PROSE_FIELD, proseOfBlock } from './prose.ts';

export type ProseVerdict = { ok: true } | { ok: false; tier: 'local' | 'structure'; problem: string };

/**
 * What is known of one top-level block. A block's verdict depends only on the block itself, so
 * it can be kept until the block changes (validation-replica.ts); the whole document's verdict
 * is composed from its blocks' (composeProse).
 */
export type BlockVerdict =
  | { local: string }
  | { local: null; node: ProseNode | null; structure: string | null };

/** A child of the prose fragment, as Yjs types it (only elements are valid blocks). */
export type ProseBlock = Y.XmlElement | Y.XmlText | Y.XmlHook;

interface AttrSpec {
  default?: unknown;
  validate?: unknown;
}

// y-prosemirror stores overlapping marks under `<name>--<8-char hash>`.
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** Checks the prose of a *scratch* doc (the conversion may delete from it). */
export function checkProse(scratch: Y.Doc, schema: Schema = portalSchema): ProseVerdict {
  const blocks = scratch.getXmlFragment(PROSE_FIELD).toArray();
  // Every local problem first: the conversion must not run on what it cannot represent.
  const local = blocks.map((block) => localVerdict(block, schema));
  const verdicts = local.some((v) => v !== null)
    ? local.map((v) => v ?? { local: null, node: null, structure: null })
    : blocks.map((block) => structureVerdict(block as Y.XmlElement, schema));
  return composeProse(scratch, verdicts, schema);
}

/** A block's local problem as a verdict, or null when it has none. */
export function localVerdict(block: ProseBlock, schema: Schema = portalSchema): BlockVerdict | null {
  if (!(block instanceof Y.XmlElement)) return { local: 'text outside a block' };
  const problem = elementProblem(block, schema);
  return problem ? { local: problem } : null;
}

/**
 * The verdict of a block of a *scratch* doc without local problems: its ProseMirror node and,
 * since every name and attribute is known and valid, whatever the conversion still cannot build
 * (it drops it) or check() refuses — a content-expression problem.
 */
export function structureVerdict(block: Y.XmlElement, schema: Schema = portalSchema): BlockVerdict {
  const { node, dropped } = proseOfBlock(block, schema);
  if (!node || dropped) return { local: null, node, structure: 'content where the schema does not allow it' };
  try {
    node.check();
  } catch (err) {
    return { local: null, node, structure: (err as Error).message };
  }
  return { local: null, node, structure: null };
}

/**
 * The verdict of the whole document from its top-level blocks' verdicts (in order): what only
 * the document as a whole can break — another shared type, keys on the fragment, the sequence
 * of blocks — plus the first problem of any block, local ones first.
 */
export function composeProse(
  doc: Y.Doc,
  verdicts: readonly BlockVerdict[],
  schema: Schema = portalSchema,
): ProseVerdict {
  const local = (problem: string): ProseVerdict => ({ ok: false, tier: 'local', problem });
  for (const key of doc.share.keys()) if (key !== PROSE_FIELD) return local(`shared type ${key}`);
  if (doc.getXmlFragment(PROSE_FIELD)._map.size > 0) return local('keys on the fragment');
  const nodes: ProseNode[] = [];
  for (const verdict of verdicts) {
    if (verdict.local !== null) return local(verdict.local);
    if (verdict.node) nodes.push(verdict.node);
  }
  const structure = (problem: string): ProseVerdict => ({ ok: false, tier: 'structure', problem });
  for (const verdict of verdicts)
    if (verdict.local === null && verdict.structure) return structure(verdict.structure);
  // What node.check() of the whole document adds to its blocks' own checks: the top level's
  // content expression (the top node has no attributes or marks of its own).
  if (!schema.topNodeType.validContent(Fragment.fromArray(nodes)))
    return structure(`invalid content for ${schema.topNodeType.name}`);
  return { ok: true };
}

/** The first attribute of `values` the spec lacks or refuses (validators see defaults too). */
function attributesProblem(owner: string, specs: Record<string, AttrSpec>, values: Record<string, unknown>) {
  for (const key of Object.keys(values))
    if (!Object.hasOwn(specs, key)) return `attribute ${key} on ${owner}`;
  for (const [key, spec] of Object.entries(specs)) {
    if (typeof spec.validate !== 'function') continue;
    try {
      spec.validate(Object.hasOwn(values, key) ? values[key] : spec.default);
    } catch {
      return `attribute ${key} on ${owner}`;
    }
  }
  return null;
}

/** Unknown or refused names and attributes, below one block. */
function elementProblem(element: Y.XmlElement, schema: Schema): string | null {
  const type = Object.hasOwn(schema.nodes, element.nodeName) ? schema.nodes[element.nodeName] : undefined;
  if (!type || type.isText || type === schema.topNodeType) return `node ${element.nodeName}`;
  const specs = (type.spec.attrs ?? {}) as Record<string, AttrSpec>;
  const refused = attributesProblem(type.name, specs, element.getAttributes());
  if (refused) return refused;
  for (const child of element.toArray()) {
    const problem =
      child instanceof Y.XmlElement
        ? elementProblem(child, schema)
        : child instanceof Y.XmlText
          ? textProblem(child, schema)
          : 'an unsupported shared type';
    if (problem) return problem;
  }
  return null;
}

/** Embedded objects in text, unknown marks, mark attributes the schema lacks or refuses. */
function textProblem(text: Y.XmlText, schema: Schema): string | null {
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') return 'an embedded object in text';
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const name = HASHED_MARK.exec(key)?.[1] ?? key;
      const type = Object.hasOwn(schema.marks, name) ? schema.marks[name] : undefined;
      if (!type) return `mark ${name}`;
      const values = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
      const refused = attributesProblem(
        `mark ${name}`,
        (type.spec.attrs ?? {}) as Record<string, AttrSpec>,
        values,
      );
      if (refused) return refused;
    }
  }
  return null;
}
