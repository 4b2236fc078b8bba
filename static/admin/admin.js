// admin.js - the recruiter pages: sign-in, the hash router (#/questions,
// #/candidates/<id>, #/jobs/<id>, ...) and the frame around the views, which
// shows each account the sections and actions of its role.
import { h, field, errorBox, busy, confirmDialog, closeDialogs } from "../common/dom.js";
import { api, session, onUnauthorized, currentAccount, mayWrite, isOwner } from "./session.js";
import { announce } from "./ui.js";
import { questionsView } from "./questions.js";
import { questionFormView } from "./question-form.js";
import { candidatesView, newCandidateView } from "./candidates.js";
import { reportView } from "./report.js";
import { bulkInviteView } from "./bulk-invite.js";
import { accountsView } from "./accounts.js";
import { jobsView, jobFormView, jobView } from "./jobs.js";
import { testView } from "./test-editor.js";

const ROUTES = [
	{ re: /^\/questions$/, nav: "questions", view: questionsView },
	{ re: /^\/questions\/new$/, nav: "questions", view: (ctx) => questionFormView(ctx, null), write: true },
	{ re: /^\/questions\/([\w-]+)$/, nav: "questions", view: questionFormView },
	{ re: /^\/candidates$/, nav: "candidates", view: candidatesView },
	{ re: /^\/candidates\/new$/, nav: "candidates", view: newCandidateView, write: true },
	{ re: /^\/candidates\/bulk$/, nav: "candidates", view: bulkInviteView, write: true },
	{ re: /^\/candidates\/([\w-]+)$/, nav: "candidates", view: reportView },
	{ re: /^\/jobs$/, nav: "jobs", view: jobsView },
	{ re: /^\/jobs\/new$/, nav: "jobs", view: (ctx) => jobFormView(ctx, null), write: true },
	{ re: /^\/jobs\/(\d+)$/, nav: "jobs", view: jobView },
	{ re: /^\/jobs\/(\d+)\/edit$/, nav: "jobs", view: jobFormView, write: true },
	{ re: /^\/jobs\/(\d+)\/tests\/new$/, nav: "jobs", view: (ctx, job) => testView(ctx, null, job), write: true },
	{ re: /^\/jobs\/(\d+)\/candidates\/([\w-]+)$/, nav: "jobs", view: (ctx, job, id) => reportView(ctx, id, job) },
	{ re: /^\/tests\/(\d+)$/, nav: "jobs", view: testView },
	{ re: /^\/accounts$/, nav: "accounts", view: accountsView, owner: true },
];

const main = document.getElementById("main");
const topbar = document.getElementById("topbar");
let current = null;        // the view on screen: { alive, cleanups, dirty }
let shownHash = "";        // the hash of that view, to go back to when leaving is cancelled

function leaveView() {
	if (!current) return;
	current.alive = false;
	for (const fn of current.cleanups) fn();
	current = null;
}

// What a view gets: its root element, the signed-in account and hooks into the frame.
function viewContext(root, me) {
	const ctx = {
		root,
		me,
		// reviewers read; the pages leave out what they may not do
		mayWrite: mayWrite(me),
		alive: true,
		cleanups: [],
		dirty: null,
		title(text) {
			document.title = `${text} · Recruiter · Coding Engine`;
		},
		onLeave(fn) {
			ctx.cleanups.push(fn);
		},
		// a function telling whether leaving would lose edits
		guardUnsaved(fn) {
			ctx.dirty = fn;
		},
		go(hash) {
			location.hash = hash;
		},
		// a new address for the same view (a new question got its id): no re-render
		replaceHash(hash) {
			history.replaceState(null, "", hash);
			shownHash = location.hash;
		},
	};
	return ctx;
}

function markNav(section) {
	for (const a of topbar.querySelectorAll("[data-nav]")) {
		if (a.dataset.nav === section) a.setAttribute("aria-current", "page");
		else a.removeAttribute("aria-current");
	}
}

// The sections of the bar that the account's role may open.
function showNav(me) {
	for (const li of topbar.querySelectorAll("[data-role=owner]")) li.hidden = !isOwner(me);
}

