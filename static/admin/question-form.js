// question-form.js - create or edit a question: basics, markdown description
// with a live preview, starter code per language, test cases, check, save, delete.
import { idPath } from "../common/api.js";
import { h, uid, field, loading, errorBox, busy } from "../common/dom.js";
import { loadLanguages } from "../common/languages.js";
import { api } from "./session.js";
import { announce } from "./ui.js";
import { testCaseTable } from "./testcases.js";
import { checkPanel } from "./check.js";
import { deleteQuestion } from "./questions.js";

const BLANK = {
	title: "", question: "", difficulty: "easy", tags: [], boiler_plate: {},
	time_limit_ms: 2000, memory_limit_mb: 256, test_cases: [],
};

function section(title, ...content) {
	const id = uid("sec");
	return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), content);
}

// The description textarea beside its rendered preview.
function descriptionEditor(text) {
	const area = h("textarea", { class: "mono description-input", rows: 16, value: text, spellcheck: "true" });
	const preview = h("div", { class: "markdown preview", "aria-label": "Preview of the description", role: "region",
		tabindex: 0 });
	let timer = 0;
	const render = () => preview.replaceChildren(area.value.trim() ? window.CEMarkdown.render(area.value)
		: h("p", { class: "muted" }, "The preview appears here as you type."));
	area.addEventListener("input", () => {
		clearTimeout(timer);
		timer = setTimeout(render, 120);
	});
	render();
	const f = field("Description (Markdown)", area,
		"# headings, **bold**, *italic*, `code`, ``` code blocks, - lists, [links](https://…). HTML is shown as text.");
	return {
		element: h("div", { class: "split" }, f.field,
			h("div", { class: "field" }, h("span", { class: "label", "aria-hidden": "true" }, "Preview"), preview)),
		area, control: area, setError: f.setError,
	};
}

// Starter code: one tab per language over one editor. catalog: the languages
// of common/languages.js; a tab shows the short name, its tooltip the full one.
function starterEditor(starters, catalog) {
	const code = { ...starters };
	const langs = catalog.list.map((l) => l.id);
	let cur = langs[0];
	const panelId = uid("starter");
	const panel = h("div", { class: "editor-box editor-starter", role: "tabpanel", id: panelId });
	const editor = window.CEEditor.create(panel, { language: cur, doc: code[cur] || "",
		label: `Starter code, ${catalog.name(cur)}` });
	const tabs = langs.map((l) => h("button", { type: "button", role: "tab", id: `${panelId}-${l}`,
		"aria-controls": panelId, class: "tab", "data-lang": l, title: catalog.name(l) }, catalog.shortName(l)));

	function select(l, focus) {
		code[cur] = editor.getValue();
		cur = l;
		editor.setValue(code[l] || "");
		editor.setLanguage(l);
		for (const t of tabs) {
			const on = t.dataset.lang === l;
			t.setAttribute("aria-selected", String(on));
			t.tabIndex = on ? 0 : -1;
			if (on && focus) t.focus();
		}
		panel.setAttribute("aria-labelledby", `${panelId}-${l}`);
		editor.view.contentDOM.setAttribute("aria-label", `Starter code, ${catalog.name(l)}`);
	}
	const tablist = h("div", { role: "tablist", "aria-label": "Starter code language", class: "tabs" }, tabs);
	tablist.addEventListener("click", (e) => {
		const t = e.target.closest("[role=tab]");
		if (t) select(t.dataset.lang, false);
	});
	// arrow keys move between tabs (the tablist pattern); Tab goes on into the editor
	tablist.addEventListener("keydown", (e) => {
		const i = langs.indexOf(cur);
		const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: langs.length - 1 }[e.key];
		if (next === undefined) return;
		e.preventDefault();
		select(langs[(next + langs.length) % langs.length], true);
	});
	select(cur, false);
	return {
		element: h("div", {}, h("p", { class: "field-hint" },
			"The code a candidate starts from. Leave a language empty to give candidates the default template. "
			+ "In the editor Tab indents; press Esc, then Tab, to move on."),
		tablist, panel),
		destroy: () => editor.destroy(),
		// non-empty starters only: an absent language gets the default template
		value() {
			code[cur] = editor.getValue();
			return Object.fromEntries(Object.entries(code).filter(([, v]) => v && v.trim()));
		},
	};
}

function parseTags(text) {
	return [...new Set(text.split(",").map((t) => t.trim()).filter(Boolean))];
}

