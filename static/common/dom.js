// common/dom.js - small DOM helpers for both pages.
//
// Server text (titles, names, program output) is untrusted: it reaches the page
// only as text nodes or attribute values, never as markup.

export function byId(id) {
	return document.getElementById(id);
}

export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

let idSeq = 0;

// A unique id for label/aria wiring.
export function uid(prefix) {
	idSeq += 1;
	return `${prefix || "ce"}-${idSeq}`;
}

// h("button", { class: "btn", onclick: fn, "aria-label": "..." }, "text", child, ...)
// Attributes whose value is false, null or undefined are left out; true sets
// an empty boolean attribute; "on*" keys add event listeners; children may be
// strings, nodes, arrays or null (skipped).
export function h(tag, attrs, ...children) {
	const node = document.createElement(tag);
	// children first, so that a select's value can pick one of its options
	append(node, children);
	for (const [key, value] of Object.entries(attrs || {})) {
		if (value === false || value === null || value === undefined) continue;
		if (key.startsWith("on") && typeof value === "function") {
			node.addEventListener(key.slice(2), value);
		} else if (key === "class") {
			node.className = value;
		} else if (key === "value" || key === "checked") {
			// properties, so that later reads see them even before user input
			node[key] = value;
		} else {
			node.setAttribute(key, value === true ? "" : String(value));
		}
	}
	return node;
}

// Replace a node's children, with h()'s rules for the list (null skipped, arrays flattened).
export function setChildren(node, ...children) {
	node.replaceChildren();
	append(node, children);
}

function append(node, children) {
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		if (Array.isArray(c)) append(node, c);
		else node.append(c instanceof Node ? c : String(c));
	}
}

// A spinner for a busy control or a loading line; screen readers skip it.
export function spinner() {
	return h("span", { class: "spinner", "aria-hidden": "true" });
}

// A button's label, with a spinner in front while its action runs.
export function setButton(button, label, spinning) {
	setChildren(button, spinning ? spinner() : null, label);
}

// A box of program data (a test's input, an output, a compiler's messages):
// long lines wrap (the page's CSS) and a long text scrolls inside the box. While
// the box scrolls (its size decides, watched as panes and windows change), it is
// focusable and named by label, so that the keyboard reaches all of it; a box
// that shows all its text adds no tab stop. attrs: more attributes (class).
let boxWatch = null;

function fitBox(el) {
	const scrolls = el.isConnected && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
	if (scrolls) {
		el.setAttribute("tabindex", "0");
		el.setAttribute("role", "region");
		el.setAttribute("aria-label", el.dataset.label);
	} else {
		for (const a of ["tabindex", "role", "aria-label"]) el.removeAttribute(a);
	}
}

export function dataBox(text, label, attrs) {
	const box = h("pre", { ...attrs, "data-label": label }, String(text));
	if (!boxWatch) {
		boxWatch = new ResizeObserver((entries) => {
			for (const e of entries) {
				fitBox(e.target);
				if (!e.target.isConnected) boxWatch.unobserve(e.target);
			}
		});
	}
	boxWatch.observe(box);
	return box;
}

// A label + control + hint + error slot, wired with for/aria-describedby.
// Returns { field, control, setError(msg) }.
export function field(labelText, control, hintText) {
	const id = control.id || uid("f");
	control.id = id;
	const hint = hintText ? h("p", { class: "field-hint", id: `${id}-hint` }, hintText) : null;
	const err = h("p", { class: "field-error", id: `${id}-err`, hidden: true });
	const described = [hint && hint.id, err.id].filter(Boolean).join(" ");
	control.setAttribute("aria-describedby", described);
	const wrap = h("div", { class: "field" }, h("label", { for: id }, labelText), control, hint, err);
	const setError = (msg) => {
		err.textContent = msg || "";
		err.hidden = !msg;
		if (msg) control.setAttribute("aria-invalid", "true");
		else control.removeAttribute("aria-invalid");
	};
	// an error is about what was there: once the field is changed, it goes (the next
	// submit checks again)
	const clear = () => {
		if (!err.hidden) setError("");
	};
	control.addEventListener("input", clear);
	control.addEventListener("change", clear);
	return { field: wrap, control, setError };
}

// Previous and next page buttons around "Page k of n", named by label: a click calls
// go(-1) or go(1); show(page, pages) after each load (hidden while there is one page).
export function pager(label, go) {
	const prev = h("button", { type: "button", class: "btn btn-small" }, "Previous page");
	const next = h("button", { type: "button", class: "btn btn-small" }, "Next page");
	const text = h("span", { class: "muted page-text" });
	const nav = h("nav", { class: "pager", "aria-label": label, hidden: true }, prev, text, next);
	prev.addEventListener("click", () => go(-1));
	next.addEventListener("click", () => go(1));
	return {
		nav,
		show(page, pages) {
			text.textContent = `Page ${page} of ${pages}`;
			prev.disabled = page <= 1;
			next.disabled = page >= pages;
			nav.hidden = pages <= 1;
		},
	};
}

