// static/src/editor.mjs - the code editor the pages use, bundled by `make` into
// static/vendor/editor.js (esbuild, one IIFE, no network at run time).
//
//   const ed = CEEditor.create(parentElement, { language: "python", doc: "...",
//                                               readOnly: false, label: "Code",
//                                               onChange: (text, changes) => {} });
//   ed.getValue(); ed.setValue(text); ed.setLanguage(id); ed.setReadOnly(bool);
//   ed.replace(text)    the whole text, as an edit of the user's (onChange, undo)
//   ed.setOptions({ fontSize: 14, tabSize: 4, autocomplete: false })
//   ed.setMarks([{ line, message }])  error lines (an editor made with marks: true):
//                       a gutter marker and the line's colour, the message as its
//                       title; the next edit clears them
//   ed.focus(); ed.destroy();
//   CEEditor.textOf(anyElementInsideAnEditor) -> its text, or null
//
// Languages are the service's ids: python, java, cpp, c, javascript, csharp.
// Tab indents; Escape then Tab leaves the editor (CodeMirror's keyboard escape).
// Colours come from the page's CSS variables (--code-*, --bg, --fg: base.css), so
// the editor follows the page's light or dark theme.
import { EditorState, Compartment, StateEffect, StateField, RangeSet } from "@codemirror/state";
import {
	EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
	drawSelection, highlightSpecialChars, rectangularSelection, Decoration, gutter, GutterMarker,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
	indentOnInput, bracketMatching, foldGutter, foldKeymap, syntaxHighlighting,
	HighlightStyle, StreamLanguage, indentUnit,
} from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import {
	closeBrackets, closeBracketsKeymap, autocompletion, completeFromList, completeAnyWord,
} from "@codemirror/autocomplete";
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
	"&": { color: "var(--fg, #1f2328)", border: "1px solid var(--border, #8a8f98)", borderRadius: "4px",
		backgroundColor: "var(--bg, #fff)" },
	"&.cm-focused": { outline: "3px solid var(--focus, #1a5fb4)", outlineOffset: "1px" },
	".cm-scroller": { fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace", lineHeight: "1.45" },
	".cm-gutters": { backgroundColor: "var(--bg-alt, #f3f4f6)", color: "var(--fg-muted, #4b5563)",
		borderRight: "1px solid var(--border-light, #d1d5db)" },
	".cm-content": { minHeight: "100%", caretColor: "var(--fg, #000)" },
	".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg, #000)" },
	".cm-activeLine": { backgroundColor: "var(--code-active-line, #f3f6fb)" },
	".cm-activeLineGutter": { backgroundColor: "var(--code-active-line, #e8edf5)" },
	"&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
		{ backgroundColor: "var(--code-selection, #cfe0f7)" },
	".cm-selectionMatch": { backgroundColor: "var(--code-match, #e2f0d9)" },
	"&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--code-match, #e2f0d9)", outline: "1px solid var(--border, #8a8f98)" },
	".cm-tooltip": { backgroundColor: "var(--bg, #fff)", color: "var(--fg, #1f2328)", border: "1px solid var(--border, #8a8f98)" },
	".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--primary, #1a5fb4)", color: "#fff" },
	".cm-completionDetail": { color: "inherit", opacity: "1" },
	".cm-panels": { backgroundColor: "var(--bg-alt, #f5f6f8)", color: "var(--fg, #1f2328)" },
	".cm-error-line": { backgroundColor: "var(--code-error-line, #fdecea)" },
	".cm-error-gutter": { width: "1.1em" },
	".cm-error-marker": { color: "var(--danger, #b42318)", cursor: "help", fontSize: "0.9em" },
});

// Syntax colours through CSS variables, each with its light value (all AA on white).
const highlight = HighlightStyle.define([
	{ tag: t.meta, color: "var(--code-meta, #404740)" },
	{ tag: t.link, textDecoration: "underline" },
	{ tag: t.heading, textDecoration: "underline", fontWeight: "bold" },
	{ tag: t.emphasis, fontStyle: "italic" },
	{ tag: t.strong, fontWeight: "bold" },
	{ tag: t.strikethrough, textDecoration: "line-through" },
	{ tag: t.keyword, color: "var(--code-keyword, #708)" },
	{ tag: [t.atom, t.bool, t.url, t.contentSeparator, t.labelName], color: "var(--code-atom, #219)" },
	{ tag: [t.literal, t.inserted], color: "var(--code-number, #164)" },
	{ tag: [t.string, t.deleted], color: "var(--code-string, #a11)" },
	{ tag: [t.regexp, t.escape, t.special(t.string)], color: "var(--code-regexp, #c00)" },
	{ tag: t.definition(t.variableName), color: "var(--code-def, #00f)" },
	{ tag: t.local(t.variableName), color: "var(--code-local, #30a)" },
	{ tag: [t.typeName, t.namespace], color: "var(--code-type, #085)" },
	{ tag: t.className, color: "var(--code-class, #167)" },
	{ tag: [t.special(t.variableName), t.macroName], color: "var(--code-special, #256)" },
	{ tag: t.definition(t.propertyName), color: "var(--code-prop, #00c)" },
	{ tag: t.comment, color: "var(--code-comment, #940)" },
	{ tag: t.invalid, color: "var(--code-invalid, #f00)" },
]);

// Keywords (and the most used built-in names) per language, for the autocomplete;
// the words of the file come from CodeMirror's completeAnyWord.
const C_COMMON = "auto break case char const continue default do double else enum extern float for goto if " +
	"inline int long register return short signed sizeof static struct switch typedef union unsigned void volatile while";
