/**
 * Put the focus back where a change was made, after an enhanced form has redrawn the page.
 * A move to the top or bottom disables the button just pressed: the focus then goes to the
 * button for the other direction, so it is never lost to the page.
 */
export function focusAfter(id: string): void {
	let el = document.getElementById(id);
	if (el instanceof HTMLButtonElement && el.disabled) el = document.getElementById(id.replace(/-(up|down)$/, (m) => (m === '-up' ? '-down' : '-up')));
	el?.focus();
}
