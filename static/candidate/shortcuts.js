// shortcuts.js - the keyboard shortcuts of the workspace, inside the editor and
// outside it: Ctrl+Enter (Cmd+Enter on a Mac) runs, Ctrl+Shift+Enter submits,
// Ctrl+S saves the draft now instead of the browser's "Save page". Run and
// Submit show theirs (data-keys, drawn by base.css) and tell assistive
// technology (aria-keyshortcuts). A shortcut presses the button itself, so it
// does exactly what a click does, and nothing while the button is unavailable.
import { byId } from "../common/dom.js";
import { announce } from "./views.js";

const MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const MOD = MAC ? "Cmd" : "Ctrl";
// short, to fit the toolbar; the title says it in words
const RUN_KEYS = MAC ? "⌘↵" : "Ctrl+↵";
const SUBMIT_KEYS = MAC ? "⌘⇧↵" : "Ctrl+⇧+↵";

// save(): resolves true once the server holds the drafts; isLocked(): read-only.
export function installShortcuts({ save, isLocked }) {
	const run = byId("run-btn");
	const submit = byId("submit-btn");
	run.dataset.keys = RUN_KEYS;
	run.title = "Run (" + MOD + "+Enter)";
	run.setAttribute("aria-keyshortcuts", "Control+Enter Meta+Enter");
	submit.dataset.keys = SUBMIT_KEYS;
	submit.title = "Submit (" + MOD + "+Shift+Enter)";
	submit.setAttribute("aria-keyshortcuts", "Control+Shift+Enter Meta+Shift+Enter");

	// capture, before the editor or a text field sees the key
	window.addEventListener("keydown", (e) => {
		if (!(e.ctrlKey || e.metaKey) || e.altKey || byId("view-test").hidden) return;
		if (document.querySelector("dialog[open]")) return;   // a dialog's keys are its own
		const enter = e.key === "Enter";
		const s = e.key === "s" || e.key === "S";
		if (!enter && !s) return;
		if (s && e.shiftKey) return;
		e.preventDefault();
		e.stopPropagation();
		if (e.repeat) return;
		if (enter) {
			(e.shiftKey ? submit : run).click();
		} else if (!isLocked()) {
			save().then((ok) => announce(ok ? "Draft saved." : "The draft could not be saved now; it is kept in this browser."));
		}
	}, true);
}
