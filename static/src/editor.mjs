// static/src/editor.mjs - the code editor the pages use, bundled by `make` into
// static/vendor/editor.js (esbuild, one IIFE, no network at run time).
//
//   const ed = CEEditor.create(parentElement, { language: "python", doc: "...",
//                                               readOnly: false, label: "Code",
//                                               onChange: (text, changes) => {} });
//   ed.getValue(); ed.setValue(text); ed.setLanguage(id); ed.setReadOnly(bool);
//   ed.focus(); ed.destroy();
//   CEEditor.textOf(anyElementInsideAnEditor) -> its text, or null
//
// Languages are the service's ids: python, java, cpp, c, javascript, csharp.
// Tab indents; Escape then Tab leaves the editor (CodeMirror's keyboard escape).
import { EditorState, Compartment } from "@codemirror/state";
import {
	EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
	drawSelection, highlightSpecialChars, rectangularSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
	indentOnInput, bracketMatching, foldGutter, foldKeymap, syntaxHighlighting,
	defaultHighlightStyle, StreamLanguage, indentUnit,
} from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { java } from "@codemirror/lang-java";
import { cpp } from "@codemirror/lang-cpp";
import { javascript } from "@codemirror/lang-javascript";
import { csharp } from "@codemirror/legacy-modes/mode/clike";

const LANGS = {
	python: () => python(),
	java: () => java(),
	cpp: () => cpp(),
	c: () => cpp(),
	javascript: () => javascript(),
	csharp: () => StreamLanguage.define(csharp),
};

function langExt(id) {
	const f = LANGS[id];
	return f ? f() : [];
}

const theme = EditorView.theme({
	"&": { fontSize: "14px", border: "1px solid #8a8f98", borderRadius: "4px", backgroundColor: "#fff" },
	"&.cm-focused": { outline: "3px solid #1a5fb4", outlineOffset: "1px" },
	".cm-scroller": { fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace", lineHeight: "1.45" },
	".cm-gutters": { backgroundColor: "#f3f4f6", color: "#4b5563", borderRight: "1px solid #d1d5db" },
	".cm-content": { minHeight: "100%" },
});

// The candidate's changes of an update, in the order they apply: [t, from, to, insert],
// from..to in the document as the changes before it left it.
function changesOf(update) {
	const t = Date.now();
	const out = [];
	for (const tr of update.transactions) {
		let shift = 0;
		tr.changes.iterChanges((fromA, toA, fromB, toB, inserted) => {
			out.push([t, fromA + shift, toA + shift, inserted.toString()]);
			shift += inserted.length - (toA - fromA);
		});
	}
	return out;
}

function create(parent, opts = {}) {
	const language = new Compartment();
	const readOnly = new Compartment();
	const ro = !!opts.readOnly;
	let silent = false;
	const ext = [
		lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), foldGutter(),
		drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(), rectangularSelection(),
		highlightActiveLine(), highlightSelectionMatches(),
		syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
		indentUnit.of("    "), EditorState.tabSize.of(4),
		keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
			...foldKeymap, indentWithTab]),
		theme,
		language.of(langExt(opts.language)),
		readOnly.of([EditorState.readOnly.of(ro), EditorView.editable.of(!ro)]),
		// tabindex: a read-only view can be focused and scrolled from the keyboard too (axe's
		// scrollable-region-focusable)
		EditorView.contentAttributes.of({ "aria-label": opts.label || "Code editor", tabindex: "0" }),
		EditorView.updateListener.of((u) => {
			if (u.docChanged && !silent && opts.onChange) opts.onChange(u.state.doc.toString(), changesOf(u));
		}),
	];
	const view = new EditorView({ parent, state: EditorState.create({ doc: opts.doc || "", extensions: ext }) });
	return {
		view,
		getValue: () => view.state.doc.toString(),
		setValue(text) {
			silent = true;
			try {
				view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text || "" } });
			} finally {
				silent = false;
			}
		},
		setLanguage(id) {
			view.dispatch({ effects: language.reconfigure(langExt(id)) });
		},
		setReadOnly(flag) {
			view.dispatch({ effects: readOnly.reconfigure([EditorState.readOnly.of(!!flag),
				EditorView.editable.of(!flag)]) });
		},
		focus: () => view.focus(),
		destroy: () => view.destroy(),
	};
}

// The text of the editor that element belongs to (null when none): what a
// page's own code or a browser test reads without reaching into the DOM.
function textOf(el) {
	const view = el && EditorView.findFromDOM(el.closest(".cm-editor") || el);
	return view ? view.state.doc.toString() : null;
}

window.CEEditor = { create, textOf, languages: Object.keys(LANGS) };
