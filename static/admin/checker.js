// checker.js - how the question form says outputs are judged: a built-in
// comparison (lines, exact, tokens, tokens ignoring case, numbers within a
// tolerance) or a program of the question's own, a custom checker or an
// interactor (its language, flags and code), as the "checker" member.
import { h, field } from "../common/dom.js";

const TYPES = [
	{ id: "lines", label: "Lines (default)",
		hint: "Line by line; trailing spaces on a line and blank lines at the end do not count." },
	{ id: "exact", label: "Exact", hint: "Byte for byte: a missing final newline is a difference." },
	{ id: "tokens", label: "Tokens", hint: "Words separated by any whitespace must be equal, in order." },
	{ id: "tokens_ci", label: "Tokens, ignoring case", hint: "Tokens, with letters compared without case." },
	{ id: "float", label: "Numbers with a tolerance",
		hint: "Tokens; where the expected token is a number, the output's may differ within the tolerance. "
			+ "Accepted when within the absolute or the relative tolerance; with neither set, 1e-6 for both." },
	{ id: "custom", label: "Custom checker program",
		hint: "A program judges each output (the Kattis output validator interface): it runs as "
			+ "checker input_file answer_file feedback_dir [flags], reads the program's output on stdin and "
			+ "exits with 42 to accept or 43 to reject. What it writes to feedback_dir/judgemessage.txt is shown "
			+ "to you (never to candidates); a fraction from 0 to 1 in feedback_dir/score.txt gives partial credit." },
	{ id: "interactive", label: "Interactive (an interactor talks to the solution)",
		hint: "The interactor's stdout is the solution's stdin and the other way round. It runs as "
			+ "interactor input_file answer_file feedback_dir [flags] and exits with 42 to accept or 43 to reject; "
			+ "judgemessage.txt and score.txt as for a custom checker." },
];

const PROGRAM_LANGS = ["python", "cpp", "c"];

// Written into an empty editor when a program type is picked: the shape of the interface.
const TEMPLATES = {
	python: "import sys\n\n"
		+ "# argv: input_file answer_file feedback_dir [flags]; stdin: the program's output\n"
		+ "input_text = open(sys.argv[1]).read()\n"
		+ "answer = open(sys.argv[2]).read()\n"
		+ "output = sys.stdin.read()\n\n"
		+ "def judge(ok, message):\n"
		+ "    with open(sys.argv[3] + \"/judgemessage.txt\", \"w\") as f:\n"
		+ "        f.write(message)\n"
		+ "    sys.exit(42 if ok else 43)\n\n"
		+ "judge(output.split() == answer.split(), \"compared token by token\")\n",
};

function isProgram(type) {
	return type === "custom" || type === "interactive";
}

// A tolerance field's value: "" (unset), or a finite non-negative number; NaN when invalid.
function tolerance(input) {
	const t = input.value.trim();
	if (t === "") return "";
	const v = Number(t);
	return Number.isFinite(v) && v >= 0 ? v : NaN;
}

