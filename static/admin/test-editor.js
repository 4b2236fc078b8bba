// test-editor.js - a test of a job: its questions in order with their points,
// the duration, the allowed languages, the instructions and the window when
// links work. Saving a test that a candidate has started makes a new version
// on the server; the page says which version is current. Below the form, the
// invitations to the test (invite.js).
import { idPath } from "../common/api.js";
import { h, field, loading, errorBox, busy, uid, setChildren } from "../common/dom.js";
import { fmtScore } from "../common/format.js";
import { loadLanguages } from "../common/languages.js";
import { api } from "./session.js";
import { announce } from "./ui.js";
import { difficultyBadge } from "./questions.js";
import { inviteSection } from "./invite.js";

const MAX_QUESTIONS = 50;

// ISO time -> the value of a datetime-local input, in the browser's time zone
function localInput(iso) {
	if (!iso) return "";
	const d = new Date(iso);
	const pad = (n) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// a datetime-local value (local time) -> ISO 8601 with its offset, or null when empty
function isoOf(value) {
	return value ? new Date(value).toISOString() : null;
}

// The questions of the test in order: move up and down, remove, points each; add from
// the bank (bank null: the account only reads the test).
function questionList(bank, initial, onChange) {
	const rows = [];       // { q, tr, points, up, down, del }
	const tbody = h("tbody");
	const table = h("table", { class: "table test-questions" },
		h("caption", { class: "visually-hidden" }, "Questions of the test, in order"),
		h("thead", {}, h("tr", {},
			h("th", { scope: "col", class: "num" }, "#"),
			h("th", { scope: "col" }, "Question"),
			h("th", { scope: "col" }, "Points"),
			h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
		tbody);
	const empty = h("p", { class: "field-hint" }, "No questions yet: add one from the bank below.");
	const pick = h("select", {});
	const add = h("button", { type: "button", class: "btn" }, "Add question");
	const err = h("p", { class: "field-error", role: "alert", hidden: true });

	function refill() {
		const used = new Set(rows.map((r) => r.q.id));
		const free = (bank || []).filter((q) => !used.has(q.id));
		setChildren(pick, h("option", { value: "" }, free.length ? "Choose a question…" : "Every question of the bank is in the test"),
			free.map((q) => h("option", { value: q.id }, `${q.number}. ${q.title} (${q.difficulty})`)));
		add.disabled = !free.length || rows.length >= MAX_QUESTIONS;
	}

	function refresh() {
		rows.forEach((r, i) => {
			r.n.textContent = i + 1;
			r.up.disabled = i === 0;
			r.down.disabled = i === rows.length - 1;
		});
		table.hidden = !rows.length;
		empty.hidden = !!rows.length;
		refill();
	}

	function move(r, by) {
		const i = rows.indexOf(r);
		const j = i + by;
		if (j < 0 || j >= rows.length) return;
		rows.splice(i, 1);
		rows.splice(j, 0, r);
		tbody.replaceChildren(...rows.map((x) => x.tr));
		refresh();
		onChange();
		announce(`${r.q.title} moved to position ${j + 1}.`);
		const again = by < 0 ? r.up : r.down;
		(again.disabled ? (by < 0 ? r.down : r.up) : again).focus();
	}

	function addRow(q, points) {
		// the bank's list does not carry a question's maximum; a saved test does
		const own = q.max_score === undefined || q.max_score === null ? "" : fmtScore(q.max_score);
		const pts = h("input", { type: "number", min: 0.001, max: 10000, step: "any", class: "points",
			value: points === null || points === undefined ? "" : String(points), placeholder: own,
			"aria-label": `Points of ${q.title}` });
		const up = h("button", { type: "button", class: "btn btn-small", "aria-label": `Move ${q.title} up` }, "↑");
		const down = h("button", { type: "button", class: "btn btn-small", "aria-label": `Move ${q.title} down` }, "↓");
		const del = h("button", { type: "button", class: "btn btn-small btn-danger-quiet", "aria-label": `Remove ${q.title}` }, "Remove");
		const n = h("th", { scope: "row", class: "num" });
		const tr = h("tr", { "data-question-id": q.id }, n,
			h("td", {}, h("span", { class: "row-title" }, q.title), " ", difficultyBadge(q.difficulty),
				q.archived ? h("span", { class: "badge badge-neutral" }, "archived") : null),
			h("td", {}, pts, h("span", { class: "field-hint" }, own ? ` empty: its own ${own}` : " empty: its own maximum")),
			h("td", { class: "actions" }, up, down, del));
		const r = { q, tr, n, points: pts, up, down };
		up.addEventListener("click", () => move(r, -1));
		down.addEventListener("click", () => move(r, 1));
		del.addEventListener("click", () => {
			const i = rows.indexOf(r);
			rows.splice(i, 1);
			tr.remove();
			refresh();
			onChange();
			announce(`${q.title} removed from the test.`);
			const other = rows[i] || rows[i - 1];
			(other ? other.points : pick).focus();
		});
		pts.addEventListener("input", onChange);
		rows.push(r);
		tbody.append(tr);
	}

	for (const q of initial) addRow(q, q.points);
	add.addEventListener("click", () => {
		const q = (bank || []).find((x) => x.id === pick.value);
		if (!q) {
			pick.focus();
			return;
		}
		addRow(q, null);
		refresh();
		onChange();
		announce(`${q.title} added as question ${rows.length}.`);
		rows[rows.length - 1].points.focus();
	});
	refresh();
	const pickField = field("Question from the bank", pick);
	return {
		element: h("fieldset", { class: "test-question-list" }, h("legend", {}, "Questions"),
			table, empty, err, bank ? h("div", { class: "add-question" }, pickField.field, add) : null),
		value: () => rows.map((r) => (r.points.value === "" ? { id: r.q.id } : { id: r.q.id, points: Number(r.points.value) })),
		// a message and the control to fix, or null
		problem() {
			if (!rows.length) return { message: "Add at least one question.", control: pick };
			for (const r of rows) {
				const p = Number(r.points.value);
				if (r.points.value !== "" && !(p > 0 && p <= 10000)) {
					return { message: `${r.q.title}: points must be a number above 0 and at most 10000, or empty.`, control: r.points };
				}
			}
			return null;
		},
		showProblem(p) {
			err.textContent = p ? p.message : "";
			err.hidden = !p;
		},
	};
}

function versionsText(test) {
	return (test.versions || []).map((v) => `version ${v.version}: ${v.candidates} invited, ${v.started} started`).join("; ");
}

// The test testId, or a new test of job jobId (testId null).
export async function testView(ctx, testId, jobId) {
	ctx.title(testId ? "Test" : "New test");
	const heading = h("h1", {}, testId ? "Test" : "New test");
	const back = h("a", { class: "back-link", href: jobId ? `#/jobs/${jobId}` : "#/jobs" }, "← Job");
	const body = h("div", {}, loading("Loading the test…"));
	ctx.root.append(h("div", { class: "page-head" }, h("div", {}, back, heading)), body);

	const [langs, bank, test] = await Promise.all([loadLanguages(),
		ctx.mayWrite ? api.get("/api/admin/questions").then((r) => r.questions) : null,
		testId ? api.get(`/api/admin/tests/${idPath(testId)}`).then((r) => r.test) : null]);
	if (!ctx.alive) return;
	const job = test ? test.job_id : Number(jobId);
	back.href = `#/jobs/${job}`;
	const cur = test ? test.current : { duration_minutes: 60, languages: langs.list.map((l) => l.id), instructions: "", questions: [] };
	if (test) {
		heading.textContent = test.title;
		ctx.title(test.title);
	}

	const versionLine = h("p", { class: "test-version", "aria-live": "polite" });
	const showVersion = (t) => {
		versionLine.replaceChildren(h("strong", { "data-version": t.current.version }, `Version ${t.current.version}`),
			` · ${versionsText(t)}`);
	};
	if (test) showVersion(test);

	const title = field("Test title", h("input", { type: "text", maxlength: 200, required: true, value: test ? test.title : "" }));
	const minutes = field("Duration (minutes)", h("input", { type: "number", min: 1, max: 1440, value: String(cur.duration_minutes) }),
		"1 to 1440. The clock starts when the candidate starts the test.");
	const from = field("Open from", h("input", { type: "datetime-local", value: localInput(cur.window_from) }),
		"Optional. Before it, the invitation links do not start the test.");
	const until = field("Open until", h("input", { type: "datetime-local", value: localInput(cur.window_until) }),
		"Optional. After it, the links no longer start the test; a test already running keeps its time.");
	const instructions = field("Instructions", h("textarea", { rows: 4, maxlength: 20000, class: "wide-text", value: cur.instructions || "" }),
		"Shown to the candidate before the start.");
	const allowed = new Set(cur.languages || []);
	const langBoxes = langs.list.map((l) => h("input", { type: "checkbox", value: l.id, id: uid("lang"), checked: allowed.has(l.id) }));
	const langErr = h("p", { class: "field-error", role: "alert", hidden: true });
	const langsPicked = () => {
		if (langBoxes.some((b) => b.checked)) langErr.hidden = true;
	};
	for (const b of langBoxes) b.addEventListener("change", langsPicked);
	const langSet = h("fieldset", { class: "languages" }, h("legend", {}, "Allowed languages"),
		h("div", { class: "lang-boxes" }, langBoxes.map((b) => h("label", { class: "check", for: b.id }, b, langs.name(b.value)))), langErr);
	let dirty = false;
	const touched = () => { dirty = true; };
	const questions = questionList(bank, cur.questions || [], touched);
	const submit = h("button", { type: "submit", class: "btn btn-primary" }, testId ? "Save test" : "Create test");
	const status = h("div");
	const fields = h("fieldset", { class: "plain", disabled: !ctx.mayWrite },
		h("div", { class: "grid-test" }, title.field, minutes.field, from.field, until.field),
		langSet, instructions.field, questions.element);
	const form = h("form", { class: "card test-form", novalidate: true, "aria-label": "Test settings" },
		versionLine, fields, status,
		ctx.mayWrite ? h("div", { class: "form-actions" }, submit, h("a", { class: "btn", href: `#/jobs/${job}` }, "Cancel")) : null);
	form.addEventListener("input", touched);
	form.addEventListener("change", touched);
	ctx.guardUnsaved(() => ctx.mayWrite && dirty);

	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		const d = Number(minutes.control.value);
		const data = {
			title: title.control.value.trim(),
			duration_minutes: d,
			languages: langBoxes.filter((b) => b.checked).map((b) => b.value),
			instructions: instructions.control.value,
			window_from: isoOf(from.control.value),
			window_until: isoOf(until.control.value),
			questions: questions.value(),
		};
		title.setError(data.title ? "" : "Enter the test's title.");
		minutes.setError(Number.isInteger(d) && d >= 1 && d <= 1440 ? "" : "Enter a whole number of minutes from 1 to 1440.");
		until.setError(data.window_from && data.window_until && data.window_from >= data.window_until
			? "The window must end after it opens." : "");
		langErr.textContent = data.languages.length ? "" : "Allow at least one language.";
		langErr.hidden = !!data.languages.length;
		const qp = questions.problem();
		questions.showProblem(qp);
		const bad = form.querySelector("[aria-invalid=true]");
		if (bad || !data.languages.length || qp) {
			(bad || (!data.languages.length ? langBoxes[0] : qp.control)).focus();
			return;
		}
		status.replaceChildren();
		try {
			const r = await busy(submit, "Saving…", () => (testId
				? api.put(`/api/admin/tests/${idPath(testId)}`, data)
				: api.post(`/api/admin/jobs/${idPath(job)}/tests`, data)));
			dirty = false;
			if (!testId) {
				announce(`Created the test ${r.test.title}. Invite candidates below.`);
				ctx.go(`#/tests/${r.test.id}`);
				return;
			}
			heading.textContent = r.test.title;
			showVersion(r.test);
			announce(r.new_version
				? `Saved as version ${r.test.current.version}: candidates have started, so those invited before keep their version.`
				: `Saved version ${r.test.current.version}.`);
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
		}
	});

	// an invitation changes the counts of the current version
	const recount = () => api.get(`/api/admin/tests/${idPath(testId)}`).then((r) => {
		if (ctx.alive) showVersion(r.test);
	}, () => {});
	setChildren(body, form, test && ctx.mayWrite ? inviteSection(test, recount) : null);
	if (!testId) title.control.focus();
}