async function render() {
	if (!session.token()) {
		showLogin();
		return;
	}
	let me;
	try {
		me = await currentAccount();
	} catch (e) {
		// a 401 has shown the sign-in already
		if (e.status !== 401) main.replaceChildren(errorBox(e.message));
		return;
	}
	// another render started while this one waited
	if (!session.token()) return;
	const path = location.hash.replace(/^#/, "") || "/questions";
	let route = null;
	let params = [];
	for (const r of ROUTES) {
		const m = r.re.exec(path);
		if (m) {
			route = r;
			params = m.slice(1);
			break;
		}
	}
	if (!route || (route.owner && !isOwner(me))) {
		location.replace("#/questions");
		return;
	}
	// a form the account may not use: the list it belongs to
	if (route.write && !mayWrite(me)) {
		location.replace(`#/${route.nav}`);
		return;
	}
	leaveView();
	topbar.hidden = false;
	document.getElementById("user-name").textContent = session.user();
	document.getElementById("user-role").textContent = me.role;
	showNav(me);
	markNav(route.nav);
	const root = h("div", { class: "view" });
	main.replaceChildren(root);
	current = viewContext(root, me);
	shownHash = location.hash;
	const ctx = current;
	const done = route.view(ctx, ...params);
	// views put their heading up before they load anything; start reading there
	const heading = root.querySelector("h1");
	if (heading) {
		heading.tabIndex = -1;
		heading.focus();
	}
	// a view that fails to load: its spinner gives way to what went wrong
	Promise.resolve(done).catch((e) => {
		if (!ctx.alive || e.status === 401) return;
		for (const l of root.querySelectorAll(".loading")) l.remove();
		root.append(errorBox(e.message));
	});
}

async function onHashChange() {
	if (location.hash === shownHash) return;
	// a dialog belongs to the page it was opened on
	closeDialogs();
	if (current && current.dirty && current.dirty()) {
		const target = location.hash;
		// stay on the form while asking; replaceState does not fire hashchange
		history.replaceState(null, "", shownHash);
		const leave = await confirmDialog("Leave without saving?",
			"Your changes on this page are not saved. Leave the page and lose them?",
			"Leave without saving");
		if (!leave) return;
		current.dirty = null;
		history.pushState(null, "", target);
	}
	render();
}

// The username and password fields with a submit button; onDone runs after a good sign-in.
function signInFields(onDone, submitClass) {
	const user = h("input", { type: "text", name: "username", autocomplete: "username", required: true,
		autocapitalize: "none", spellcheck: "false", value: session.user() });
	const pass = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true });
	const submit = h("button", { type: "submit", class: `btn btn-primary ${submitClass || ""}` }, "Sign in");
	const status = h("div", { class: "login-status" });
	async function onSubmit(e) {
		e.preventDefault();
		if (!user.value.trim() || !pass.value) {
			status.replaceChildren(errorBox("Enter your username and password."));
			(user.value.trim() ? pass : user).focus();
			return;
		}
		try {
			const r = await busy(submit, "Signing in…", () => api.login(user.value.trim(), pass.value));
			session.set(r.token, r.username || user.value.trim());
			onDone();
		} catch (err) {
			const msg = err.code === "invalid_credentials"
				? "Wrong username or password. Check them (the password is case-sensitive) and try again."
				: err.message;
			status.replaceChildren(errorBox(msg));
			pass.select();
			pass.focus();
		}
	}
	return { user, pass, submit, status, onSubmit, fields: [field("Username", user).field, field("Password", pass).field] };
}

function showLogin(notice) {
	leaveView();
	topbar.hidden = true;
	shownHash = location.hash;
	document.title = "Sign in · Recruiter · Coding Engine";
	const f = signInFields(render, "btn-block");
	if (notice) f.status.append(h("p", { class: "banner banner-info", role: "status" }, notice));
	const form = h("form", { class: "login-card", "aria-labelledby": "login-title", novalidate: true },
		h("h1", { id: "login-title" }, "Recruiter sign-in"),
		h("p", { class: "muted" }, "Coding Engine: question bank, candidates and reports."),
		f.status, f.fields, f.submit);
	form.addEventListener("submit", f.onSubmit);
	main.replaceChildren(h("div", { class: "login-page" }, form));
	(f.user.value ? f.pass : f.user).focus();
}

