// editor.js - the solution editor (CodeMirror 6, bundled in
// static/vendor/editor.js as the global CEEditor) and the language picker
// above it, filled from the service's languages. The editor follows the
// settings (settings.js); compile-marks.js marks error lines through markLines.
import { byId, h, setChildren } from "../common/dom.js";
import { editorSettings, watchSettings } from "./settings.js";

let shown = null;            // the editor on screen

// Error lines of the code on screen ([{ line, message }]; [] clears them).
export function markLines(marks) {
	if (shown) shown.setMarks(marks);
}

// languages: the catalog. onChange(text, changes): the candidate edited the code
// (changes: [[t, from, to, insert], ...] in order). onLanguage(id): the candidate
// picked another language. onPaste(text): the candidate pasted into the editor.
export function createEditor({ languages, onChange, onLanguage, onPaste }) {
	const editor = window.CEEditor.create(byId("editor"), {
		language: languages.list[0].id,
		doc: "",
		label: "Solution code",
		marks: true,
		onChange,
	});
	shown = editor;
	editor.setOptions(editorSettings());
	watchSettings((s) => editor.setOptions(s));
	byId("editor").addEventListener("paste", (e) => onPaste(e.clipboardData ? e.clipboardData.getData("text/plain") : ""), true);
	const select = byId("lang-select");
	setChildren(select, languages.list.map((l) => h("option", { value: l.id }, l.name)));
	select.addEventListener("change", () => onLanguage(select.value));

	return {
		getValue: () => editor.getValue(),
		setReadOnly: (readOnly) => editor.setReadOnly(readOnly),

		// Replace the code as an edit of the candidate's (saved, recorded, undoable).
		replace(code) {
			editor.replace(code);
			editor.focus();
		},

		// Show code in a language; not a change of the candidate's (no onChange).
		show(language, code) {
			select.value = language;
			editor.setLanguage(language);
			editor.setValue(code);
		},
	};
}
