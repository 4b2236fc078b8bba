// check.js - "Check": run a pasted reference solution against the form's
// (unsaved) tests through POST /api/admin/questions/check and show a verdict per test.
import { h, setChildren, field, errorBox, loading, busy } from "../common/dom.js";
import { fmtBytes } from "../common/format.js";
import { verdictBadge } from "../common/verdicts.js";
import { api } from "./session.js";

function outputBlock(label, text, wide) {
	return h("div", { class: wide ? "io io-wide" : "io" }, h("h4", {}, label),
		h("pre", { class: "mono" }, text === "" ? "(empty)" : text));
}

// open: whether the details start unfolded (the first failure does)
function resultRow(r, test, open) {
	const details = [];
	if (r.input !== undefined && r.input !== null) details.push(outputBlock("Input", r.input));
	if (r.expected_output !== undefined && r.expected_output !== null) details.push(outputBlock("Expected output", r.expected_output));
	if (r.actual_output !== undefined && r.actual_output !== null) details.push(outputBlock("Actual output", r.actual_output));
	if (r.error) details.push(outputBlock("Error", r.error, true));
	return h("tr", { "data-test": r.test_case_number },
		h("th", { scope: "row", class: "num" }, r.test_case_number),
		h("td", {}, test && test.is_sample ? "Sample" : "Hidden"),
		h("td", {}, verdictBadge(r.status)),
		h("td", { class: "nowrap" }, r.execution_time_ms === undefined ? "—" : `${r.execution_time_ms} ms`),
		h("td", { class: "nowrap" }, fmtBytes(r.memory_usage_bytes)),
		h("td", {}, details.length
			? h("details", { open },
				h("summary", {}, r.passed ? "Output" : "What went wrong"), h("div", { class: "io-grid" }, details))
			: "—"));
}

function showResult(out, res, tests) {
	const s = res.summary || {};
	const passed = s.passed || 0;
	const total = s.total_tests || 0;
	const head = h("p", { class: "check-summary" }, verdictBadge(res.status),
		` ${passed} of ${total} test${total === 1 ? "" : "s"} passed.`,
		s.all_passed ? " The tests agree with this solution." : " Fix the tests or the solution before saving.");
	const compile = res.compile && res.compile.status !== "ok" && res.compile.output
		? h("div", {}, h("h3", {}, "Compiler output"), h("pre", { class: "mono compile-output" }, res.compile.output))
		: null;
	const results = res.test_results || [];
	// a compilation error has its own block above; otherwise unfold the first failure
	const first = res.status === "compilation_error" ? null : results.find((r) => !r.passed);
	const rows = results.map((r) => resultRow(r, tests[r.test_case_number - 1], r === first));
	setChildren(out, head, compile, h("table", { class: "table check-table" },
		h("caption", { class: "visually-hidden" }, "Verdict per test"),
		h("thead", {}, h("tr", {}, ["#", "Kind", "Verdict", "Time", "Memory", "Details"].map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, rows)));
}

// getRequest() returns { time_limit_ms, memory_limit_mb, tests } or throws an
// Error whose message says what to fix in the form first. langs: the catalog
// of common/languages.js.
// Returns { element, destroy(), markStale() }.
export function checkPanel(getRequest, langs) {
	const lang = h("select", {}, langs.list.map((l) => h("option", { value: l.id }, l.name)));
	const holder = h("div", { class: "editor-box editor-check" });
	const editor = window.CEEditor.create(holder, { language: lang.value, doc: "", label: "Reference solution" });
	const run = h("button", { type: "button", class: "btn btn-primary" }, "Run check");
	const stale = h("p", { class: "banner banner-warn", hidden: true },
		"The tests changed after this check. Run it again to check the current tests.");
	const out = h("div", { class: "check-result", "aria-live": "polite" });
	lang.addEventListener("change", () => editor.setLanguage(lang.value));

	run.addEventListener("click", async () => {
		let req;
		try {
			req = getRequest();
			if (!editor.getValue().trim()) throw new Error("Paste a reference solution into the editor first.");
		} catch (e) {
			out.replaceChildren(errorBox(e.message));
			return;
		}
		stale.hidden = true;
		out.replaceChildren(loading(`Compiling and running ${req.tests.length} test${req.tests.length === 1 ? "" : "s"}…`));
		try {
			const res = await busy(run, "Checking…", () => api.post("/api/admin/questions/check", {
				language: lang.value, code: editor.getValue(),
				time_limit_ms: req.time_limit_ms, memory_limit_mb: req.memory_limit_mb,
				test_cases: req.tests.map((t) => ({ input: t.input, expected_output: t.expected_output })),
			}));
			showResult(out, res, req.tests);
		} catch (e) {
			out.replaceChildren(errorBox(e.message));
		}
	});

	const element = h("div", { class: "check-panel" },
		h("p", { class: "field-hint" }, "Paste a solution you trust and run it against the tests in this form, saved or not. "
			+ "Every test should be accepted before you save. In the editor Tab indents; press Esc, then Tab, to move on."),
		h("div", { class: "check-controls" }, field("Language", lang).field, run),
		h("div", { class: "field" }, h("span", { class: "label", "aria-hidden": "true" }, "Reference solution"), holder),
		stale, out);
	return {
		element,
		destroy: () => editor.destroy(),
		markStale() {
			if (out.childElementCount) stale.hidden = false;
		},
	};
}
