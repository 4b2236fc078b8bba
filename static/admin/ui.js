// ui.js - pieces of the recruiter pages' frame: the toast that announces what
// happened, the session status badge and read-only code views.
import { h } from "../common/dom.js";

// Show a short message in the page's polite live region, then clear it.
let toastTimer = 0;
export function announce(message, kind) {
	const box = document.getElementById("toast");
	// the region stays in the page (an unhidden region may not be read out); empty, it has no box
	box.textContent = message;
	box.className = `toast toast-${kind || "ok"}`;
	clearTimeout(toastTimer);
	toastTimer = setTimeout(() => { box.textContent = ""; }, 6000);
}

const STATUS_LOOK = { invited: "neutral", active: "info", completed: "ok", abandoned: "warn" };

export function statusBadge(status) {
	return h("span", { class: `badge badge-${STATUS_LOOK[status] || "neutral"}`, "data-status": status }, status);
}

// A read-only, syntax-highlighted code view.
export function codeView(parent, language, code, label) {
	return window.CEEditor.create(parent, { language, doc: code, readOnly: true, label });
}
