/** CannedResponseView (docs/API.md "Canned responses"): each field picked by hand. */
import { type Actor, canEditCanned } from '../../policy/index.ts';
import type { CannedRow } from './queries.ts';

/** A canned response with what the actor may do to it. */
export function presentCanned(actor: Actor, row: CannedRow) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    shared: row.ownerId === null,
    abilities: { edit: canEditCanned(actor, row) },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type TCannedView = ReturnType<typeof presentCanned>;
