// ui.js - pieces of the recruiter pages' frame: the toast that announces what
// happened, the status badges, read-only code views and file downloads.
import { h, busy } from "../common/dom.js";
import { api } from "./session.js";

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

// a session's status, and a pipeline row's (started, expired) too
const STATUS_LOOK = { invited: "neutral", active: "info", started: "info", completed: "ok", abandoned: "warn", expired: "warn" };

export function statusBadge(status) {
	return h("span", { class: `badge badge-${STATUS_LOOK[status] || "neutral"}`, "data-status": status }, status);
}

// A read-only, syntax-highlighted code view.
export function codeView(parent, language, code, label) {
	return window.CEEditor.create(parent, { language, doc: code, readOnly: true, label });
}

// Download a file the server renders (a CSV, a package) through a temporary
// link to a Blob: the request needs the bearer token, which a plain link
// cannot send. button shows the work.
export async function download(button, path, fallbackName) {
	try {
		const { blob, name } = await busy(button, "Exporting…", () => api.file(path, fallbackName));
		const url = URL.createObjectURL(blob);
		const a = h("a", { href: url, download: name, hidden: true });
		document.body.append(a);
		a.click();
		a.remove();
		// the download has started by the next tick; the URL can go after a while
		setTimeout(() => URL.revokeObjectURL(url), 60000);
		announce(`Downloading ${name}.`);
	} catch (e) {
		announce(e.message, "error");
	}
}
