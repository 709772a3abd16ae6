/**
 * The ProseMirror schema of the portal's rich text, built from the one extension list. The
 * server validates and converts documents with it; the client editor gets the same schema by
 * building its editor from `portalExtensions()`.
 */
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { portalExtensions } from './extensions.ts';

/** The schema every rich-text document (`default` XML fragment) must satisfy. */
export const portalSchema: Schema = getSchema(portalExtensions());