// An account's invitation or reset link (/admin/?account=TOKEN): the user sets
// their password, then signs in. The token leaves the address bar either way.
function showSetPassword(token) {
	leaveView();
	topbar.hidden = true;
	document.title = "Set your password · Recruiter · Coding Engine";
	history.replaceState(null, "", location.pathname + "#/questions");
	const pass = h("input", { type: "password", name: "new-password", autocomplete: "new-password", required: true });
	const again = h("input", { type: "password", name: "confirm-password", autocomplete: "new-password", required: true });
	const submit = h("button", { type: "submit", class: "btn btn-primary btn-block" }, "Set password");
	const status = h("div", { class: "login-status" });
	const form = h("form", { class: "login-card", "aria-labelledby": "setpw-title", novalidate: true },
		h("h1", { id: "setpw-title" }, "Set your password"),
		h("p", { class: "muted" }, "Choose the password you will sign in with. This link works once."),
		status, field("New password", pass).field, field("New password again", again).field, submit);
	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		if (!pass.value) {
			status.replaceChildren(errorBox("Enter a password."));
			pass.focus();
			return;
		}
		if (pass.value !== again.value) {
			status.replaceChildren(errorBox("The two passwords differ. Type the same password twice."));
			again.select();
			again.focus();
			return;
		}
		try {
			await busy(submit, "Saving…", () => api.post("/api/admin/accounts/password", { token, password: pass.value }));
			showLogin("Your password is set. Sign in with it.");
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
		}
	});
	main.replaceChildren(h("div", { class: "login-page" }, form));
	pass.focus();
}

// The sign-in ran out while a form holds unsaved edits: sign in over the form
// rather than leave it, and let the user save again.
function signInAgain() {
	if (document.getElementById("reauth")) return;
	const leave = h("button", { type: "button", class: "btn" }, "Leave without saving");
	const f = signInFields(() => {
		dlg.close();
		announce("Signed in again. Save your changes now.");
	});
	const form = h("form", { novalidate: true },
		h("h2", { id: "reauth-title" }, "Sign in again"),
		h("p", {}, "Your sign-in has expired. Sign in to keep your unsaved changes, then save them again."),
		f.status, f.fields, h("div", { class: "dialog-actions" }, leave, f.submit));
	const dlg = h("dialog", { id: "reauth", class: "dialog", "aria-labelledby": "reauth-title" }, form);
	form.addEventListener("submit", f.onSubmit);
	// Escape would leave the form with no way to save; the choice is explicit
	dlg.addEventListener("cancel", (e) => e.preventDefault());
	dlg.addEventListener("close", () => dlg.remove());
	leave.addEventListener("click", () => {
		dlg.close();
		showLogin("Your sign-in has expired. Sign in again to continue.");
	});
	document.body.append(dlg);
	dlg.showModal();
	(f.user.value ? f.pass : f.user).focus();
}

async function signOut() {
	try {
		await api.post("/api/admin/logout");
	} catch (e) {
		// the token is dropped here either way; an expired one needs no logout
	}
	session.clear();
	history.replaceState(null, "", "#/questions");
	showLogin("You have signed out.");
	announce("Signed out");
}

onUnauthorized(() => {
	if (current && current.dirty && current.dirty()) signInAgain();
	else showLogin("Your sign-in has expired. Sign in again to continue.");
});

document.getElementById("logout").addEventListener("click", async () => {
	if (current && current.dirty && current.dirty() && !(await confirmDialog("Sign out without saving?",
		"Your changes on this page are not saved. Sign out and lose them?", "Sign out"))) return;
	signOut();
});

// the skip link moves focus; as a plain link it would change the route
document.getElementById("skip-link").addEventListener("click", (e) => {
	e.preventDefault();
	main.focus();
});

window.addEventListener("hashchange", onHashChange);
window.addEventListener("beforeunload", (e) => {
	if (current && current.dirty && current.dirty()) e.preventDefault();
});

{
	const accountToken = new URLSearchParams(location.search).get("account");

	if (accountToken) showSetPassword(accountToken);
	else render();
}
