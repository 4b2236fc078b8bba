// question-form.js - create or edit a question: basics, markdown description
// with a live preview (and a PDF statement), a function signature, starter
// code per language, test groups and cases, the checker, check, reference
// solutions, save, export, delete. A save sends what the form edits; what it
// does not (an imported package's data) stays as stored.
import { idPath } from "../common/api.js";
import { h, uid, field, loading, errorBox, busy } from "../common/dom.js";
import { fmtScore } from "../common/format.js";
import { loadLanguages } from "../common/languages.js";
import { api, session } from "./session.js";
import { announce } from "./ui.js";
import { testCaseTable } from "./testcases.js";
import { checkPanel } from "./check.js";
import { checkerEditor } from "./checker.js";
import { groupEditor } from "./groups.js";
import { referenceList } from "./references.js";
import { signatureEditor } from "./signature.js";
import { deleteQuestion, exportQuestion } from "./questions.js";

const BLANK = {
	title: "", question: "", difficulty: "easy", tags: [], boiler_plate: {},
	time_limit_ms: 2000, memory_limit_mb: 256, test_cases: [], checker: null, groups: [], signature: null,
	references: [],
};
const MAX_PDF_BYTES = 18 * 1024 * 1024;

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
		// code for the languages that have none yet; the number filled
		fillEmpty(map) {
			code[cur] = editor.getValue();
			let n = 0;
			for (const [l, text] of Object.entries(map || {})) {
				if (!langs.includes(l) || typeof text !== "string" || (code[l] && code[l].trim())) continue;
				code[l] = text;
				n++;
			}
			editor.setValue(code[cur] || "");
			return n;
		},
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

function fileBase64(file) {
	return new Promise((resolve, reject) => {
		const r = new FileReader();
		r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
		r.onerror = () => reject(r.error);
		r.readAsDataURL(file);
	});
}

// The statement as a PDF: open the stored one, attach or remove one. qid():
// the question's id once it has one. Returns { element, value() -> undefined
// (unchanged) | "" (remove) | base64, has(), saved(hasPdf) }.
function pdfStatement(q, qid) {
	let stored = !!q.has_statement_pdf;
	let change;          // undefined: as stored
	const status = h("p", { class: "field-hint" });
	const open = h("button", { type: "button", class: "btn btn-small" }, "Open PDF");
	const remove = h("button", { type: "button", class: "btn btn-small btn-danger-quiet" }, "Remove PDF");
	const fileId = uid("pdf");
	const file = h("input", { type: "file", id: fileId, accept: "application/pdf,.pdf", class: "file-input" });
	const attach = h("label", { for: fileId, class: "btn btn-small" }, stored ? "Replace PDF…" : "Attach a PDF…");
	const problem = h("p", { class: "field-error", hidden: true });
	const has = () => (change === undefined ? stored : change !== "");
	function show() {
		status.textContent = change === undefined
			? (stored ? "This question's statement comes with a PDF, which candidates can open." : "No PDF statement.")
			: change === "" ? "The PDF will be removed when you save." : "The new PDF will be attached when you save.";
		open.hidden = !(stored && change === undefined);
		remove.hidden = !has();
	}
	open.addEventListener("click", async () => {
		const w = window.open("", "_blank");
		try {
			const res = await fetch(`/api/questions/${idPath(qid())}/statement.pdf`,
				{ headers: { Authorization: `Bearer ${session.token()}` }, cache: "no-store" });
			if (!res.ok) throw new Error(`The PDF could not be loaded (HTTP ${res.status}).`);
			const url = URL.createObjectURL(await res.blob());
			if (w) w.location.href = url;
			else announce("Your browser blocked the new tab. Allow pop-ups for this site and try again.", "error");
		} catch (e) {
			if (w) w.close();
			announce(e.message, "error");
		}
	});
	remove.addEventListener("click", () => {
		change = stored ? "" : undefined;
		show();
	});
	file.addEventListener("change", async () => {
		const f = file.files[0];
		file.value = "";
		if (!f) return;
		problem.hidden = f.size <= MAX_PDF_BYTES;
		problem.textContent = f.size > MAX_PDF_BYTES ? `${f.name} is larger than 18 MB, the limit for a statement.` : "";
		if (f.size > MAX_PDF_BYTES) return;
		change = await fileBase64(f);
		show();
	});
	show();
	return {
		element: h("div", { class: "pdf-statement" }, h("span", { class: "label" }, "PDF statement"),
			h("div", { class: "button-row" }, status, open, attach, file, remove), problem),
		value: () => change,
		has,
		saved(hasPdf) {
			stored = !!hasPdf;
			change = undefined;
			attach.textContent = stored ? "Replace PDF…" : "Attach a PDF…";
			show();
		},
	};
}

