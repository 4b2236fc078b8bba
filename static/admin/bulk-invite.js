// bulk-invite.js - many candidates at once from the candidates page: a CSV of
// name,email pasted, checked row by row in the page (bad e-mail, repeated e-mail,
// wrong number of columns) before anything is sent, then invited either to the
// test of a job picked (its questions and duration) by POST
// /api/admin/tests/:id/invitations, which answers each row (created with its
// link, already invited, invalid), or to questions picked from the bank with a
// duration, one POST /api/admin/candidates a row (as the New candidate form
// does); the links sent by e-mail when asked.
import { idPath } from "../common/api.js";
import { h, uid, field, loading, errorBox, busy, setChildren } from "../common/dom.js";
import { api } from "./session.js";
import { announce } from "./ui.js";
import { resultView, summaryText } from "./invite.js";
import { questionPicker } from "./candidates.js";

export const MAX_ROWS = 1000;     // the server's cap (README, "Jobs and tests")

// One CSV record per line: fields split at commas, "quoted" with "" for a quote (a
// quoted field may hold a comma or a line break), spaces around a field trimmed.
export function parseCsv(text) {
	const records = [];
	let rec = [], f = "", quoted = false, was = false;
	const endField = () => {
		rec.push(was ? f : f.trim());
		f = "";
		was = false;
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				f += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else f += ch;
		} else if (ch === '"' && !f.trim()) {
			quoted = true;
			was = true;
			f = "";
		} else if (ch === ",") endField();
		else if (ch === "\n" || ch === "\r") {
			if (ch === "\r" && text[i + 1] === "\n") i++;
			endField();
			records.push(rec);
			rec = [];
		} else f += ch;
	}
	endField();
	records.push(rec);
	return records.filter((r) => !(r.length === 1 && r[0] === ""));
}

// what the server takes as an address: one @, a dot after it, no spaces or , < >
export function emailOk(e) {
	const at = e.indexOf("@");
	return at > 0 && e.indexOf("@", at + 1) < 0 && e.slice(at + 1).includes(".") && e.length <= 200
		&& !e.endsWith(".") && !/[\s,<>\x00-\x1f\x7f]/.test(e);
}

// The rows of a paste, each { row, name, email, problem }: the header line name,email is
// skipped; problem is null for a row that can be invited.
export function checkRows(text) {
	const recs = parseCsv(text);
	if (recs.length && recs[0].length >= 2 && recs[0][0].toLowerCase() === "name" && recs[0][1].toLowerCase() === "email")
		recs.shift();
	const seen = new Map();
	return recs.map((r, i) => {
		const row = { row: i + 1, name: r[0] || "", email: r[1] || "", problem: null };
		if (r.length !== 2) row.problem = `expected 2 columns (name,email), got ${r.length}`;
		else if (!row.name || row.name.length > 200) row.problem = "the name must be 1 to 200 characters";
		else if (!emailOk(row.email)) row.problem = "the e-mail is not an address";
		else if (seen.has(row.email.toLowerCase())) row.problem = `the same e-mail as row ${seen.get(row.email.toLowerCase())}`;
		if (!row.problem) seen.set(row.email.toLowerCase(), row.row);
		return row;
	});
}

