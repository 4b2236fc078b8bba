// jobs.js - jobs: the list, the form (title, description, the recruiters and
// reviewers who work on it) and a job's page with its tests and the pipeline of
// its candidates. Archiving a job keeps its candidates' results.
import { idPath } from "../common/api.js";
import { h, field, loading, errorBox, busy, confirmDialog } from "../common/dom.js";
import { fmtDate } from "../common/format.js";
import { api } from "./session.js";
import { announce } from "./ui.js";
import { pipelineSection } from "./pipeline.js";

// "ann (Ann Lee)"; an account without a name is its username
const who = (m) => (m.name ? `${m.username} (${m.name})` : m.username);

function membersText(job, role) {
	const list = (job.members || []).filter((m) => m.role === role).map(who);
	return list.length ? list.join(", ") : "none";
}

function jobRow(j) {
	return h("tr", { "data-job-id": j.id },
		h("td", {}, h("a", { href: `#/jobs/${j.id}`, class: "row-title" }, j.title),
			j.archived_at ? h("span", { class: "badge badge-neutral" }, "archived") : null),
		h("td", {}, membersText(j, "recruiter")),
		h("td", {}, membersText(j, "reviewer")),
		h("td", { class: "num" }, j.test_count),
		h("td", { class: "num" }, j.candidate_count),
		h("td", { class: "nowrap" }, fmtDate(j.created_at)));
}

export async function jobsView(ctx) {
	ctx.title("Jobs");
	const archived = h("input", { type: "checkbox", id: "show-archived" });
	const body = h("div", {}, loading("Loading the jobs…"));
	ctx.root.append(h("div", { class: "page-head" }, h("h1", {}, "Jobs"),
		h("div", { class: "head-actions" },
			ctx.mayWrite ? h("a", { class: "btn btn-primary", href: "#/jobs/new" }, "New job") : null)),
		h("div", { class: "filters" }, h("label", { class: "check", for: archived.id }, archived, "Show archived jobs")),
		body);

	const tbody = h("tbody");
	const table = h("table", { class: "table jobs-table" },
		h("caption", { class: "visually-hidden" }, "Jobs"),
		h("thead", {}, h("tr", {}, ["Title", "Recruiters", "Reviewers", "Tests", "Candidates", "Created"]
			.map((c) => h("th", { scope: "col" }, c)))),
		tbody);
	const empty = h("p", { class: "empty" });
	async function load() {
		const list = (await api.get(`/api/admin/jobs${archived.checked ? "?archived=true" : ""}`)).jobs;
		if (!ctx.alive) return;
		tbody.replaceChildren(...list.map(jobRow));
		table.hidden = !list.length;
		empty.hidden = !!list.length;
		empty.textContent = ctx.mayWrite ? "No jobs yet. Use “New job” to make the first one." : "No jobs yet.";
		body.replaceChildren(table, empty);
	}
	archived.addEventListener("change", () => load().catch((e) => announce(e.message, "error")));
	await load();
}

// One select per account: not a member, recruiter or reviewer on this job.
function memberPicker(team, members) {
	const roleOf = new Map((members || []).map((m) => [m.admin_id, m.role]));
	const rows = team.map((a) => {
		const select = h("select", { "aria-label": `Role of ${who(a)} in this job`, "data-username": a.username,
			value: roleOf.get(a.id) || "" },
		h("option", { value: "" }, "Not a member"),
		h("option", { value: "recruiter" }, "Recruiter"),
		h("option", { value: "reviewer" }, "Reviewer"));
		return { a, select, tr: h("tr", {}, h("th", { scope: "row" }, who(a)), h("td", {}, a.role), h("td", {}, select)) };
	});
	return {
		element: h("fieldset", { class: "members" }, h("legend", {}, "Members"),
			h("p", { class: "field-hint" }, "The recruiters and reviewers who work on this job."),
			team.length
				? h("table", { class: "table members-table" },
					h("thead", {}, h("tr", {}, ["Account", "Account role", "On this job"].map((c) => h("th", { scope: "col" }, c)))),
					h("tbody", {}, rows.map((r) => r.tr)))
				: h("p", { class: "muted" }, "No other accounts yet.")),
		value: () => rows.filter((r) => r.select.value).map((r) => ({ admin_id: r.a.id, role: r.select.value })),
	};
}

