/**
 * A real <table> on wider screens that turns into one card per row on phones (via CSS): each cell
 * shows its column name as a label, and the primary column becomes the card's title.
 */
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** The row's title on phones (shown without a label, first). */
  primary?: boolean;
  /** Left out of the phone card to keep it short. */
  hideOnPhone?: boolean;
  align?: 'start' | 'end';
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Visually hides the caption (it stays for screen readers). */
  hideCaption?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, hideCaption = true }: DataTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className={hideCaption ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'align-end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  data-label={column.primary ? undefined : column.header}
                  className={
                    [
                      column.primary ? 'cell-primary' : '',
                      column.hideOnPhone ? 'hide-phone' : '',
                      column.align === 'end' ? 'align-end' : '',
                    ]
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                >
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
