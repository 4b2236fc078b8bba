// check.js - "Check": run a solution (pasted, or one of the question's
// references) against the form's unsaved tests, checker and groups through
// POST /api/admin/questions/check, and show each test's verdict, score and
// checker's message, and each group's score. "Run check" keeps the focus
// while it runs; a polite live region says how the check ended.
import { idPath } from "../common/api.js";
import { h, setChildren, field, errorBox, loading, busyFocused, dataBox } from "../common/dom.js";
import { fmtBytes, fmtScore } from "../common/format.js";
import { verdictBadge, verdictLabel } from "../common/verdicts.js";
import { api } from "./session.js";

// of: which test, for the name of a box that scrolls
function outputBlock(label, text, wide, of) {
	return h("div", { class: wide ? "io io-wide" : "io" }, h("h4", {}, label),
		text === "" ? h("pre", { class: "mono" }, "(empty)") : dataBox(text, label + (of || ""), { class: "mono" }));
}

// open: whether the details start unfolded (the first failure does)
function resultRow(r, test, open, withGroups) {
	const details = [];
	const of = ` of test ${r.test_case_number}`;
	if (r.input !== undefined && r.input !== null) details.push(outputBlock("Input", r.input, false, of));
	if (r.expected_output !== undefined && r.expected_output !== null) details.push(outputBlock("Expected output", r.expected_output, false, of));
	if (r.actual_output !== undefined && r.actual_output !== null) details.push(outputBlock("Actual output", r.actual_output, false, of));
	if (r.error) details.push(outputBlock("Error", r.error, true, of));
	const points = typeof r.points === "number" ? r.points : test ? test.points : 0;
	const score = typeof r.score === "number" ? r.score : r.passed ? 1 : 0;
	return h("tr", { "data-test": r.test_case_number },
		h("th", { scope: "row", class: "num" }, r.test_case_number),
		h("td", {}, test && test.is_sample ? "Sample" : "Hidden"),
		withGroups ? h("td", {}, r.group || "—") : null,
		h("td", {}, verdictBadge(r.status),
			r.checker_message ? h("p", { class: "checker-message" }, r.checker_message) : null),
		h("td", { class: "nowrap num test-score" }, r.status === "skipped" ? "—" : `${fmtScore(score * points)} / ${fmtScore(points)}`),
		h("td", { class: "nowrap" }, r.execution_time_ms === undefined ? "—" : `${r.execution_time_ms} ms`),
		h("td", { class: "nowrap" }, fmtBytes(r.memory_usage_bytes)),
		h("td", {}, details.length
			? h("details", { open },
				h("summary", {}, r.passed ? "Output" : "What went wrong"), h("div", { class: "io-grid" }, details))
			: "—"));
}

function groupTable(groups) {
	return h("table", { class: "table group-scores" },
		h("caption", {}, "Groups"),
		h("thead", {}, h("tr", {}, ["Group", "Rule", "Verdict", "Score", "Tests"].map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, groups.map((g) => h("tr", { "data-group": g.name },
			h("th", { scope: "row" }, g.name),
			h("td", {}, g.rule || "sum"),
			h("td", {}, verdictBadge(g.status)),
			h("td", { class: "nowrap num group-score" }, `${fmtScore(g.score)} / ${fmtScore(g.max_score)}`),
			h("td", {}, (g.tests || []).join(", ") || "—")))));
}

// Shows the result in out; returns the sentence to announce.
function showResult(out, res, tests) {
	const s = res.summary || {};
	const passed = s.passed || 0;
	const total = s.total_tests || 0;
	const scored = typeof s.score === "number" && typeof s.max_score === "number";
	const said = `Check finished: ${verdictLabel(res.status)}, ${passed} of ${total} test${total === 1 ? "" : "s"} passed`
		+ (scored ? `, score ${fmtScore(s.score)} of ${fmtScore(s.max_score)}.` : ".");
	const head = h("p", { class: "check-summary" }, verdictBadge(res.status),
		` ${passed} of ${total} test${total === 1 ? "" : "s"} passed`,
		scored ? h("span", { class: "check-score" }, `, score ${fmtScore(s.score)} of ${fmtScore(s.max_score)}.`) : ".",
		s.all_passed ? " The tests agree with this solution." : " Fix the tests or the solution before saving.");
	const compile = res.compile && res.compile.status !== "ok" && res.compile.output
		? h("div", {}, h("h3", {}, "Compiler output"), dataBox(res.compile.output, "Compiler output", { class: "mono compile-output" }))
		: null;
	const results = res.test_results || [];
	const groups = Array.isArray(res.groups) ? res.groups : [];
	// a compilation error has its own block above; otherwise unfold the first failure
	const first = res.status === "compilation_error" ? null
		: results.find((r) => !r.passed && r.status !== "skipped");
	const rows = results.map((r) => resultRow(r, tests[r.test_case_number - 1], r === first, groups.length > 0));
	const cols = ["#", "Kind", groups.length ? "Group" : null, "Verdict", "Score", "Time", "Memory", "Details"].filter(Boolean);
	setChildren(out, head, compile,
		groups.length ? groupTable(groups) : null,
		h("table", { class: "table check-table" },
			h("caption", { class: "visually-hidden" }, "Verdict per test"),
			h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, c)))),
			h("tbody", {}, rows)));
	return said;
}