// The new-job form (id null) or the form of job id.
export async function jobFormView(ctx, id) {
	ctx.title(id ? "Edit job" : "New job");
	const heading = h("h1", {}, id ? "Edit job" : "New job");
	const body = h("div", {}, loading("Loading…"));
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, h("a", { href: id ? `#/jobs/${id}` : "#/jobs", class: "back-link" }, id ? "← Job" : "← Jobs"), heading)),
		body);
	const [team, job] = await Promise.all([api.get("/api/admin/team").then((r) => r.accounts),
		id ? api.get(`/api/admin/jobs/${idPath(id)}`).then((r) => r.job) : null]);
	if (!ctx.alive) return;
	if (job) heading.textContent = `Edit ${job.title}`;
	// a member whose account was disabled since stays on the job unless taken off here
	for (const m of (job && job.members) || []) {
		if (!team.some((a) => a.id === m.admin_id)) team.push({ id: m.admin_id, username: m.username, name: m.name, role: "disabled" });
	}

	const title = field("Job title", h("input", { type: "text", maxlength: 200, required: true, value: job ? job.title : "" }));
	const desc = field("Description", h("textarea", { rows: 5, maxlength: 20000, class: "wide-text", value: job ? job.description : "" }),
		"Optional: what the job is, for the people who work on it.");
	const members = memberPicker(team, job && job.members);
	const submit = h("button", { type: "submit", class: "btn btn-primary" }, id ? "Save job" : "Create job");
	const status = h("div");
	const form = h("form", { class: "card job-form", novalidate: true },
		title.field, desc.field, members.element, status,
		h("div", { class: "form-actions" }, submit, h("a", { class: "btn", href: id ? `#/jobs/${id}` : "#/jobs" }, "Cancel")));
	let saved = false;
	const start = JSON.stringify([title.control.value, desc.control.value, members.value()]);
	ctx.guardUnsaved(() => !saved && JSON.stringify([title.control.value, desc.control.value, members.value()]) !== start);
	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		const data = { title: title.control.value.trim(), description: desc.control.value, members: members.value() };
		title.setError(data.title ? "" : "Enter the job's title.");
		if (!data.title) {
			title.control.focus();
			return;
		}
		try {
			const r = await busy(submit, "Saving…",
				() => (id ? api.put(`/api/admin/jobs/${idPath(id)}`, data) : api.post("/api/admin/jobs", data)));
			saved = true;
			announce(id ? `Saved ${r.job.title}.` : `Created the job ${r.job.title}.`);
			ctx.go(`#/jobs/${r.job.id}`);
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
		}
	});
	body.replaceChildren(form);
	title.control.focus();
}

function windowText(t) {
	if (!t.window_from && !t.window_until) return "always open";
	return `${t.window_from ? fmtDate(t.window_from) : "now"} to ${t.window_until ? fmtDate(t.window_until) : "no end"}`;
}

function testsTable(job) {
	if (!job.tests.length) return h("p", { class: "empty" }, "No tests yet.");
	return h("table", { class: "table tests-list" },
		h("caption", { class: "visually-hidden" }, `Tests of ${job.title}`),
		h("thead", {}, h("tr", {}, ["Test", "Version", "Questions", "Duration", "Languages", "Window", "Candidates"]
			.map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, job.tests.map((t) => h("tr", { "data-test-id": t.id },
			h("td", {}, h("a", { href: `#/tests/${t.id}`, class: "row-title" }, t.title)),
			h("td", { class: "num" }, t.version),
			h("td", { class: "num" }, t.questions),
			h("td", { class: "num nowrap" }, `${t.duration_minutes} min`),
			h("td", { class: "num" }, (t.languages || []).length),
			h("td", {}, windowText(t)),
			h("td", { class: "num" }, t.candidates)))));
}

export async function jobView(ctx, id) {
	ctx.title("Job");
	const heading = h("h1", {}, "Job");
	const actions = h("div", { class: "head-actions" });
	const body = h("div", {}, loading("Loading the job…"));
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, h("a", { href: "#/jobs", class: "back-link" }, "← Jobs"), heading), actions), body);
	const job = (await api.get(`/api/admin/jobs/${idPath(id)}`)).job;
	if (!ctx.alive) return;
	heading.textContent = job.title;
	ctx.title(job.title);

	if (ctx.mayWrite) {
		const archive = h("button", { type: "button", class: "btn btn-danger-quiet" }, job.candidate_count ? "Archive job…" : "Delete job…");
		archive.addEventListener("click", async () => {
			const keeps = job.candidate_count > 0;
			if (!(await confirmDialog(keeps ? "Archive this job?" : "Delete this job?",
				keeps ? `“${job.title}” leaves the list of jobs; its candidates and their results stay (“Show archived jobs”).`
					: `“${job.title}” and its tests will be deleted. No candidate has been invited to it.`,
				keeps ? "Archive job" : "Delete job"))) return;
			try {
				const r = await busy(archive, "Working…", () => api.del(`/api/admin/jobs/${idPath(id)}`));
				announce(r.archived ? `Archived ${job.title}.` : `Deleted ${job.title}.`);
				ctx.go("#/jobs");
			} catch (e) {
				announce(e.message, "error");
			}
		});
		actions.append(h("a", { class: "btn", href: `#/jobs/${id}/edit` }, "Edit job"));
		if (!job.archived_at) actions.append(archive);
	}

	body.replaceChildren(
		h("section", { class: "card", "aria-labelledby": "job-about" },
			h("h2", { id: "job-about" }, "About"),
			job.archived_at ? h("p", { class: "banner banner-info" }, `Archived ${fmtDate(job.archived_at)}.`) : null,
			job.description ? h("p", { class: "pre-text" }, job.description) : h("p", { class: "muted" }, "No description."),
			h("dl", { class: "overview" },
				h("div", {}, h("dt", {}, "Recruiters"), h("dd", { "data-members": "recruiter" }, membersText(job, "recruiter"))),
				h("div", {}, h("dt", {}, "Reviewers"), h("dd", { "data-members": "reviewer" }, membersText(job, "reviewer"))),
				h("div", {}, h("dt", {}, "Created"), h("dd", {}, fmtDate(job.created_at))))),
		h("section", { class: "card", "aria-labelledby": "job-tests" },
			h("div", { class: "section-head" }, h("h2", { id: "job-tests" }, "Tests"),
				ctx.mayWrite ? h("a", { class: "btn btn-primary", href: `#/jobs/${id}/tests/new` }, "New test") : null),
			testsTable(job)),
		pipelineSection(ctx, job));
}