// initial: the question's checker (null: the default). langs: the catalog.
// onChange(): any edit. onCheck(): the Check button beside the program.
// Returns { element, value(), problem(), destroy() }.
export function checkerEditor(initial, langs, onChange, onCheck) {
	const c = initial && typeof initial === "object" ? initial : { type: "lines" };
	const type = h("select", { value: TYPES.some((t) => t.id === c.type) ? c.type : "lines" },
		TYPES.map((t) => h("option", { value: t.id }, t.label)));
	const typeField = field("Checker", type);
	const typeHint = h("p", { class: "field-hint checker-hint" });

	const ci = h("input", { type: "checkbox", checked: !!c.case_insensitive });
	const ciLabel = h("label", { class: "check" }, ci, "Ignore the case of letters");

	const both = c.float_tolerance === undefined ? "" : String(c.float_tolerance);
	const abs = field("Absolute tolerance", h("input", { type: "text", inputmode: "decimal", class: "tolerance",
		value: c.float_absolute_tolerance === undefined ? both : String(c.float_absolute_tolerance),
		placeholder: "e.g. 1e-6" }));
	const rel = field("Relative tolerance", h("input", { type: "text", inputmode: "decimal", class: "tolerance",
		value: c.float_relative_tolerance === undefined ? both : String(c.float_relative_tolerance),
		placeholder: "e.g. 1e-6" }));
	const floatBox = h("div", { class: "checker-float" }, abs.field, rel.field);

	const lang = h("select", { value: PROGRAM_LANGS.includes(c.language) ? c.language : "python" },
		PROGRAM_LANGS.map((l) => h("option", { value: l }, langs.has(l) ? langs.name(l) : l)));
	const langField = field("Checker language", lang);
	const flags = field("Flags", h("input", { type: "text", value: c.flags || "", maxlength: 256, class: "flags",
		spellcheck: "false" }), "Extra words passed after feedback_dir, separated by spaces. Optional.");
	const holder = h("div", { class: "editor-box editor-checker" });
	const editor = window.CEEditor.create(holder, { language: lang.value, doc: isProgram(c.type) ? c.code || "" : "",
		label: "Checker program", onChange });
	const codeError = h("p", { class: "field-error", hidden: true });
	const checkBtn = h("button", { type: "button", class: "btn" }, "Check");
	checkBtn.addEventListener("click", () => onCheck());
	const programBox = h("div", { class: "checker-program" },
		h("div", { class: "checker-row" }, langField.field, flags.field),
		h("div", { class: "field" }, h("span", { class: "label", "aria-hidden": "true" }, "Checker program"), holder, codeError));
	const checkRow = h("div", { class: "checker-check" }, checkBtn,
		h("p", { class: "field-hint" }, "Runs the solution under “Check with a solution” against the tests in this "
			+ "form, judged by this checker and scored by the groups: each test's verdict, score and the checker's message."));

	function show() {
		const t = type.value;
		const info = TYPES.find((x) => x.id === t);
		typeHint.textContent = info ? info.hint : "";
		floatBox.hidden = t !== "float";
		ciLabel.hidden = isProgram(t) || t === "tokens_ci";
		programBox.hidden = !isProgram(t);
		if (isProgram(t) && !editor.getValue().trim() && TEMPLATES[lang.value]) editor.setValue(TEMPLATES[lang.value]);
	}
	type.addEventListener("change", () => {
		show();
		onChange();
	});
	lang.addEventListener("change", () => {
		editor.setLanguage(lang.value);
		onChange();
	});
	for (const el of [ci, abs.control, rel.control, flags.control]) el.addEventListener("input", onChange);
	show();

	const element = h("div", { class: "checker-editor" },
		h("div", { class: "checker-row" }, typeField.field, ciLabel), typeHint, floatBox, programBox, checkRow);

	return {
		element,
		destroy: () => editor.destroy(),
		// the "checker" member for the document and the check request
		value() {
			const t = type.value;
			if (isProgram(t)) {
				const out = { type: t, language: lang.value, code: editor.getValue() };
				const f = flags.control.value.trim().split(/\s+/).filter(Boolean).join(" ");
				if (f) out.flags = f;
				return out;
			}
			const out = { type: t };
			if (t === "float") {
				const a = tolerance(abs.control);
				const r = tolerance(rel.control);
				if (a !== "") out.float_absolute_tolerance = a;
				if (r !== "") out.float_relative_tolerance = r;
			}
			if (ci.checked && t !== "tokens_ci") out.case_insensitive = true;
			return out;
		},
		// { message, control } for the first thing to fix, or null; marks the fields
		problem() {
			const t = type.value;
			let found = null;
			const mark = (f, msg) => {
				f.setError(msg);
				if (msg && !found) found = { message: msg, control: f.control };
			};
			const bad = (input) => Number.isNaN(tolerance(input));
			mark(abs, t === "float" && bad(abs.control) ? "The absolute tolerance must be a number of at least 0, e.g. 1e-6." : "");
			mark(rel, t === "float" && bad(rel.control) ? "The relative tolerance must be a number of at least 0, e.g. 1e-6." : "");
			const words = flags.control.value.trim().split(/\s+/).filter(Boolean);
			mark(flags, isProgram(t) && words.some((w) => !/^[\x21-\x7e]+$/.test(w))
				? "Flags are printable words without accents, separated by spaces." : "");
			const noCode = isProgram(t) && !editor.getValue().trim();
			codeError.textContent = noCode ? "Write the checker program, or pick a built-in checker." : "";
			codeError.hidden = !noCode;
			if (noCode && !found) found = { message: codeError.textContent, control: editor.view.contentDOM };
			return found;
		},
	};
}
