// views.js - the views of the candidate's page (loading, a full-page message,
// the preview, the workspace), its banners, and the announcer that reads
// warnings and changes of state out to screen readers.
import { byId, h, setChildren } from "../common/dom.js";
import { fmtMinutes } from "../common/format.js";
import { renderHowTo } from "./howto.js";

const VIEWS = ["view-loading", "view-message", "view-preview", "view-test"];

let shown = "view-loading";
let retryAction = null;

// The message view's "Try again" runs whatever the message was shown with.
byId("msg-retry").addEventListener("click", () => {
	if (retryAction) retryAction();
});

export function showView(name) {
	shown = name;
	for (const id of VIEWS) byId(id).hidden = id !== name;
	document.body.classList.toggle("in-test", name === "view-test");
}

export function currentView() {
	return shown;
}

// Screen readers hear this once; clearing first makes a repeated message
// count as a change.
export function announce(text) {
	const a = byId("announcer");
	a.textContent = "";
	setTimeout(() => { a.textContent = text; }, 50);
}

// A banner of the page; no text hides it.
export function setBanner(id, cls, text) {
	const b = byId(id);
	b.className = "banner " + cls;
	b.textContent = text;
	b.hidden = !text;
}

function focusHeading(id) {
	const t = byId(id);
	t.setAttribute("tabindex", "-1");
	t.focus();
}

// A full-page message. body: array of paragraphs. retry: optional function.
export function showMessage(title, body, retry) {
	showView("view-message");
	byId("msg-title").textContent = title;
	setChildren(byId("msg-body"), body.map((p) => h("p", {}, p)));
	byId("msg-actions").hidden = !retry;
	retryAction = retry || null;
	document.title = title + " - Coding test";
	focusHeading("msg-title");
}

export function showNoInvitation() {
	showMessage("This page needs your invitation link", [
		"Open the link from your invitation email; it ends with “?invite=” and a long code.",
		"If the link does not work, ask the recruiter who invited you to send a new one.",
	]);
}

export function showUnreachable(retry) {
	showMessage("Cannot reach the test server", [
		"Check your internet connection, then press Try again.",
		"If this keeps happening, contact the recruiter who invited you.",
	], retry);
}

export function showInvalidInvitation() {
	showMessage("This invitation link is not valid", [
		"Check that you opened the whole link from your invitation email.",
		"If it still does not work, ask the recruiter who invited you to send a new one.",
	]);
}

export function showFinishedMessage(status) {
	const title = status === "abandoned" ? "This test was closed" : "This test is finished";
	const text = status === "abandoned"
		? "The test was left without a connection for too long and has been closed. Your saved code was kept. Contact the recruiter if you think this is a mistake."
		: "Your answers have been recorded. Thank you! The recruiter will get back to you.";
	showMessage(title, [text, "You can close this tab."]);
}

// inv: the invitation (POST /api/invitation), with its test's instructions;
// langs: the catalog of the languages the test allows.
export function showPreview(inv, langs) {
	showView("view-preview");
	byId("pv-name").textContent = inv.name ? ", " + inv.name : "";
	const n = inv.question_count;
	byId("pv-count").textContent = n + (n === 1 ? " question" : " questions");
	byId("pv-duration").textContent = fmtMinutes(inv.test_duration_minutes);
	byId("pv-langs").textContent = langs.list.map((l) => l.name).join(", ");
	const text = (inv.test && typeof inv.test.instructions === "string") ? inv.test.instructions.trim() : "";
	// the author's text: through the safe renderer (no HTML), or as plain text without it
	setChildren(byId("pv-instructions"), text ? (window.CEMarkdown ? window.CEMarkdown.render(text) : h("p", {}, text)) : null);
	byId("pv-instructions-box").hidden = !text;
	renderHowTo(byId("pv-howto-langs"), langs);
	focusHeading("pv-title");
}
