// questions.js - the question bank: a list with text search and filters on
// difficulty and tag, and deletion behind a confirmation.
import { idPath } from "../common/api.js";
import { h, field, loading, confirmDialog } from "../common/dom.js";
import { api } from "./session.js";
import { announce } from "./ui.js";

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

function questionRow(q, onDelete) {
	const tests = `${q.test_count} (${q.sample_count} sample${q.sample_count === 1 ? "" : "s"})`;
	return h("tr", { "data-question-id": q.id },
		h("td", { class: "num" }, q.number),
		h("td", {}, h("a", { href: `#/questions/${q.id}`, class: "row-title" }, q.title)),
		h("td", {}, difficultyBadge(q.difficulty)),
		h("td", {}, h("ul", { class: "chips" }, (q.tags || []).map((t) => h("li", { class: "chip" }, t)))),
		h("td", { class: "nowrap" }, tests),
		h("td", { class: "nowrap" }, limits(q)),
		h("td", { class: "actions" },
			h("a", { class: "btn btn-small", href: `#/questions/${q.id}`, "aria-label": `Edit ${q.title}` }, "Edit"),
			h("button", { type: "button", class: "btn btn-small btn-danger-quiet", "aria-label": `Delete ${q.title}`,
				onclick: () => onDelete(q) }, "Delete")));
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
	ctx.root.append(
		h("div", { class: "page-head" },
			h("h1", {}, "Question bank"),
			h("a", { class: "btn btn-primary", href: "#/questions/new" }, "New question")),
		body);

	const list = (await api.get("/api/admin/questions")).questions;
	if (!ctx.alive) return;
	const tags = [...new Set(list.flatMap((q) => q.tags || []))].sort((a, b) => a.localeCompare(b));
	if (filters.tag && !tags.includes(filters.tag)) filters.tag = "";

	const search = h("input", { type: "search", value: filters.text, placeholder: "e.g. graph or Weather" });
	const diff = h("select", { value: filters.difficulty },
		h("option", { value: "" }, "All difficulties"),
		["easy", "medium", "hard"].map((d) => h("option", { value: d }, d)));
	const tag = h("select", { value: filters.tag },
		h("option", { value: "" }, "All tags"),
		tags.map((t) => h("option", { value: t }, t)));
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
		tbody.replaceChildren(...shown.map((q) => questionRow(q, onDelete)));
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
