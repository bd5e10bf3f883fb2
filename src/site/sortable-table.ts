/**
 * Sorting a static table by a column, for tables marked `data-sortable`: each sortable column
 * header holds a button, each cell may give its sort key in `data-sort` (else its text). The
 * table reads complete without JavaScript; the buttons only reorder its rows.
 */
export function setUpSortableTable(table: HTMLTableElement): void {
	const body = table.tBodies[0];
	const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th')];
	headers.forEach((header, column) => {
		const button = header.querySelector<HTMLButtonElement>('button[data-sort-column]');
		if (!button) return;
		button.hidden = false;
		button.addEventListener('click', () => {
			const ascending = header.getAttribute('aria-sort') !== 'ascending';
			for (const other of headers) other.removeAttribute('aria-sort');
			header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
			const key = (row: HTMLTableRowElement) => {
				const cell = row.cells[column];
				return cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
			};
			const numeric = [...body.rows].every((row) => key(row) === '' || !Number.isNaN(Number(key(row))));
			const compare = (a: string, b: string) => (numeric ? (a === '' ? -Infinity : Number(a)) - (b === '' ? -Infinity : Number(b)) : a.localeCompare(b));
			const rows = [...body.rows].sort((a, b) => compare(key(a), key(b)) * (ascending ? 1 : -1));
			body.append(...rows);
		});
	});
}
