// references.js - the question's reference solutions on the question form:
// each with its name, language, the verdict it must get and its code (an
// editor made when its row is opened), added and removed here. Check can run
// any of them (check.js).
import { h } from "../common/dom.js";
import { verdictLabel } from "../common/verdicts.js";
import { announce } from "./ui.js";

const EXPECTED = ["accepted", "wrong_answer", "time_limit_exceeded", "memory_limit_exceeded", "runtime_error",
	"output_limit_exceeded", "compilation_error"];
const MAX_REFERENCES = 50;

// initial: the question's references. langs: the catalog. onChange(): any edit.
// Returns { element, value(), problem(), destroy() }.
export function referenceList(initial, langs, onChange) {
	const items = [];
	const list = h("div", { class: "references" });
	const empty = h("p", { class: "field-hint" }, "No reference solutions. An imported package brings its own; "
		+ "add one to keep a solution you trust with the question, and the verdict it must get.");
	const addButton = h("button", { type: "button", class: "btn" }, "Add reference solution");

	function refresh() {
		items.forEach((it, i) => it.number(i + 1));
		empty.hidden = items.length !== 0;
		addButton.disabled = items.length >= MAX_REFERENCES;
	}

	function add(r, open) {
		const name = h("input", { type: "text", maxlength: 200, value: r.name || "" });
		const lang = h("select", { value: langs.has(r.language) ? r.language : langs.list[0].id },
			langs.list.map((l) => h("option", { value: l.id }, l.name)));
		const expected = h("select", { value: EXPECTED.includes(r.expected) ? r.expected : "accepted" },
			EXPECTED.map((v) => h("option", { value: v }, verdictLabel(v))));
		const title = h("span", { class: "ref-title" });
		const holder = h("div", { class: "editor-box editor-reference" });
		const del = h("button", { type: "button", class: "btn btn-small btn-danger-quiet" }, "Remove");
		const details = h("details", { class: "reference", open: !!open },
			h("summary", {}, title),
			h("div", { class: "reference-body" },
				h("div", { class: "reference-row" },
					h("label", { class: "field" }, "Name", name),
					h("label", { class: "field" }, "Language", lang),
					h("label", { class: "field" }, "Expected verdict", expected),
					del),
				holder));
		let code = r.code || "";
		let editor = null;
		const makeEditor = () => {
			if (editor || !details.open) return;
			editor = window.CEEditor.create(holder, { language: lang.value, doc: code, label: `Code of ${name.value || "the reference"}`,
				onChange });
		};
		const it = {
			details,
			value: () => ({ name: name.value.trim(), language: lang.value, code: editor ? editor.getValue() : code,
				expected: expected.value }),
			number(n) {
				title.textContent = `${n}. ${name.value.trim() || "(unnamed)"} · ${langs.shortName(lang.value)} · `
					+ verdictLabel(expected.value);
				name.setAttribute("aria-label", `Name of reference ${n}`);
				lang.setAttribute("aria-label", `Language of reference ${n}`);
				expected.setAttribute("aria-label", `Expected verdict of reference ${n}`);
				del.setAttribute("aria-label", `Remove reference ${n}`);
			},
			name,
			destroy() {
				if (editor) code = editor.getValue();
				if (editor) editor.destroy();
				editor = null;
			},
		};
		details.addEventListener("toggle", makeEditor);
		for (const el of [name, lang, expected]) {
			el.addEventListener("input", () => {
				refresh();
				onChange();
			});
		}
		lang.addEventListener("change", () => {
			if (editor) editor.setLanguage(lang.value);
		});
		del.addEventListener("click", () => {
			const i = items.indexOf(it);
			it.destroy();
			items.splice(i, 1);
			details.remove();
			refresh();
			onChange();
			announce("Reference solution removed.");
			const next = items[i] || items[i - 1];
			(next ? next.details.querySelector("summary") : addButton).focus();
		});
		items.push(it);
		list.append(details);
		makeEditor();
		return it;
	}

	for (const r of initial || []) add(r, false);
	addButton.addEventListener("click", () => {
		const it = add({ name: `solution${items.length + 1}`, expected: "accepted" }, true);
		refresh();
		onChange();
		it.name.focus();
	});
	refresh();

	return {
		element: h("div", {}, empty, list, h("div", { class: "tests-toolbar" }, addButton)),
		value: () => items.map((it) => it.value()),
		problem() {
			for (const [i, it] of items.entries()) {
				const v = it.value();
				if (!v.name) return { message: `Reference ${i + 1}: enter a name.`, control: it.name };
				if (!v.code.trim()) {
					it.details.open = true;
					return { message: `Reference ${i + 1}: its code is empty.`, control: it.name };
				}
			}
			return null;
		},
		destroy() {
			for (const it of items) it.destroy();
		},
	};
}