export async function questionFormView(ctx, id) {
	const heading = h("h1", {}, id ? "Edit question" : "New question");
	ctx.title(id ? "Edit question" : "New question");
	const body = h("div", {}, id ? loading("Loading the question…") : null);
	const formId = uid("qform");
	// a second Save at the top, so that a long form need not be scrolled to save
	const topSave = h("button", { type: "submit", form: formId, class: "btn btn-primary", hidden: true }, "Save question");
	const exportBtn = h("button", { type: "button", class: "btn", hidden: true }, "Export package");
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, h("a", { href: "#/questions", class: "back-link" }, "← Question bank"), heading),
		h("div", { class: "head-actions" }, exportBtn, topSave)), body);

	let q = BLANK;
	const [langs, stored] = await Promise.all([loadLanguages(),
		id ? api.get(`/api/admin/questions/${idPath(id)}`) : null]);
	if (!ctx.alive) return;
	if (stored) {
		q = stored.question;
		heading.textContent = `Edit: ${q.title}`;
		ctx.title(`Edit: ${q.title}`);
	}
	exportBtn.addEventListener("click", () => exportQuestion(q, exportBtn));

	const title = field("Title", h("input", { type: "text", maxlength: 200, value: q.title, required: true }));
	const difficulty = field("Difficulty", h("select", { value: q.difficulty },
		["easy", "medium", "hard"].map((d) => h("option", { value: d }, d))));
	const tags = field("Tags", h("input", { type: "text", value: (q.tags || []).join(", ") }),
		"Separate tags with commas, e.g. graphs, BFS.");
	const time = field("Time limit (ms)", h("input", { type: "number", min: 100, max: 30000, step: 100,
		value: String(q.time_limit_ms) }), "CPU time per test, 100 to 30000.");
	const memory = field("Memory limit (MB)", h("input", { type: "number", min: 32, max: 2048, step: 1,
		value: String(q.memory_limit_mb) }), "32 to 2048.");
	const output = field("Output limit (KB)", h("input", { type: "number", min: 1, step: 1,
		value: q.output_limit_kb ? String(q.output_limit_kb) : "" }), "Per test; empty for the service's default.");
	const desc = descriptionEditor(q.question || "");
	const pdf = pdfStatement(q, () => id);
	const starters = starterEditor(q.boiler_plate || {}, langs);
	let check = null;
	const stale = () => check && check.markStale();
	let tests = null;
	const groups = groupEditor(q.groups || [], () => {
		if (tests) tests.setGroups();
		showWorth();
		stale();
	});
	tests = testCaseTable(q.test_cases || [], () => {
		showWorth();
		stale();
	}, groups);
	const signature = signatureEditor(q.signature || null, langs, (sig) => tests.setSignature(sig), (stubs) => {
		const n = starters.fillEmpty(stubs);
		announce(n ? `Starter code set for ${n} language${n === 1 ? "" : "s"}.` : "Every language already has starter code.");
	});
	tests.setSignature(q.signature || null);
	const checker = checkerEditor(q.checker, langs, stale, () => check.run());
	const references = referenceList(q.references || [], langs, () => check.setReferences(references.value()));
	const worthLine = h("p", { class: "field-hint worth", "aria-live": "polite" });
	const summary = h("div", { class: "banner banner-error", role: "alert", hidden: true, tabindex: -1 });

	// "Worth 40 points: group1 10, group2 30"
	function showWorth() {
		const list = tests.tests();
		const gs = groups.list();
		const pts = (t) => (Number.isFinite(t.points) ? t.points : 0);
		worthLine.classList.toggle("warn", !list.length);
		if (!list.length) {
			worthLine.textContent = "No tests yet: the question can be saved, but it cannot go into a test "
				+ "or an invitation until it has at least one.";
			return;
		}
		if (!gs.length) {
			const total = list.reduce((a, t) => a + pts(t), 0);
			worthLine.textContent = `The tests are worth ${fmtScore(total)} points.`;
			return;
		}
		const parts = gs.map((g) => [g.name, groups.worth(g.key,
			list.filter((t) => t.group === g.name).reduce((a, t) => a + pts(t), 0))]);
		const total = parts.reduce((a, [, w]) => a + w, 0);
		worthLine.textContent = `The question is worth ${fmtScore(total)} points: `
			+ parts.map(([n, w]) => `${n || "(unnamed)"} ${fmtScore(w)}`).join(", ") + ".";
	}
	showWorth();

	function outputLimit() {
		const v = output.control.value.trim();
		return v === "" ? null : Number(v);
	}

	// Limits, tests, checker and groups as the check endpoint wants them; throws with what to fix.
	function checkRequest() {
		const p = limitsProblem() || groups.problem() || tests.problem() || checker.problem();
		if (p) throw new Error(p.message);
		const list = tests.tests();
		if (!list.length) throw new Error("Add at least one test case first.");
		const req = { time_limit_ms: Number(time.control.value), memory_limit_mb: Number(memory.control.value),
			checker: checker.value(), groups: groups.value(), tests: list };
		if (outputLimit()) req.output_limit_kb = outputLimit();
		const sig = signature.current();
		if (sig === undefined) throw new Error("Press Preview to read the changed signature first.");
		if (sig) req.signature = sig;
		// a saved function question, unchanged: checked as stored, with its harness
		if (sig && id && snapshot() === saved) req.savedId = id;
		return req;
	}
	check = checkPanel(checkRequest, langs, q.references || []);
	// editors listen on the window; they go with the view
	ctx.onLeave(() => {
		starters.destroy();
		check.destroy();
		checker.destroy();
		signature.destroy();
		references.destroy();
	});

	function limitsProblem() {
		const t = Number(time.control.value);
		const m = Number(memory.control.value);
		const o = outputLimit();
		if (!Number.isInteger(t) || t < 100 || t > 30000) {
			return { message: "The time limit must be a whole number of milliseconds from 100 to 30000.", f: time, control: time.control };
		}
		if (!Number.isInteger(m) || m < 32 || m > 2048) {
			return { message: "The memory limit must be a whole number of MB from 32 to 2048.", f: memory, control: memory.control };
		}
		if (o !== null && (!Number.isInteger(o) || o < 1)) {
			return { message: "The output limit must be a whole number of KB, at least 1, or empty.", f: output, control: output.control };
		}
		return null;
	}

	let loadedRefs = JSON.stringify(q.references || []);

	// The document to save. Members the form does not edit are left out, so the
	// stored ones stay; references only when they were edited.
	function collect() {
		const data = {
			title: title.control.value.trim(),
			question: desc.area.value,
			difficulty: difficulty.control.value,
			tags: parseTags(tags.control.value),
			boiler_plate: starters.value(),
			time_limit_ms: Number(time.control.value),
			memory_limit_mb: Number(memory.control.value),
			checker: checker.value(),
			groups: groups.value(),
			test_cases: tests.tests(),
			// undefined (not read yet) is resolved before a save
			signature: signature.current(),
		};
		if (outputLimit() !== null) data.output_limit_kb = outputLimit();
		const refs = references.value();
		if (JSON.stringify(refs) !== loadedRefs) data.references = refs;
		if (pdf.value() !== undefined) data.statement_pdf = pdf.value();
		return data;
	}
	// what the unsaved-changes guard compares: the signature as typed
	const snapshot = () => JSON.stringify({ ...collect(), signature: signature.text() });

	// Field errors next to the fields, and one summary on top; false if any.
	function validate(data) {
		const problems = [];
		const mark = (f, msg) => {
			f.setError(msg);
			if (msg) problems.push({ message: msg, control: f.control });
		};
		mark(title, data.title ? "" : "Enter a title.");
		mark(desc, data.question.trim() || pdf.has() ? ""
			: "Write the description (or attach a PDF statement): it is what the candidate reads.");
		const badTag = data.tags.find((t) => t.length > 40);
		mark(tags, data.tags.length > 20 ? "At most 20 tags."
			: badTag ? `The tag “${badTag.slice(0, 20)}…” is longer than 40 characters.` : "");
		const lim = limitsProblem();
		for (const f of [time, memory, output]) mark(f, lim && lim.f === f ? lim.message : "");
		for (const p of [groups.problem(), tests.problem(), checker.problem(), references.problem()]) {
			if (p) problems.push(p);
		}
		summary.hidden = problems.length === 0;
		if (problems.length) {
			summary.replaceChildren(h("p", {}, "The question was not saved. Fix these first:"),
				h("ul", {}, problems.map((p) => h("li", {}, p.message))));
			problems[0].control.focus();
		}
		return problems.length === 0;
	}

	let saved = snapshot();
	// a reviewer reads the question: nothing to save, nothing to lose
	ctx.guardUnsaved(() => ctx.mayWrite && snapshot() !== saved);

	const saveBtn = h("button", { type: "submit", class: "btn btn-primary", hidden: !ctx.mayWrite }, "Save question");
	const saveStatus = h("div", { class: "save-status" });
	const deleteBtn = h("button", { type: "button", class: "btn btn-danger-quiet push-right", hidden: !id || !ctx.mayWrite,
		onclick: onDelete }, "Delete question");
	const form = h("form", { class: "question-form", id: formId, novalidate: true },
		ctx.mayWrite ? null : h("p", { class: "banner banner-info" }, "You are reading this question: a reviewer does not change the bank."),
		summary,
		saveStatus,
		section("Basics",
			h("div", { class: "grid-basics" }, title.field, difficulty.field, tags.field, time.field, memory.field,
				output.field)),
		section("Description", desc.element, pdf.element),
		section("Function signature", signature.element),
		section("Starter code", starters.element),
		section("Test cases", groups.element, h("h3", {}, "Tests"), tests.element, worthLine),
		section("How outputs are judged", checker.element),
		section("Check with a solution", check.element),
		section("Reference solutions", references.element),
		h("div", { class: "form-actions" },
			saveBtn,
			h("a", { class: "btn", href: "#/questions" }, "Back to the bank"),
			deleteBtn));

	async function onDelete() {
		if (!(await deleteQuestion(q))) return;
		saved = snapshot();
		ctx.go("#/questions");
	}

	// the summary lists what was wrong: once every field it named is changed, it goes too
	form.addEventListener("input", () => {
		if (!summary.hidden && !form.querySelector("[aria-invalid=true]")) summary.hidden = true;
	});
	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		if (!ctx.mayWrite) return;
		const button = e.submitter || saveBtn;
		let data = collect();
		if (!validate(data)) return;
		saveStatus.replaceChildren();
		topSave.disabled = true;
		saveBtn.disabled = true;
		try {
			const res = await busy(button, "Saving…", async () => {
				try {
					data.signature = await signature.resolve();
				} catch (err) {
					signature.control.focus();
					throw err;
				}
				data = { ...collect(), signature: data.signature };
				return id ? api.put(`/api/admin/questions/${idPath(id)}`, data) : api.post("/api/admin/questions", data);
			});
			q = res.question;
			if (data.references) loadedRefs = JSON.stringify(data.references);
			pdf.saved(q.has_statement_pdf);
			saved = snapshot();
			heading.textContent = `Edit: ${q.title}`;
			ctx.title(`Edit: ${q.title}`);
			if (!id) {
				id = q.id;
				ctx.replaceHash(`#/questions/${q.id}`);
				deleteBtn.hidden = false;
				exportBtn.hidden = false;
			}
			const n = q.test_cases.length;
			saveStatus.replaceChildren(n
				? h("p", { class: "banner banner-ok", role: "status" }, `Saved “${q.title}” with ${n} test${n === 1 ? "" : "s"}.`)
				: h("p", { class: "banner banner-warn", role: "status" }, `Saved “${q.title}” without tests: `
					+ "no candidate can be invited to it until it has at least one."));
			announce(n ? "Question saved." : "Question saved, without tests.");
		} catch (err) {
			saveStatus.replaceChildren(errorBox(`Not saved. ${err.message}`));
			announce(`Not saved. ${err.message}`, "error");
		} finally {
			topSave.disabled = false;
			saveBtn.disabled = false;
		}
	});

	body.replaceChildren(form);
	topSave.hidden = !ctx.mayWrite;
	exportBtn.hidden = !id;
}