function previewTable(rows) {
	return h("table", { class: "table bulk-preview" },
		h("caption", {}, "Preview: what will be sent"),
		h("thead", {}, h("tr", {}, ["Row", "Name", "Email", "Check"].map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, rows.map((r) => h("tr", { "data-problem": r.problem ? "yes" : "no" },
			h("td", { class: "num" }, r.row), h("td", {}, r.name || "—"), h("td", {}, r.email || "—"),
			h("td", {}, r.problem ? h("span", { class: "field-error" }, r.problem) : h("span", { class: "badge badge-ok" }, "ready"))))));
}

// Each ready row invited to the questions (in that order) for minutes, as the New
// candidate form invites one; a row with a problem is not sent.  The answer in the
// shape of a test's invitations, so that one view shows both.
async function inviteToQuestions(rows, questionIds, minutes, sendEmail) {
	const out = { created: 0, already_invited: 0, invalid: 0, rows: [] };
	for (const r of rows) {
		const row = { row: r.row, name: r.name, email: r.email };
		if (r.problem) {
			out.invalid++;
			out.rows.push({ ...row, status: "invalid", reason: r.problem });
			continue;
		}
		const data = { name: r.name, email: r.email, test_duration_minutes: minutes, question_ids: questionIds };
		if (sendEmail) data.send_email = true;
		try {
			const res = await api.post("/api/admin/candidates", data);
			out.created++;
			out.rows.push({ ...row, status: "created", invite_url: res.invite_url, mail: res.mail });
		} catch (e) {
			out.invalid++;
			out.rows.push({ ...row, status: "invalid", reason: e.message });
		}
	}
	return out;
}

export async function bulkInviteView(ctx) {
	ctx.title("Invite from CSV");
	const body = h("div", {}, loading("Loading the jobs and the bank…"));
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, h("a", { href: "#/candidates", class: "back-link" }, "← Candidates"), h("h1", {}, "Invite from CSV"))),
		body);
	const [jobList, bankList] = await Promise.all([api.get("/api/admin/jobs"), api.get("/api/admin/questions")]);
	const jobs = jobList.jobs.filter((j) => !j.one_off && j.test_count > 0);
	const bank = bankList.questions;
	if (!ctx.alive) return;
	if (!jobs.length && !bank.length) {
		body.replaceChildren(h("p", { class: "empty" }, "There is nothing to invite to yet: ",
			h("a", { href: "#/questions/new" }, "write a question"), ", or ", h("a", { href: "#/jobs" }, "make a job and a test"), "."));
		return;
	}

	// what the candidates take: a job's test, or questions picked here
	const modeName = uid("mode");
	const modeTest = h("input", { type: "radio", name: modeName, value: "test", checked: !!jobs.length, disabled: !jobs.length });
	const modeBank = h("input", { type: "radio", name: modeName, value: "bank", checked: !jobs.length });
	const mode = h("fieldset", { class: "mode-pick" }, h("legend", {}, "The candidates take"),
		h("label", { class: "check" }, modeTest, "A test of a job", jobs.length ? null : h("span", { class: "muted" }, " (no job has a test yet)")),
		h("label", { class: "check" }, modeBank, "Questions picked from the bank"));
	const byBank = () => modeBank.checked;

	const job = field("Job", h("select", {}, h("option", { value: "" }, "Choose a job…"),
		jobs.map((j) => h("option", { value: String(j.id) }, j.title))));
	const test = field("Test", h("select", { disabled: true }, h("option", { value: "" }, "Choose a job first")),
		"The test holds the questions, their points and the duration; each candidate gets its current version.");
	const testInfo = h("p", { class: "muted test-info", "aria-live": "polite" });
	let tests = [];
	job.control.addEventListener("change", async () => {
		test.control.disabled = true;
		testInfo.textContent = "";
		if (!job.control.value) return;
		setChildren(test.control, h("option", { value: "" }, "Loading…"));
		try {
			tests = (await api.get(`/api/admin/jobs/${idPath(job.control.value)}/tests`)).tests;
		} catch (e) {
			setChildren(test.control, h("option", { value: "" }, "Could not load the tests"));
			announce(e.message, "error");
			return;
		}
		setChildren(test.control, tests.length > 1 ? h("option", { value: "" }, "Choose a test…") : null,
			tests.map((t) => h("option", { value: String(t.id) }, t.title)));
		test.control.disabled = !tests.length;
		describeTest();
	});
	const describeTest = () => {
		const t = tests.find((x) => String(x.id) === test.control.value);
		testInfo.textContent = t ? `${t.questions} question${t.questions === 1 ? "" : "s"}, ${t.duration_minutes} minutes (version ${t.version}).` : "";
	};
	test.control.addEventListener("change", describeTest);
	const testPart = h("div", {}, h("div", { class: "grid-invite" }, job.field, test.field), testInfo);

	const picker = questionPicker(bank);
	const pickErr = h("p", { class: "field-error", role: "alert", hidden: true });
	picker.element.addEventListener("change", () => {
		if (picker.selected().length) pickErr.hidden = true;
	});
	const minutes = field("Duration (minutes)", h("input", { type: "number", min: 1, max: 1440, value: "60" }),
		"1 to 1440. Each candidate's clock starts when they start.");
	const bankPart = h("div", {}, minutes.field, picker.element, pickErr);
	const showMode = () => {
		testPart.hidden = byBank();
		bankPart.hidden = !byBank();
	};
	mode.addEventListener("change", showMode);
	showMode();

	const csv = field("Candidates as CSV", h("textarea", { rows: 8, class: "mono wide-text", spellcheck: "false",
		placeholder: "name,email\nAnn Lee,ann@example.com\n\"Chen, Bo\",bo@example.com" }),
	`One candidate a line: name,email. A first line name,email is skipped; quote a name that holds a comma. At most ${MAX_ROWS} lines.`);
	const sendBox = h("input", { type: "checkbox" });
	const sendLabel = h("label", { class: "check" }, sendBox, "Send each new candidate the link by e-mail");
	const preview = h("div", { class: "bulk-preview-box" });
	const previewCount = h("p", { class: "muted", role: "status" });
	const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Invite the candidates");
	const status = h("div");
	const out = h("div");

	let timer = 0;
	function showPreview() {
		const rows = checkRows(csv.control.value);
		const bad = rows.filter((r) => r.problem).length;
		previewCount.textContent = !rows.length ? "" : rows.length > MAX_ROWS ? `${rows.length} rows: at most ${MAX_ROWS} at once.`
			: `${rows.length} row${rows.length === 1 ? "" : "s"}: ${rows.length - bad} ready${bad ? `, ${bad} with a problem (not invited)` : ""}.`;
		preview.replaceChildren(rows.length ? previewTable(rows) : "");
		return rows;
	}
	csv.control.addEventListener("input", () => {
		clearTimeout(timer);
		timer = setTimeout(showPreview, 250);
	});

	const form = h("form", { class: "card bulk-form", novalidate: true, "aria-label": "Invite candidates from CSV" },
		mode, testPart, bankPart, csv.field, sendLabel, previewCount, preview, status,
		h("div", { class: "form-actions" }, submit, h("a", { class: "btn", href: "#/candidates" }, "Cancel")));
	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		clearTimeout(timer);
		const rows = showPreview();
		const d = Number(minutes.control.value);
		job.setError(byBank() || job.control.value ? "" : "Choose the job.");
		test.setError(byBank() || !job.control.value || test.control.value ? "" : "Choose the test the candidates take.");
		minutes.setError(!byBank() || (Number.isInteger(d) && d >= 1 && d <= 1440) ? "" : "Enter a whole number of minutes from 1 to 1440.");
		const noPick = byBank() && !picker.selected().length;
		pickErr.textContent = noPick ? "Tick at least one question for the test." : "";
		pickErr.hidden = !noPick;
		csv.setError(!rows.length ? "Paste at least one line: name,email."
			: rows.length > MAX_ROWS ? `At most ${MAX_ROWS} rows at once.`
				: rows.every((r) => r.problem) ? "No row can be invited: fix the rows marked in the preview." : "");
		const bad = form.querySelector("[aria-invalid=true]");
		if (bad || noPick) {
			if (bad) bad.focus();
			else picker.focus();
			return;
		}
		status.replaceChildren();
		const data = { csv: csv.control.value };
		if (sendBox.checked) data.send_email = true;
		try {
			const r = await busy(submit, "Inviting…", () => byBank()
				? inviteToQuestions(rows, picker.selected(), d, sendBox.checked)
				: api.post(`/api/admin/tests/${idPath(test.control.value)}/invitations`, data));
			const v = resultView(r);
			out.replaceChildren(h("section", { class: "card", "aria-labelledby": "bulk-done" }, h("h2", { id: "bulk-done" }, "Invitations made"), v.box,
				h("div", { class: "form-actions" }, h("a", { class: "btn", href: "#/candidates" }, "All candidates"))));
			form.hidden = true;
			v.heading.focus();
			announce(`Invitations: ${summaryText(r)}.`);
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
		}
	});
	body.replaceChildren(form, out);
}