// getRequest() returns { time_limit_ms, memory_limit_mb, output_limit_kb?,
// checker, groups, signature?, savedId?, tests } (savedId: check the saved
// question of that id instead, through POST /api/admin/questions/:id/check) or throws an Error whose message says what to fix
// in the form first. langs: the catalog of common/languages.js. references:
// the question's reference solutions ([{name, language, code, expected}]),
// offered as solutions to check.
// Returns { element, destroy(), markStale(), run(), setReferences(list) }.
export function checkPanel(getRequest, langs, references) {
	const lang = h("select", {}, langs.list.map((l) => h("option", { value: l.id }, l.name)));
	const source = h("select", {});
	const sourceField = field("Solution", source, "A reference solution of the question, or your own pasted into the editor.");
	const holder = h("div", { class: "editor-box editor-check" });
	const editor = window.CEEditor.create(holder, { language: lang.value, doc: "", label: "Reference solution" });
	const run = h("button", { type: "button", class: "btn btn-primary" }, "Run check");
	const stale = h("p", { class: "banner banner-warn", hidden: true },
		"The tests changed after this check. Run it again to check the current tests.");
	const out = h("div", { class: "check-result" });
	// how the check ended, read out once (the table itself is not a live region)
	const said = h("p", { class: "visually-hidden check-said", role: "status" });
	const expectNote = h("p", { class: "field-hint", hidden: true });
	let refs = [];
	lang.addEventListener("change", () => editor.setLanguage(lang.value));

	function setReferences(list) {
		refs = (list || []).filter((r) => r && typeof r.code === "string");
		setChildren(source, h("option", { value: "" }, "Pasted solution"),
			refs.map((r, i) => h("option", { value: String(i) },
				`${r.name} (${langs.shortName(r.language)}, should be ${verdictLabel(r.expected || "accepted").toLowerCase()})`)));
		sourceField.field.hidden = refs.length === 0;
	}
	source.addEventListener("change", () => {
		const r = refs[Number(source.value)];
		expectNote.hidden = !r;
		if (!r) return;
		if (langs.has(r.language)) lang.value = r.language;
		editor.setLanguage(lang.value);
		editor.setValue(r.code);
		expectNote.textContent = `This reference should get: ${verdictLabel(r.expected || "accepted")}.`;
	});
	setReferences(references);

	async function check() {
		if (run.getAttribute("aria-disabled") === "true") return;   // one check at a time
		let req;
		try {
			req = getRequest();
			if (!editor.getValue().trim()) throw new Error("Paste a reference solution into the editor first.");
		} catch (e) {
			out.replaceChildren(errorBox(e.message));
			return;
		}
		stale.hidden = true;
		said.textContent = "";
		out.replaceChildren(loading(`Compiling and running ${req.tests.length} test${req.tests.length === 1 ? "" : "s"}…`));
		const body = {
			language: lang.value, code: editor.getValue(),
			time_limit_ms: req.time_limit_ms, memory_limit_mb: req.memory_limit_mb,
			checker: req.checker,
			test_cases: req.tests.map((t) => {
				const c = { input: t.input, expected_output: t.expected_output, points: t.points };
				if (t.group !== undefined) c.group = t.group;
				return c;
			}),
		};
		if (req.output_limit_kb) body.output_limit_kb = req.output_limit_kb;
		if (req.groups && req.groups.length) body.groups = req.groups;
		// a function question's tests are arguments for the function the signature names
		if (req.signature) body.signature = req.signature;
		try {
			const res = await busyFocused(run, "Checking…", () => (req.savedId
				? api.post(`/api/admin/questions/${idPath(req.savedId)}/check`, { language: body.language, code: body.code })
				: api.post("/api/admin/questions/check", body)));
			said.textContent = showResult(out, res, req.tests);
		} catch (e) {
			out.replaceChildren(errorBox(e.message));
		}
	}
	run.addEventListener("click", check);

	const element = h("div", { class: "check-panel" },
		h("p", { class: "field-hint" }, "Run a solution you trust against the tests in this form, saved or not, "
			+ "judged by the checker and scored by the groups above. Every test should be accepted before you save. "
			+ "In the editor Tab indents; press Esc, then Tab, to move on."),
		h("div", { class: "check-controls" }, sourceField.field, field("Language", lang).field, run),
		expectNote,
		h("div", { class: "field" }, h("span", { class: "label", "aria-hidden": "true" }, "Reference solution"), holder),
		stale, said, out);
	return {
		element,
		destroy: () => editor.destroy(),
		markStale() {
			if (out.childElementCount) stale.hidden = false;
		},
		setReferences,
		// the Check beside the checker: the same run, with its result brought into view
		async run() {
			element.scrollIntoView({ block: "start" });
			if (!editor.getValue().trim()) {
				out.replaceChildren(errorBox("Paste a solution into the editor below (or pick a reference solution), then press Check again."));
				editor.focus();
				return;
			}
			await check();
			out.scrollIntoView({ block: "nearest" });
		},
	};
}
