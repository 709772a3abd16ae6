/** SavedFilterView (docs/API.md "Saved filters"): each field picked by hand. */
import type { SavedFilterRow } from './service.ts';

export function presentSavedFilter(row: SavedFilterRow) {
  return {
    id: row.id,
    name: row.name,
    /** The ticket list's query-string parameters, e.g. `{status: 'new,open', assignee: 'me'}`. */
    query: row.query,
    createdAt: row.createdAt.toISOString(),
  };
}
export type TSavedFilterView = ReturnType<typeof presentSavedFilter>;
