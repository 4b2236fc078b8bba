// workspace.js - the question on screen and what the candidate does with it:
// picking a question, switching language, typing, Run (sample tests and the
// custom input) and Submit (every test, graded). Also the submit of all code
// not yet submitted, which the end of the test needs.
import { transient, errorMessage } from "../common/api.js";
import { byId, setButton } from "../common/dom.js";
import { createEditor } from "./editor.js";

function executeError(res) {
	if (transient(res)) return "Could not reach the server. Your code is saved in this browser; run it again once the connection is back.";
	switch (res.status) {
	case 503: return "The code runner is busy or restarting. Wait a few seconds, then try again.";
	case 429: return "Too many runs in a short time. Wait a few seconds, then try again.";
	case 413: return "Your code or input is too large. Make it smaller and try again.";
	case 401: case 409: return "The test session is no longer open; see the message at the top of the page.";
	default: return "The server did not accept this run: " + (errorMessage(res) || "error " + res.status) + ".";
	}
}

// session, drafts, questions, results: the modules of those names;
// languages: the catalog; isLocked(): whether the test is read-only.
export function createWorkspace({ session, drafts, questions, results, languages, isLocked }) {
	let editor = null;
	let busy = false;

	function renderList() {
		questions.renderList(drafts.current(), (id) => results.has(id) || !!drafts.ownCode(id), (id) => open(id, true));
	}

	function open(id, byUser) {
		if (!questions.has(id)) return;
		const language = drafts.open(id, byUser);
		editor.show(language, drafts.codeFor(id, language));
		questions.renderProblem(id);
		renderList();
		results.render(id);
		if (byUser) byId("q-title").focus();
	}

	function onEditorChange(text) {
		const id = drafts.current();
		if (isLocked() || !id) return;
		const wasOwn = !!drafts.ownCode(id);
		drafts.setCode(id, text);
		if (wasOwn !== !!drafts.ownCode(id)) renderList();
	}

	function switchLanguage(lang) {
		if (isLocked()) return;
		const id = drafts.current();
		drafts.setLanguage(id, lang);
		editor.show(lang, drafts.codeFor(id, lang));
		renderList();
	}

	function setBusy(mode) {
		busy = !!mode;
		const run = byId("run-btn");
		const sub = byId("submit-btn");
		setButton(run, mode === "run" ? "Running…" : "Run", mode === "run");
		setButton(sub, mode === "submit" ? "Submitting…" : "Submit", mode === "submit");
		run.disabled = sub.disabled = !!mode || isLocked();
		byId("results").setAttribute("aria-busy", mode ? "true" : "false");
	}

	/* POST /proxy/execute and record the outcome; shared by Run, Submit and
	 * the automatic submit at the end. */
	async function runOnServer(id, body) {
		const res = await session.call("POST", "/proxy/execute", body);
		if (res.status !== 200) return res;
		results.set(id, { mode: body.mode, language: body.language, data: res.json });
		if (body.mode === "submit") {
			drafts.markSubmitted(id, body.language, body.code);
			questions.recordSubmission(id, res.json);
			questions.refresh().then((ok) => {
				if (ok) renderList();
			});
		}
		if (id === drafts.current()) results.render(id, true);
		renderList();
		return res;
	}

	async function execute(mode) {
		const id = drafts.current();
		if (busy || isLocked() || !id) return;
		const language = drafts.draftFor(id).language;
		const code = editor.getValue();
		if (!code.trim()) {
			results.status("Write some code first, then run it.", "text-error");
			return;
		}
		setBusy(mode);
		results.status(mode === "run" ? "Running your code on the sample tests…"
			: "Submitting: running your code on all tests…");
		drafts.save();
		const body = { language, code, question_id: id, mode };
		const custom = byId("custom-input").value;
		if (mode === "run" && custom !== "") body.custom_input = custom;
		const res = await runOnServer(id, body);
		setBusy(null);
		if (res.status === 200 || isLocked()) return;
		results.status(executeError(res), "text-error");
	}

	// The questions whose latest code has not been submitted.
	function unsubmitted() {
		return drafts.unsubmitted(questions.ids());
	}

	return {
		setBusy,

		// Build the editor and wire Run and Submit, then show the question the
		// drafts were on.
		mount() {
			editor = createEditor({ languages, onChange: onEditorChange, onLanguage: switchLanguage });
			byId("run-btn").addEventListener("click", () => execute("run"));
			byId("submit-btn").addEventListener("click", () => execute("submit"));
			renderList();
			open(drafts.current(), false);
		},

		setReadOnly(readOnly) {
			if (editor) editor.setReadOnly(readOnly);
		},

		pendingCount: () => unsubmitted().length,

		// Submit every question whose latest code has not been submitted yet.
		submitPending() {
			return Promise.all(unsubmitted().map((p) =>
				runOnServer(p.id, { language: p.language, code: p.code, question_id: p.id, mode: "submit" })));
		},
	};
}
