// main.js - the candidate's test page, /test/?invite=<token> (the page itself
// is static/test/index.html).
//
// Flow: the invitation link shows a preview and a Start button; starting (or
// resuming an open session) gives a session token kept in sessionStorage, so
// a reload resumes in the same tab. The workspace lists the questions, shows
// one with its sample tests, and holds one editor whose text is kept per
// question and per language (drafts.js).
//
// Each module keeps its own state and is handed what it needs here:
// session.js the tokens and the calls, connection.js a lost connection,
// clock.js the countdown, drafts.js the code, questions.js the list and the
// statements, results.js what Run and Submit gave, executions.js a run or
// submit followed to its end, workspace.js the question on screen with its
// editor, ending.js the lock and every way the test ends.
//
// The test names the languages it allows (test.languages of the invitation,
// the start and the session; all of them for a candidate invited to no test):
// the preview lists them and the workspace offers only them, the first one for
// a new draft. Each answer's list replaces the one before, so a reload knows it
// as the start did.
import { errorMessage, transient } from "../common/api.js";
import { byId } from "../common/dom.js";
import { loadLanguages } from "../common/languages.js";
import { createClock } from "./clock.js";
import { createConnection } from "./connection.js";
import { createDrafts } from "./drafts.js";
import { createRecorder } from "./recorder.js";
import { createEnding } from "./ending.js";
import { createQuestions } from "./questions.js";
import { createResults } from "./results.js";
import { createSession } from "./session.js";
import { installSettings } from "./settings.js";
import { installShortcuts } from "./shortcuts.js";
import { mountPanes } from "./splitter.js";
import * as views from "./views.js";
import { createWorkspace } from "./workspace.js";

const TICK_MS = 500;

const link = /[?&]invite=([0-9a-f]{64})(?:&|$)/.exec(location.search);
const session = createSession(link ? link[1] : "");
let languages = null;      // the catalog, once loaded
let allowed = null;        // the part of it the test allows
let opened = false;        // the workspace is up

function boot() {
	views.showView("view-loading");
	Promise.all([loadLanguages().catch(() => null), session.invitation()])
		.then(([langs, res]) => openInvitation(langs, res));
}

async function openInvitation(langs, res) {
	if (transient(res)) return views.showUnreachable(boot);
	if (res.status !== 200) return views.showInvalidInvitation();
	if (!langs) return views.showUnreachable(boot);
	languages = langs;
	const inv = res.json.invitation;
	allowTest(inv.test);
	session.setCandidate(inv.candidate_id);
	byId("who").textContent = inv.name || "";
	const resumed = await session.resume();
	if (resumed) return enterTest(resumed.session, resumed.test);
	if (!inv.session_status) return views.showPreview(inv, allowed);
	if (inv.session_status === "active") return startSession();
	return views.showFinishedMessage(inv.session_status);
}

// Start test stays focused while it works (aria-disabled, a second press is
// ignored); once the test opens, the focus goes to the question's heading.
async function startSession() {
	const btn = byId("start-btn");
	if (btn.getAttribute("aria-disabled") === "true") return;
	btn.setAttribute("aria-disabled", "true");
	btn.textContent = "Starting…";
	byId("start-error").textContent = "";
	const res = await session.start();
	btn.removeAttribute("aria-disabled");
	btn.textContent = "Start test";
	if (res.status === 200) return enterTest(res.json.session, res.json.test, true);
	if (res.status === 409) return views.showFinishedMessage("completed");
	if (res.status === 401) return views.showInvalidInvitation();
	const why = transient(res) ? "Could not reach the server. Check your connection and try again."
		: "The test could not start (" + (errorMessage(res) || "error " + res.status) + "). Try again in a moment.";
	if (views.currentView() === "view-preview") byId("start-error").textContent = why;
	else views.showUnreachable(boot);
}

// test: what an answer said of the test; without its languages, what was
// known before stands (all languages at first).
function allowTest(test) {
	if (test && Array.isArray(test.languages)) allowed = languages.only(test.languages);
	else if (!allowed) allowed = languages;
}

// The modules of the workspace, wired to one another. The closures reach
// modules made further down; none of them is called before all exist.
function openWorkspace(questions) {
	const isLocked = () => ending.isLocked();
	const connection = createConnection({
		probe: () => session.heartbeat(),
		onChange: () => drafts.renderStatus(),
		onRestored: () => drafts.saveIfDirty(),
	});
	// results name the language of any earlier run; drafts and the editor keep to the test's
	const results = createResults(languages, "ce-results:" + session.candidateId());
	// the editor's changes and the integrity signals go with the draft saves
	const recorder = createRecorder({ onRecord: () => drafts.touch() });
	const drafts = createDrafts({
		candidateId: session.candidateId(), questions, languages: allowed, isLocked, isOffline: connection.isDown,
		upload: async (d) => {
			const batch = recorder.take();
			const res = await session.call("PUT", session.path("progress"), { pending_answers: d, ...batch });
			if (batch && res.status !== 200 && res.status !== 400) recorder.putBack(batch);
			if (res.status === 200 && res.json && res.json.recording === "full") recorder.stop();
			return res;
		},
	});
	const workspace = createWorkspace({ session, drafts, questions, results, recorder, languages: allowed, isLocked });
	const clock = createClock({ onTimeUp: () => ending.timeUp() });
	const ending = createEnding({ session, drafts, workspace, clock, connection });
	session.watch({
		lost: connection.lost,
		restored: connection.restored,
		revoked: ending.tokenRevoked,
		over: ending.sessionOver,
		remaining: (s) => clock.sync(s),
		isLocked,
		unload: drafts.unload,
	});
	return { connection, drafts, workspace, clock, ending };
}

// started: by the Start button (the focus moves into the test).
async function enterTest(s, test, started) {
	allowTest(test);
	views.showView("view-loading");
	const questions = createQuestions(session);
	if (!(await questions.load())) return views.showUnreachable(boot);
	if (opened) return;
	opened = true;
	views.showView("view-test");
	mountPanes();
	byId("session-bar").hidden = false;
	document.title = "Coding test";
	const t = openWorkspace(questions);
	t.clock.sync(s.remaining_seconds, true);
	t.drafts.restore(s.pending_answers);
	t.workspace.mount();
	installShortcuts({ save: t.drafts.saveNow, isLocked: t.ending.isLocked });
	installSettings({ isLocked: t.ending.isLocked, reset: t.workspace.resetToStarter });
	if (started) byId("q-title").focus();
	if (s.status === "active") {
		session.startSignals();
		session.heartbeat();
	} else {
		t.ending.lockFinished(s.status, s.completion_method);
	}
	const tick = () => {
		t.connection.render();
		t.clock.tick(t.ending.phase());
	};
	tick();
	setInterval(tick, TICK_MS);
}

byId("start-btn").addEventListener("click", startSession);

if (link) boot();
else views.showNoInvitation();
