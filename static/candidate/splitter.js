// splitter.js - a bar between two panes that the candidate drags, or moves
// with the arrow keys once it has the focus (role=separator, its position in
// aria-valuenow as the first pane's share in percent). The position is kept per
// browser (localStorage), so the panes open as the candidate left them.
import { byId } from "../common/dom.js";

const STORE_PREFIX = "ce-pane:";
const STEP = 2;          // percent per arrow key
const PAGE_STEP = 10;    // per Page Up / Page Down

function load(name) {
	try {
		const v = Number(localStorage.getItem(STORE_PREFIX + name));
		return Number.isFinite(v) && v > 0 ? v : null;
	} catch (e) {
		return null;
	}
}

function keep(name, v) {
	try {
		localStorage.setItem(STORE_PREFIX + name, String(v));
	} catch (e) { /* storage disabled: the size lasts while the page is open */ }
}

// bar: the separator element (its role, orientation, label and controls are in
// the page). name: the stored setting's name. min, max, initial: percent.
// share(event): where a pointer at event puts the bar, in percent.
// apply(percent): lay the panes out.
export function createSplitter(bar, { name, min, max, initial, share, apply }) {
	let value = 0;

	function set(v, save) {
		value = Math.round(Math.min(max, Math.max(min, v)));
		bar.setAttribute("aria-valuenow", String(value));
		apply(value);
		if (save) keep(name, value);
	}

	bar.setAttribute("aria-valuemin", String(min));
	bar.setAttribute("aria-valuemax", String(max));
	set(load(name) || initial, false);

	bar.addEventListener("keydown", (e) => {
		const moves = {
			ArrowLeft: -STEP, ArrowUp: -STEP, ArrowRight: STEP, ArrowDown: STEP,
			PageUp: -PAGE_STEP, PageDown: PAGE_STEP, Home: min - value, End: max - value,
		};
		if (!(e.key in moves)) return;
		e.preventDefault();
		set(value + moves[e.key], true);
	});

	bar.addEventListener("pointerdown", (e) => {
		if (e.button !== 0) return;
		e.preventDefault();
		bar.setPointerCapture(e.pointerId);
		bar.classList.add("dragging");
		const move = (m) => set(share(m), false);
		const end = () => {
			bar.removeEventListener("pointermove", move);
			bar.removeEventListener("pointerup", end);
			bar.removeEventListener("pointercancel", end);
			bar.classList.remove("dragging");
			set(value, true);
		};
		bar.addEventListener("pointermove", move);
		bar.addEventListener("pointerup", end);
		bar.addEventListener("pointercancel", end);
	});

	return { value: () => value };
}

// The workspace's two bars: the question's width beside the code, and the
// editor's height above the custom input and the results.
export function mountPanes() {
	const ws = byId("view-test");
	const cols = byId("split-cols");
	const rows = byId("split-rows");
	createSplitter(cols, {
		name: "problem", min: 20, max: 65, initial: 40,
		share: (e) => {
			const start = byId("problem").getBoundingClientRect().left;
			return (e.clientX - start) / (ws.getBoundingClientRect().right - start - cols.offsetWidth) * 100;
		},
		apply: (v) => ws.style.setProperty("--problem-share", String(v / 100)),
	});
	createSplitter(rows, {
		name: "editor", min: 20, max: 85, initial: 60,
		share: (e) => {
			const box = byId("coding-body").getBoundingClientRect();
			return (e.clientY - box.top) / (box.height - rows.offsetHeight) * 100;
		},
		apply: (v) => ws.style.setProperty("--editor-share", String(v / 100)),
	});
}
