// pipeline.js - a job's candidates: filters (test, status, score range), sort,
// pages, each candidate's score per question, total and the reviewers'
// ratings, a link to their report, and the job's CSV export.
import { idPath } from "../common/api.js";
import { h, field, loading, errorBox, uid, pager } from "../common/dom.js";
import { fmtDate, fmtScore } from "../common/format.js";
import { api } from "./session.js";
import { statusBadge, download } from "./ui.js";

const STATUSES = ["invited", "started", "completed", "expired", "abandoned"];
const SORTS = [["invited_at", "Invited"], ["completed_at", "Completed"], ["name", "Name"], ["score", "Score"]];
const PER_PAGE = [25, 50, 100];

// "ann (Ann Lee): Strong yes"
export function ratingText(r) {
	return `${r.author_name || r.author}: ${r.rating_label || r.rating}`;
}

function scoresList(c) {
	if (!(c.scores || []).length) return "—";
	return h("ol", { class: "score-list" }, c.scores.map((s) => h("li", { "data-question": s.number },
		h("span", { class: "score-q" }, s.title), " ",
		h("span", { class: "nowrap", "data-score": s.score }, s.submitted ? `${fmtScore(s.score)} / ${fmtScore(s.max_score)}` : `— / ${fmtScore(s.max_score)}`))));
}

function ratingsList(c) {
	const list = c.ratings || [];
	if (!list.length) return h("span", { class: "muted" }, "none yet");
	return h("ul", { class: "ratings" }, list.map((r) => h("li", { "data-rating": r.rating }, ratingText(r))));
}

function candidateRow(job, c) {
	return h("tr", { "data-candidate-id": c.candidate_id },
		h("td", {}, h("a", { href: `#/jobs/${job.id}/candidates/${c.candidate_id}`, class: "row-title" }, c.name),
			h("span", { class: "status-detail" }, c.email)),
		h("td", {}, c.test_title, h("span", { class: "status-detail" }, `version ${c.version}`)),
		h("td", {}, statusBadge(c.status), h("span", { class: "status-detail" },
			c.completed_at ? `ended ${fmtDate(c.completed_at)}` : `invited ${fmtDate(c.invited_at)}`)),
		h("td", {}, scoresList(c)),
		// never started (invited, or the window closed first): no score to read as 0
		h("td", { class: "num nowrap", "data-total": c.total },
			c.status === "invited" || c.status === "expired" ? "Not started" : `${fmtScore(c.total)} / ${fmtScore(c.max_total)}`),
		h("td", {}, ratingsList(c)));
}

// The pipeline of job (with its tests), as a section of the job's page.
export function pipelineSection(ctx, job) {
	const q = { test: "", status: "", min_score: "", max_score: "", sort: "invited_at", order: "desc", page: 1, per_page: 50 };
	const test = h("select", {}, h("option", { value: "" }, "All tests"), job.tests.map((t) => h("option", { value: t.id }, t.title)));
	const status = h("select", {}, h("option", { value: "" }, "All"), STATUSES.map((s) => h("option", { value: s }, s)));
	const min = h("input", { type: "number", step: "any", min: 0, class: "score-input" });
	const max = h("input", { type: "number", step: "any", min: 0, class: "score-input" });
	const sort = h("select", {}, SORTS.map(([v, l]) => h("option", { value: v }, l)));
	const order = h("select", {}, h("option", { value: "desc" }, "Descending"), h("option", { value: "asc" }, "Ascending"));
	const perPage = h("select", { value: "50" }, PER_PAGE.map((n) => h("option", { value: String(n) }, String(n))));
	const apply = h("button", { type: "submit", class: "btn" }, "Apply");
	const exportBtn = h("button", { type: "button", class: "btn" }, "Export CSV");
	exportBtn.addEventListener("click", () => download(exportBtn, `/api/admin/jobs/${idPath(job.id)}/export.csv`, "job.csv"));

	const count = h("p", { class: "muted pipeline-count", "aria-live": "polite" });
	const out = h("div", {}, loading("Loading the candidates…"));
	const pages = pager("Pages of candidates", (step) => {
		q.page += step;
		load();
	});
	const scoreErr = h("p", { class: "field-error", role: "alert", hidden: true });

	let seq = 0;
	async function load() {
		const mine = ++seq;
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(q)) if (v !== "" && v !== null) params.set(k, String(v));
		let r;
		try {
			r = await api.get(`/api/admin/jobs/${idPath(job.id)}/candidates?${params}`);
		} catch (e) {
			if (mine === seq && ctx.alive) out.replaceChildren(errorBox(e.message));
			return;
		}
		if (mine !== seq || !ctx.alive) return;
		count.textContent = `${r.total} candidate${r.total === 1 ? "" : "s"}`;
		pages.show(r.page, Math.max(1, Math.ceil(r.total / r.per_page)));
		if (!r.candidates.length) {
			out.replaceChildren(h("p", { class: "empty" }, r.total ? "No candidates on this page."
				: job.tests.length ? "No candidate matches. Change the filters, or invite candidates from a test."
					: "No candidates yet: make a test, then invite candidates to it."));
			return;
		}
		out.replaceChildren(h("table", { class: "table pipeline-table" },
			h("caption", { class: "visually-hidden" }, `Candidates of ${job.title}`),
			h("thead", {}, h("tr", {}, ["Candidate", "Test", "Status", "Score per question", "Total", "Ratings"]
				.map((c) => h("th", { scope: "col" }, c)))),
			h("tbody", {}, r.candidates.map((c) => candidateRow(job, c)))));
	}

	// a filter changed: back to the first page
	function refilter() {
		const lo = min.value === "" ? "" : Number(min.value);
		const hi = max.value === "" ? "" : Number(max.value);
		const bad = (lo !== "" && !Number.isFinite(lo)) || (hi !== "" && !Number.isFinite(hi)) || (lo !== "" && hi !== "" && lo > hi);
		scoreErr.textContent = bad ? "The score range needs numbers, the lowest first." : "";
		scoreErr.hidden = !bad;
		if (bad) return;
		Object.assign(q, { test: test.value, status: status.value, min_score: min.value, max_score: max.value,
			sort: sort.value, order: order.value, per_page: Number(perPage.value), page: 1 });
		load();
	}
	// names read A to Z, the rest best or newest first; the order stays the user's to change
	sort.addEventListener("change", () => {
		order.value = sort.value === "name" ? "asc" : "desc";
	});
	for (const c of [test, status, sort, order, perPage]) c.addEventListener("change", refilter);
	const form = h("form", { class: "filters pipeline-filters", role: "search", "aria-label": "Filter the candidates", novalidate: true },
		field("Test", test).field, field("Status", status).field,
		field("Lowest total", min).field, field("Highest total", max).field,
		field("Sort by", sort).field, field("Order", order).field, field("Per page", perPage).field,
		apply);
	form.addEventListener("submit", (e) => {
		e.preventDefault();
		refilter();
	});
	const titleId = uid("pipeline");
	load();
	return h("section", { class: "card pipeline", "aria-labelledby": titleId },
		h("div", { class: "section-head" }, h("h2", { id: titleId }, "Candidates"), count, exportBtn),
		form, scoreErr, out, pages.nav);
}
