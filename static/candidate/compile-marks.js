// compile-marks.js - a compile error's line marked in the editor: the line
// numbers of the candidate's own file read from the compiler's output (g++ and
// gcc, javac, mcs, Python's syntax check, node --check), shown as a gutter
// marker and a coloured line with the message as its title. The next edit
// clears them (the editor does), and so does the next Run or Submit.
import { markLines } from "./editor.js";

const MAX_MARKS = 50;

function escape(s) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The lines of sourceFile (the language's source_file, "{class}.java" for Java)
// that output reports errors on: [{ line, message }], in the output's order.
export function errorLines(output, sourceFile) {
	if (typeof output !== "string" || !sourceFile) return [];
	const dot = sourceFile.lastIndexOf(".");
	const name = sourceFile.includes("{") ? "[A-Za-z_$][\\w$]*" + escape(sourceFile.slice(dot)) : escape(sourceFile);
	// the file as the judge's box names it: bare, or under a relative or /box path
	const file = "(?:\\./|/box/)?" + name;
	const out = [];
	const add = (line, message) => {
		if (out.length < MAX_MARKS) out.push({ line: Number(line), message: message.trim() });
	};
	let m;
	// g++, gcc, javac: main.cpp:3:5: error: ...  Main.java:4: error: ...
	const gcc = new RegExp("^" + file + ":(\\d+)(?::\\d+)?: (?:fatal )?error: (.*)$", "gm");
	while ((m = gcc.exec(output))) add(m[1], m[2]);
	// mcs: Main.cs(6,20): error CS1525: ...
	const mcs = new RegExp("^" + file + "\\((\\d+),\\d+\\): error (.*)$", "gm");
	while ((m = mcs.exec(output))) add(m[1], m[2]);
	// Python: File "main.py", line 2 ... SyntaxError: ...
	const py = new RegExp("^\\s*File \"" + file + "\", line (\\d+)", "m").exec(output);
	// node --check: /box/main.js:5 ... SyntaxError: ...
	const js = new RegExp("^" + file + ":(\\d+)\\s*$", "m").exec(output);
	const first = py || js;
	if (first) {
		const err = /^\w*(?:Error|Exception)\b.*$/m.exec(output.slice(first.index));
		add(first[1], err ? err[0] : "error");
	}
	return out;
}

// After a run or submit (r: { language, data }) of the code on screen: mark its
// compile errors; languages: the catalog, for the source file's name.
export function markCompile(r, languages) {
	const c = r && r.data && r.data.compile;
	if (!c || c.status === "ok" || c.status === "skipped" || !c.output) return;
	const lang = languages.list.find((l) => l.id === r.language);
	if (!lang || document.getElementById("lang-select").value !== r.language) return;
	markLines(errorLines(c.output, lang.source_file));
}

// A new Run or Submit: the marks of the last one go.
document.addEventListener("click", (e) => {
	if (e.target instanceof Element && e.target.closest("#run-btn, #submit-btn")) markLines([]);
}, true);
