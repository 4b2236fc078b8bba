// questions.js - the question bank: a list with text search and filters on
// difficulty and tag, deletion behind a confirmation, Kattis packages
// imported (a zip, with the report of its reference solutions) and exported.
import { idPath } from "../common/api.js";
import { h, uid, field, loading, confirmDialog, errorBox, setChildren } from "../common/dom.js";
import { fmtDuration } from "../common/format.js";
import { verdictBadge, verdictLabel } from "../common/verdicts.js";
import { api } from "./session.js";
import { announce, download } from "./ui.js";

const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;   // what nginx takes as a request body

// the filters outlive the view, so that coming back from a question keeps them
const filters = { text: "", difficulty: "", tag: "" };

function matches(q) {
	const text = filters.text.trim().toLowerCase();
	if (filters.difficulty && q.difficulty !== filters.difficulty) return false;
	if (filters.tag && !(q.tags || []).includes(filters.tag)) return false;
	if (!text) return true;
	return q.title.toLowerCase().includes(text) || (q.tags || []).some((t) => t.toLowerCase().includes(text));
}

const DIFFICULTY_LOOK = { easy: "ok", medium: "warn", hard: "error" };

export function difficultyBadge(d) {
	return h("span", { class: `badge badge-${DIFFICULTY_LOOK[d] || "neutral"}` }, d);
}

function limits(q) {
	return `${q.time_limit_ms / 1000} s · ${q.memory_limit_mb} MB`;
}

// onDelete null: the account may not change the bank
function questionRow(q, onDelete, onExport) {
	const tests = `${q.test_count} (${q.sample_count} sample${q.sample_count === 1 ? "" : "s"})`;
	return h("tr", { "data-question-id": q.id },
		h("td", { class: "num" }, q.number),
		h("td", {}, h("a", { href: `#/questions/${q.id}`, class: "row-title" }, q.title)),
		h("td", {}, difficultyBadge(q.difficulty)),
		h("td", {}, h("ul", { class: "chips" }, (q.tags || []).map((t) => h("li", { class: "chip" }, t)))),
		h("td", { class: "nowrap" }, tests),
		h("td", { class: "nowrap" }, limits(q)),
		h("td", { class: "actions" },
			onDelete ? h("a", { class: "btn btn-small", href: `#/questions/${q.id}`, "aria-label": `Edit ${q.title}` }, "Edit") : null,
			h("button", { type: "button", class: "btn btn-small", "aria-label": `Export ${q.title}`,
				onclick: (e) => onExport(q, e.currentTarget) }, "Export"),
			onDelete ? h("button", { type: "button", class: "btn btn-small btn-danger-quiet", "aria-label": `Delete ${q.title}`,
				onclick: () => onDelete(q) }, "Delete") : null));
}

// Download question q as a Kattis package (a zip); button shows the work.
export function exportQuestion(q, button) {
	return download(button, `/api/admin/questions/${idPath(q.id)}/export`, `question-${q.number || "export"}.zip`);
}

// What an import gave: the question, its time limit, each reference's verdict, warnings.
function importReport(r) {
	const q = r.question || {};
	const refs = r.references || [];
	const ok = refs.filter((x) => x.ok).length;
	const warnings = r.warnings || [];
	return h("section", { class: "card import-report", "aria-labelledby": "import-report-title" },
		h("h2", { id: "import-report-title" }, "Package imported"),
		h("p", {}, "Created ", h("a", { href: `#/questions/${q.id}`, class: "row-title" }, q.title || "the question"),
			` with ${(q.test_cases || []).length} tests.`),
		h("p", { class: "import-time" }, `Time limit: ${r.time_limit_ms} ms`,
			r.time_limit_derived ? " (derived from the reference solutions' running times)" : " (set by the package)", "."),
		refs.length
			? h("div", {},
				h("p", { class: r.references_ok ? "banner banner-ok" : "banner banner-warn" },
					r.references_ok ? `Every reference solution got its expected verdict (${ok} of ${refs.length}).`
						: `${refs.length - ok} of ${refs.length} reference solutions did not get their expected verdict. `
						+ "Check the tests and the checker before inviting candidates."),
				h("table", { class: "table import-refs" },
					h("caption", { class: "visually-hidden" }, "Reference solutions"),
					h("thead", {}, h("tr", {}, ["Solution", "Language", "Expected", "Got", "Result"].map((c) => h("th", { scope: "col" }, c)))),
					h("tbody", {}, refs.map((x) => h("tr", { "data-reference": x.name },
						h("th", { scope: "row" }, x.name),
						h("td", {}, x.language),
						h("td", {}, verdictLabel(x.expected)),
						h("td", {}, verdictBadge(x.status)),
						h("td", {}, h("span", { class: `badge ${x.ok ? "badge-ok" : "badge-error"}`, "data-ok": String(!!x.ok) },
							x.ok ? "ok" : "failed"), x.reason ? h("span", { class: "status-detail" }, x.reason) : null))))))
			: h("p", { class: "muted" }, "The package has no reference solutions."),
		warnings.length
			? h("div", {}, h("h3", {}, "Warnings"), h("ul", { class: "banner banner-warn problems import-warnings" },
				warnings.map((w) => h("li", {}, typeof w === "string" ? w : JSON.stringify(w)))))
			: null);
}