export async function questionFormView(ctx, id) {
	const heading = h("h1", {}, id ? "Edit question" : "New question");
	ctx.title(id ? "Edit question" : "New question");
	const body = h("div", {}, id ? loading("Loading the question…") : null);
	const formId = uid("qform");
	// a second Save at the top, so that a long form need not be scrolled to save
	const topSave = h("button", { type: "submit", form: formId, class: "btn btn-primary", hidden: true }, "Save question");
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, h("a", { href: "#/questions", class: "back-link" }, "← Question bank"), heading), topSave), body);

	let q = BLANK;
	const [langs, stored] = await Promise.all([loadLanguages(),
		id ? api.get(`/api/admin/questions/${idPath(id)}`) : null]);
	if (!ctx.alive) return;
	if (stored) {
		q = stored.question;
		heading.textContent = `Edit: ${q.title}`;
		ctx.title(`Edit: ${q.title}`);
	}

	const title = field("Title", h("input", { type: "text", maxlength: 200, value: q.title, required: true }));
	const difficulty = field("Difficulty", h("select", { value: q.difficulty },
		["easy", "medium", "hard"].map((d) => h("option", { value: d }, d))));
	const tags = field("Tags", h("input", { type: "text", value: (q.tags || []).join(", ") }),
		"Separate tags with commas, e.g. graphs, BFS.");
	const time = field("Time limit (ms)", h("input", { type: "number", min: 100, max: 30000, step: 100,
		value: String(q.time_limit_ms) }), "CPU time per test, 100 to 30000.");
	const memory = field("Memory limit (MB)", h("input", { type: "number", min: 32, max: 2048, step: 1,
		value: String(q.memory_limit_mb) }), "32 to 2048.");
	const desc = descriptionEditor(q.question || "");
	const starters = starterEditor(q.boiler_plate || {}, langs);
	let check = null;
	const tests = testCaseTable(q.test_cases || [], () => check && check.markStale());
	const summary = h("div", { class: "banner banner-error", role: "alert", hidden: true, tabindex: -1 });

	// Limits and tests as the check endpoint wants them; throws with what to fix.
	function checkRequest() {
		const p = limitsProblem() || tests.problem();
		if (p) throw new Error(p.message);
		const list = tests.tests();
		if (!list.length) throw new Error("Add at least one test case first.");
		return { time_limit_ms: Number(time.control.value), memory_limit_mb: Number(memory.control.value), tests: list };
	}
	check = checkPanel(checkRequest, langs);
	// editors listen on the window; they go with the view
	ctx.onLeave(() => {
		starters.destroy();
		check.destroy();
	});

	function limitsProblem() {
		const t = Number(time.control.value);
		const m = Number(memory.control.value);
		if (!Number.isInteger(t) || t < 100 || t > 30000) {
			return { message: "The time limit must be a whole number of milliseconds from 100 to 30000.", f: time };
		}
		if (!Number.isInteger(m) || m < 32 || m > 2048) {
			return { message: "The memory limit must be a whole number of MB from 32 to 2048.", f: memory };
		}
		return null;
	}

	function collect() {
		return {
			title: title.control.value.trim(),
			question: desc.area.value,
			difficulty: difficulty.control.value,
			tags: parseTags(tags.control.value),
			boiler_plate: starters.value(),
			time_limit_ms: Number(time.control.value),
			memory_limit_mb: Number(memory.control.value),
			test_cases: tests.tests(),
		};
	}

	// Field errors next to the fields, and one summary on top; false if any.
	function validate(data) {
		const problems = [];
		const mark = (f, msg) => {
			f.setError(msg);
			if (msg) problems.push({ message: msg, control: f.control });
		};
		mark(title, data.title ? "" : "Enter a title.");
		mark(desc, data.question.trim() ? "" : "Write the description: it is what the candidate reads.");
		const badTag = data.tags.find((t) => t.length > 40);
		mark(tags, data.tags.length > 20 ? "At most 20 tags."
			: badTag ? `The tag “${badTag.slice(0, 20)}…” is longer than 40 characters.` : "");
		const lim = limitsProblem();
		mark(time, lim && lim.f === time ? lim.message : "");
		mark(memory, lim && lim.f === memory ? lim.message : "");
		const t = tests.problem();
		if (t) problems.push(t);
		summary.hidden = problems.length === 0;
		if (problems.length) {
			summary.replaceChildren(h("p", {}, "The question was not saved. Fix these first:"),
				h("ul", {}, problems.map((p) => h("li", {}, p.message))));
			problems[0].control.focus();
		}
		return problems.length === 0;
	}

	let saved = JSON.stringify(collect());
	ctx.guardUnsaved(() => JSON.stringify(collect()) !== saved);

	const saveBtn = h("button", { type: "submit", class: "btn btn-primary" }, "Save question");
	const saveStatus = h("div", { class: "save-status" });
	const deleteBtn = h("button", { type: "button", class: "btn btn-danger-quiet push-right", hidden: !id,
		onclick: onDelete }, "Delete question");
	const form = h("form", { class: "question-form", id: formId, novalidate: true },
		summary,
		saveStatus,
		section("Basics",
			h("div", { class: "grid-basics" }, title.field, difficulty.field, tags.field, time.field, memory.field)),
		section("Description", desc.element),
		section("Starter code", starters.element),
		section("Test cases", tests.element),
		section("Check with a reference solution", check.element),
		h("div", { class: "form-actions" },
			saveBtn,
			h("a", { class: "btn", href: "#/questions" }, "Back to the bank"),
			deleteBtn));

	async function onDelete() {
		if (!(await deleteQuestion(q))) return;
		saved = JSON.stringify(collect());
		ctx.go("#/questions");
	}

	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		const data = collect();
		if (!validate(data)) return;
		saveStatus.replaceChildren();
		topSave.disabled = true;
		saveBtn.disabled = true;
		try {
			const res = await busy(e.submitter || saveBtn, "Saving…", () => (id
				? api.put(`/api/admin/questions/${idPath(id)}`, data)
				: api.post("/api/admin/questions", data)));
			q = res.question;
			saved = JSON.stringify(data);
			heading.textContent = `Edit: ${q.title}`;
			ctx.title(`Edit: ${q.title}`);
			if (!id) {
				id = q.id;
				ctx.replaceHash(`#/questions/${q.id}`);
				deleteBtn.hidden = false;
			}
			saveStatus.replaceChildren(h("p", { class: "banner banner-ok", role: "status" },
				`Saved “${q.title}” with ${q.test_cases.length} test${q.test_cases.length === 1 ? "" : "s"}.`));
			announce("Question saved.");
		} catch (err) {
			saveStatus.replaceChildren(errorBox(`Not saved. ${err.message}`));
			announce(`Not saved. ${err.message}`, "error");
		} finally {
			topSave.disabled = false;
			saveBtn.disabled = false;
		}
	});

	body.replaceChildren(form);
	topSave.hidden = false;
}