const KEYWORDS = {
	python: "False None True and as assert async await break class continue def del elif else except finally for " +
		"from global if import in is lambda nonlocal not or pass raise return try while with yield " +
		"print input len range int str float list dict set tuple sorted enumerate zip map min max sum abs open " +
		"isinstance super self sys stdin readline split strip append",
	java: "abstract assert boolean break byte case catch char class continue default do double else enum extends " +
		"final finally float for if implements import instanceof int interface long new package private protected " +
		"public return short static super switch this throw throws try void while var true false null " +
		"String System Scanner BufferedReader InputStreamReader StringBuilder Integer Long Math ArrayList HashMap List Map println",
	cpp: C_COMMON + " bool catch class constexpr delete explicit false friend namespace new nullptr operator private " +
		"protected public template this throw true try typename using virtual std vector string map set " +
		"unordered_map pair cin cout endl include iostream",
	c: C_COMMON + " bool true false NULL include stdio stdlib string printf scanf malloc free size_t",
	javascript: "async await break case catch class const continue debugger default delete do else export extends " +
		"false finally for function if import in instanceof let new null return super switch this throw true try " +
		"typeof undefined var void while yield console log require process stdin length push Math JSON",
	csharp: "abstract as base bool break byte case catch char class const continue decimal default do double else " +
		"enum false finally float for foreach if in int interface internal is long namespace new null object out " +
		"override private protected public readonly ref return static string struct switch this throw true try " +
		"using var virtual void while Console ReadLine WriteLine List Dictionary",
};

function completion(lang, on) {
	if (!on) return [];
	const words = [...new Set((KEYWORDS[lang] || "").split(" ").filter(Boolean))];
	return autocompletion({
		override: [completeFromList(words.map((w) => ({ label: w, type: "keyword" }))), completeAnyWord],
	});
}

function fontSizeExt(px) {
	return EditorView.theme({ "&": { fontSize: px + "px" } });
}

function tabExt(n) {
	return [indentUnit.of(" ".repeat(n)), EditorState.tabSize.of(n)];
}

// Error lines: set by setMarks, gone at the next change of the document.
const setMarksEffect = StateEffect.define();

class ErrorMarker extends GutterMarker {
	constructor(message) {
		super();
		this.message = message;
	}

	eq(other) {
		return other.message === this.message;
	}

	toDOM() {
		const s = document.createElement("span");
		s.className = "cm-error-marker";
		s.textContent = "\u25cf";
		s.title = this.message;
		return s;
	}
}

const NO_MARKS = { lines: Decoration.none, gutter: RangeSet.empty };

function buildMarks(state, marks) {
	const byLine = new Map();
	for (const m of marks || []) {
		const n = Number(m.line);
		if (!Number.isInteger(n) || n < 1 || n > state.doc.lines) continue;
		byLine.set(n, byLine.has(n) ? byLine.get(n) + "\n" + m.message : String(m.message || "error"));
	}
	const lines = [], markers = [];
	for (const n of [...byLine.keys()].sort((a, b) => a - b)) {
		const from = state.doc.line(n).from;
		const message = byLine.get(n);
		lines.push(Decoration.line({ class: "cm-error-line", attributes: { title: message } }).range(from));
		markers.push(new ErrorMarker(message).range(from));
	}
	return lines.length ? { lines: Decoration.set(lines), gutter: RangeSet.of(markers) } : NO_MARKS;
}

const marksField = StateField.define({
	create: () => NO_MARKS,
	update(value, tr) {
		for (const e of tr.effects) if (e.is(setMarksEffect)) return buildMarks(tr.state, e.value);
		return tr.docChanged ? NO_MARKS : value;
	},
	provide: (f) => [
		EditorView.decorations.from(f, (v) => v.lines),
		gutter({ class: "cm-error-gutter", markers: (view) => view.state.field(f).gutter }),
	],
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
	const complete = new Compartment();
	const fontSize = new Compartment();
	const tabs = new Compartment();
	const ro = !!opts.readOnly;
	const o = { language: opts.language, fontSize: 14, tabSize: 4, autocomplete: false };
	let silent = false;
	const ext = [
		opts.marks ? marksField : [], lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), foldGutter(),
		drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(), rectangularSelection(),
		highlightActiveLine(), highlightSelectionMatches(),
		syntaxHighlighting(highlight),
		tabs.of(tabExt(o.tabSize)), fontSize.of(fontSizeExt(o.fontSize)), complete.of(completion(o.language, o.autocomplete)),
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
		replace(text) {
			view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text || "" }, userEvent: "input.reset" });
		},
		setLanguage(id) {
			o.language = id;
			view.dispatch({ effects: [language.reconfigure(langExt(id)), complete.reconfigure(completion(id, o.autocomplete))] });
		},
		setOptions(next) {
			const effects = [];
			if (next.fontSize && next.fontSize !== o.fontSize) effects.push(fontSize.reconfigure(fontSizeExt(o.fontSize = next.fontSize)));
			if (next.tabSize && next.tabSize !== o.tabSize) effects.push(tabs.reconfigure(tabExt(o.tabSize = next.tabSize)));
			if (next.autocomplete !== undefined && !!next.autocomplete !== o.autocomplete)
				effects.push(complete.reconfigure(completion(o.language, o.autocomplete = !!next.autocomplete)));
			if (effects.length) view.dispatch({ effects });
		},
		setMarks(marks) {
			view.dispatch({ effects: setMarksEffect.of(marks) });
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
