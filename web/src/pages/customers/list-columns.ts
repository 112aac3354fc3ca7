/** Columns of the customer list, in their order; a saved view may show fewer. */
export const LIST_COLUMNS = ['name', 'type', 'phone', 'email', 'lineId', 'owner', 'tags', 'createdAt'] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** Each column's minimum width in pixels; extra room is shared by their weights. */
export const COLUMN_WIDTH: Record<ListColumn | 'select', { min: number; grow: number }> = {
  select: { min: 44, grow: 0 },
  name: { min: 180, grow: 3 },
  type: { min: 80, grow: 0 },
  phone: { min: 120, grow: 1 },
  email: { min: 150, grow: 2 },
  lineId: { min: 90, grow: 1 },
  owner: { min: 120, grow: 1 },
  tags: { min: 120, grow: 2 },
  createdAt: { min: 116, grow: 0 },
};

/** The narrowest the table may get before it scrolls sideways. */
export function tableMinWidth(columns: readonly ListColumn[], selectable: boolean): number {
  return columns.reduce((sum, c) => sum + COLUMN_WIDTH[c].min, selectable ? COLUMN_WIDTH.select.min : 0);
}

export function isListColumn(value: string): value is ListColumn {
  return (LIST_COLUMNS as readonly string[]).includes(value);
}

/** A saved view's columns, in the list's order; none saved means all. */
export function visibleColumns(saved: readonly string[] | undefined): ListColumn[] {
  const picked = (saved ?? []).filter(isListColumn);
  return picked.length ? LIST_COLUMNS.filter((c) => picked.includes(c)) : [...LIST_COLUMNS];
}