// An error box (role=alert) for a failed request or check.
export function errorBox(message) {
	return h("div", { class: "banner banner-error", role: "alert" }, message);
}

// A loading placeholder; screen readers hear it through role=status.
export function loading(text) {
	return h("p", { class: "loading", role: "status" }, spinner(), text);
}

// Mark a button busy while an async action runs: disabled, new label, aria-busy.
export async function busy(button, label, action) {
	const old = button.textContent;
	button.disabled = true;
	button.setAttribute("aria-busy", "true");
	button.textContent = label;
	try {
		return await action();
	} finally {
		button.disabled = false;
		button.removeAttribute("aria-busy");
		button.textContent = old;
	}
}

// The same for a button that must keep the focus while it works (a check
// whose result comes after a while): aria-disabled instead of disabled, and
// its clicks ignored meanwhile (a listener that runs before the others).
export async function busyFocused(button, label, action) {
	const old = button.textContent;
	const ignore = (e) => {
		e.preventDefault();
		e.stopImmediatePropagation();
	};
	button.addEventListener("click", ignore, true);
	button.setAttribute("aria-disabled", "true");
	button.setAttribute("aria-busy", "true");
	button.textContent = label;
	try {
		return await action();
	} finally {
		button.removeEventListener("click", ignore, true);
		button.removeAttribute("aria-disabled");
		button.removeAttribute("aria-busy");
		button.textContent = old;
	}
}

// A modal dialog built on <dialog> (focus trap, Escape and inert background
// come with showModal). Resolves to the value of the button pressed, or null
// on Escape/Cancel. `body` is a node or text; `actions` are
// [{ label, value, kind }]; the first field of the body, else the first button, gets
// the focus, so put the safe choice first.
// `check(value)`, if given, runs before a button other than "cancel" closes
// the dialog; a message it returns is shown and the dialog stays open.
let shownDialog = null;      // the one dialog on screen: a new one, or a navigation, closes it

// Close the dialog on screen, as its Cancel would (the page moves on under it).
export function closeDialogs() {
	if (shownDialog) shownDialog.close();
}

export function dialog({ title, body, actions, check }) {
	closeDialogs();
	const titleId = uid("dlg");
	const bodyId = uid("dlg");
	const buttons = actions.map((a) => h("button", {
		type: "button", class: `btn ${a.kind ? "btn-" + a.kind : ""}`, "data-value": a.value,
	}, a.label));
	const problem = h("p", { class: "field-error", role: "alert", hidden: true });
	const dlg = h("dialog", { class: "dialog", "aria-labelledby": titleId, "aria-describedby": bodyId },
		h("h2", { id: titleId }, title),
		h("div", { id: bodyId, class: "dialog-body" }, body),
		problem,
		h("div", { class: "dialog-actions" }, buttons));
	const opener = document.activeElement;
	document.body.append(dlg);
	return new Promise((resolve) => {
		let result = null;
		for (const b of buttons) {
			b.addEventListener("click", () => {
				const msg = check && b.dataset.value !== "cancel" ? check(b.dataset.value) : null;
				problem.textContent = msg || "";
				problem.hidden = !msg;
				if (msg) return;
				result = b.dataset.value;
				dlg.close();
			});
		}
		// Enter in a text field of the dialog means the main (last) button
		dlg.addEventListener("keydown", (e) => {
			if (e.key === "Enter" && e.target.tagName === "INPUT") {
				e.preventDefault();
				buttons[buttons.length - 1].click();
			}
		});
		dlg.addEventListener("close", () => {
			if (shownDialog === dlg) shownDialog = null;
			dlg.remove();
			// back to where the user was, if that control still exists
			if (opener && opener.isConnected) opener.focus();
			resolve(result);
		});
		dlg.showModal();
		shownDialog = dlg;
		// a field to fill comes first; otherwise the first (safe) button
		(dlg.querySelector(".dialog-body input, .dialog-body select") || buttons[0]).focus();
	});
}

// Yes/no confirmation; resolves true only when the confirm button is pressed.
export async function confirmDialog(title, text, confirmLabel, kind) {
	const v = await dialog({
		title, body: h("p", {}, text),
		actions: [{ label: "Cancel", value: "cancel" }, { label: confirmLabel, value: "ok", kind: kind || "danger" }],
	});
	return v === "ok";
}
