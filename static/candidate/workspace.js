// workspace.js - the question on screen and what the candidate does with it:
// picking a question, switching language, typing, Run (sample tests and the
// custom input) and Submit (every test, graded), each followed to its end
// with Run and Submit busy meanwhile (one execution per session): they keep
// the focus (aria-disabled, clicks ignored) and the results line, a polite
// live region, says how it ended. Also
// the submit of all code not yet submitted, which the end of the test needs,
// and an execution still under way when the page was opened again.
import { transient, errorMessage } from "../common/api.js";
import { byId, setButton } from "../common/dom.js";
import { createArguments } from "./arguments.js";
import { createEditor } from "./editor.js";
import { createExecutions, progressText } from "./executions.js";

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

function underWay(mode) {
	return mode === "run" ? "Running your code on the sample tests…" : "Submitting: running your code on all tests…";
}

// session, drafts, questions, results, recorder: the modules of those names;
// languages: the catalog; isLocked(): whether the test is read-only.
export function createWorkspace({ session, drafts, questions, results, recorder, languages, isLocked }) {
	const executions = createExecutions({ session, candidateId: session.candidateId() });
	const args = createArguments("ce-custom:" + session.candidateId());
	let editor = null;
	let busy = false;
	let following = null;      // { mode, done }: the execution this page follows, done its outcome's promise

	function renderList() {
		questions.renderList(drafts.current(), (id) => results.has(id) || !!drafts.ownCode(id), (id) => open(id, true));
	}

	function open(id, byUser) {
		if (!questions.has(id)) return;
		const language = drafts.open(id, byUser);
		showCode(id, language);
		questions.renderProblem(id);
		args.show(id, questions.signature(id));
		renderList();
		results.render(id);
		if (byUser) byId("q-title").focus();
	}

	// The editor shows question id's code in language, and the recording follows.
	function showCode(id, language) {
		const code = drafts.codeFor(id, language);
		editor.show(language, code);
		recorder.shown(id, language, code);
	}

	function onEditorChange(text, changes) {
		const id = drafts.current();
		if (isLocked() || !id) return;
		const wasOwn = !!drafts.ownCode(id);
		drafts.setCode(id, text);
		recorder.changed(changes, text);
		if (wasOwn !== !!drafts.ownCode(id)) renderList();
	}

	function switchLanguage(lang) {
		if (isLocked()) return;
		const id = drafts.current();
		drafts.setLanguage(id, lang);
		showCode(id, lang);
		renderList();
	}

	function setBusy(mode) {
		busy = !!mode;
		const run = byId("run-btn");
		const sub = byId("submit-btn");
		setButton(run, mode === "run" ? "Running…" : "Run", mode === "run");
		setButton(sub, mode === "submit" ? "Submitting…" : "Submit", mode === "submit");
		// busy, not disabled: a disabled button would drop the focus to the page
		for (const b of [run, sub]) {
			if (mode) b.setAttribute("aria-disabled", "true");
			else b.removeAttribute("aria-disabled");
		}
		run.disabled = sub.disabled = isLocked();
		byId("results").setAttribute("aria-busy", mode ? "true" : "false");
	}

	/* What an execution of question id (rec: mode, language) ended in, on
	 * screen and in the question's record. */
	function show(id, rec, outcome) {
		switch (outcome.end) {
		case "done":
			results.set(id, { mode: rec.mode, language: rec.language, data: outcome.result });
			if (rec.mode === "submit") {
				questions.recordSubmission(id, outcome.result);
				questions.refresh().then((ok) => {
					if (ok) renderList();
				});
			}
			if (id === drafts.current()) results.render(id, true);
			renderList();
			break;
		case "failed":
			if (rec.mode === "submit") drafts.clearSubmitted(id);
			results.note(id, rec.mode === "run"
				? "Your run could not be completed: the code runner failed. Your code is saved; run it again."
				: "Your submission could not be judged: the code runner failed. Your code is saved; submit it again.",
			"text-error");
			break;
		case "refused":
			results.note(id, isLocked() && outcome.res.status === 409 ? null : executeError(outcome.res), "text-error");
			break;
		case "stopped":
			// another tab took the session over (or it ended): this page no longer follows
			results.note(id, "This page stopped following your " + (rec.mode === "run" ? "run" : "submission") +
				": the test was opened in another tab, or has ended. Its result shows there; reload this page to continue here.",
			"text-error");
			break;
		default:   // cancelled (a submit took its place), gone
			results.note(id, null);
		}
	}

	/* Follow an execution to its end with Run and Submit disabled; start()
	 * sends it or picks it up, given the hooks of executions.js. */
	async function track(id, rec, start) {
		setBusy(rec.mode);
		results.note(id, underWay(rec.mode), "muted");
		const done = start({ view: (v) => results.note(id, progressText(v), "muted") });
		following = { mode: rec.mode, done };
		const outcome = await done;
		if (following && following.done === done) following = null;
		setBusy(null);
		show(id, rec, outcome);
		return outcome;
	}

	/* Run or submit question id's code (body: a POST /proxy/execute body). */
	function perform(id, body, persist) {
		return track(id, { mode: body.mode, language: body.language }, (hooks) => executions.run(body, {
			...hooks,
			persist,
			// stored is submitted, even if this page closes before it is judged
			accepted: () => {
				if (body.mode === "submit") drafts.markSubmitted(id, body.language, body.code);
			},
		}));
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
		const body = { language, code, question_id: id, mode };
		if (mode === "run" && questions.signature(id)) {
			// a function's arguments, checked here before they go
			const a = args.read();
			if (a.error) {
				results.status(a.error, "text-error");
				return;
			}
			if (a.json) body.custom_input = a.json;
		} else if (mode === "run") {
			const custom = byId("custom-input").value;
			if (custom !== "") body.custom_input = custom;
		}
		drafts.save();
		await perform(id, body, false);
	}

	/* An execution stored by an earlier page of this session: show it to its end. */
	function resume() {
		const rec = executions.stored();
		if (!rec || !questions.has(rec.question)) return;
		track(rec.question, rec, (hooks) => executions.follow(rec, hooks.view));
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
			editor = createEditor({ languages, onChange: onEditorChange, onLanguage: switchLanguage,
				onPaste: (text) => recorder.pasted(text) });
			byId("run-btn").addEventListener("click", () => execute("run"));
			byId("submit-btn").addEventListener("click", () => execute("submit"));
			renderList();
			open(drafts.current(), false);
			resume();
		},

		setReadOnly(readOnly) {
			if (editor) editor.setReadOnly(readOnly);
		},

		// The starter code of the question and language on screen, as an edit.
		resetToStarter() {
			const id = drafts.current();
			if (!editor || isLocked() || !id) return;
			editor.replace(questions.starter(id, drafts.draftFor(id).language));
		},

		pendingCount: () => unsubmitted().length,

		// Submit every question whose latest code has not been submitted yet,
		// one after the other (a session runs one execution at a time), each
		// followed to its end. A submit under way finishes first; a run under
		// way is replaced or waited out.
		async submitPending() {
			if (following && following.mode === "submit") await following.done;
			for (const p of unsubmitted())
				await perform(p.id, { language: p.language, code: p.code, question_id: p.id, mode: "submit" }, true);
		},
	};
}