// The "Import package" button and where its progress and report show.
// onImported(): the bank changed. Returns { button, input, out }.
function importControl(onImported) {
	const id = uid("pkg");
	const input = h("input", { type: "file", id, accept: ".zip,application/zip", class: "file-input",
		"aria-describedby": `${id}-hint` });
	const label = h("label", { for: id, class: "btn" }, "Import package…");
	const hint = h("span", { id: `${id}-hint`, class: "visually-hidden" }, "A Kattis problem package as a zip file.");
	const out = h("div", { class: "import-out", "aria-live": "polite" });
	input.addEventListener("change", async () => {
		const file = input.files[0];
		input.value = "";
		if (!file) return;
		if (file.size > MAX_PACKAGE_BYTES) {
			out.replaceChildren(errorBox(`${file.name} is larger than 64 MB, the most an import takes.`));
			return;
		}
		const started = Date.now();
		const elapsed = h("span", { class: "muted" });
		const tick = () => { elapsed.textContent = ` (${fmtDuration((Date.now() - started) / 1000)})`; };
		tick();
		const timer = setInterval(tick, 1000);
		label.setAttribute("aria-disabled", "true");
		input.disabled = true;
		out.replaceChildren(h("div", { class: "card import-progress", role: "status" },
			loading(`Importing ${file.name}…`),
			h("p", {}, "The tests are stored and every reference solution of the package is judged against them; "
				+ "this can take a few minutes. Keep this page open.", elapsed)));
		try {
			const report = await api.upload("/api/admin/questions/import", file, "application/zip");
			out.replaceChildren(importReport(report));
			announce(`Imported “${(report.question || {}).title || file.name}”.`);
			onImported();
		} catch (e) {
			out.replaceChildren(errorBox(`${file.name} was not imported. ${e.message}`));
		} finally {
			clearInterval(timer);
			label.removeAttribute("aria-disabled");
			input.disabled = false;
		}
	});
	return { button: h("span", { class: "upload-inline" }, label, input, hint), out };
}

// Ask, then delete; false when the user cancelled or the server refused.
export async function deleteQuestion(q) {
	const ok = await confirmDialog("Delete this question?",
		`“${q.title}” and its test cases will be deleted. This cannot be undone.`, "Delete question");
	if (!ok) return false;
	try {
		await api.del(`/api/admin/questions/${idPath(q.id)}`);
	} catch (e) {
		announce(e.message, "error");
		return false;
	}
	announce(`Deleted “${q.title}”.`);
	return true;
}

export async function questionsView(ctx) {
	ctx.title("Question bank");
	const count = h("p", { class: "muted", "aria-live": "polite" });
	const body = h("div", {}, loading("Loading the question bank…"));
	let list = [];
	const imports = importControl(async () => {
		try {
			const fresh = (await api.get("/api/admin/questions")).questions;
			if (!ctx.alive) return;
			list = fresh;
			fillTags();
			show();
		} catch (e) {
			announce(e.message, "error");
		}
	});
	ctx.root.append(
		h("div", { class: "page-head" },
			h("h1", {}, "Question bank"),
			ctx.mayWrite ? h("div", { class: "head-actions" }, imports.button,
				h("a", { class: "btn btn-primary", href: "#/questions/new" }, "New question")) : null),
		imports.out,
		body);

	list = (await api.get("/api/admin/questions")).questions;
	if (!ctx.alive) return;

	const search = h("input", { type: "search", value: filters.text, placeholder: "e.g. graph or Weather" });
	const diff = h("select", { value: filters.difficulty },
		h("option", { value: "" }, "All difficulties"),
		["easy", "medium", "hard"].map((d) => h("option", { value: d }, d)));
	const tag = h("select", {});
	// the tag filter offers the tags the bank has
	function fillTags() {
		const tags = [...new Set(list.flatMap((q) => q.tags || []))].sort((a, b) => a.localeCompare(b));
		if (filters.tag && !tags.includes(filters.tag)) filters.tag = "";
		setChildren(tag, h("option", { value: "" }, "All tags"), tags.map((t) => h("option", { value: t }, t)));
		tag.value = filters.tag;
	}
	fillTags();
	const tbody = h("tbody");
	const table = h("table", { class: "table" },
		h("caption", { class: "visually-hidden" }, "Questions in the bank"),
		h("thead", {}, h("tr", {},
			["#", "Title", "Difficulty", "Tags", "Tests", "Limits"].map((c) => h("th", { scope: "col" }, c)),
			h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
		tbody);
	const empty = h("p", { class: "empty", hidden: true });

	const onDelete = async (q) => {
		if (!(await deleteQuestion(q))) return;
		list.splice(list.indexOf(q), 1);
		show();
		search.focus();
	};
	function show() {
		const shown = list.filter(matches);
		tbody.replaceChildren(...shown.map((q) => questionRow(q, ctx.mayWrite ? onDelete : null, exportQuestion)));
		table.hidden = shown.length === 0;
		empty.hidden = shown.length !== 0;
		empty.textContent = list.length === 0
			? "The bank is empty. Use “New question” to write the first one."
			: "No question matches. Clear the search or pick other filters.";
		count.textContent = shown.length === list.length
			? `${list.length} question${list.length === 1 ? "" : "s"}`
			: `${shown.length} of ${list.length} questions`;
	}
	search.addEventListener("input", () => { filters.text = search.value; show(); });
	diff.addEventListener("change", () => { filters.difficulty = diff.value; show(); });
	tag.addEventListener("change", () => { filters.tag = tag.value; show(); });

	body.replaceChildren(
		h("div", { class: "filters", role: "search", "aria-label": "Filter questions" },
			field("Search title or tag", search).field,
			field("Difficulty", diff).field,
			field("Tag", tag).field,
			count),
		table, empty);
	show();
}
