// results.js - what Run and Submit gave, per question: the summary line, the
// compiler's output, a submit's group scores, a row per test (a visible test
// with its data, a hidden one with its verdict only) and the output for the
// custom input; and, while a run is under way or after it went wrong, a note
// that takes the summary line's place. Each question's last result is kept in
// this browser's localStorage, so that a reload shows it again.
import { byId, dataBox, h } from "../common/dom.js";
import { canDiff, diffView } from "../common/diff.js";
import { markCompile } from "./compile-marks.js";
import { fmtScore } from "../common/format.js";
import { verdictLabel } from "../common/verdicts.js";

// One labelled block of test data; empty text shows as "(empty)". name: the
// box's name if it scrolls (what it is, and of which test), label by default.
export function ioBlock(label, text, cls, name) {
	const empty = text === "" || text === null || text === undefined;
	return h("div", { class: "io" + (cls ? " " + cls : "") },
		h("div", { class: "io-label" }, label),
		empty ? h("pre", { class: "empty" }, "(empty)") : dataBox(text, name || label));
}

function formatMs(ms) {
	return typeof ms === "number" ? ms + " ms" : "–";
}

function formatBytes(b) {
	if (typeof b !== "number" || b <= 0) return "–";
	return (b / 1048576).toFixed(1) + " MB";
}

function exitDetail(t) {
	if (t.status !== "runtime_error") return "";
	if (t.signal) return " (signal " + t.signal + ")";
	if (t.exit_code) return " (exit code " + t.exit_code + ")";
	return "";
}

/* A visible test's data: input, expected and actual output, stderr. */
function detailRow(t, name) {
	const of = " of " + name.toLowerCase();
	return h("tr", { class: "detail" },
		h("td", { colspan: 4 },
			h("div", { class: "io-grid io-grid-3" },
				ioBlock("Input", t.input, "", "Input" + of),
				ioBlock("Expected output", t.expected_output, "", "Expected output" + of),
				ioBlock("Your output" + (t.output_truncated ? " (cut short)" : ""), t.output, t.passed ? "" : "io-wrong", "Your output" + of)),
			!t.passed && canDiff(t.expected_output, t.output)
				? diffView(t.expected_output, t.output, { note: t.output_truncated ? "Your output was cut short." : null }) : null,
			t.error ? ioBlock("Errors (stderr)", t.error, "io-stderr", "Errors" + of) : null));
}

/* A submit's groups: each one's verdict and score. */
function groupsTable(groups) {
	return h("table", { class: "results-table groups-result" },
		h("caption", {}, "Test groups"),
		h("thead", {}, h("tr", {}, ["Group", "Result", "Score"].map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, groups.map((g) => {
			const ok = g.status === "accepted";
			return h("tr", { class: ok ? "pass" : "fail", "data-group": g.name },
				h("th", { scope: "row" }, g.name),
				h("td", { class: "verdict " + (ok ? "text-ok" : g.status === "skipped" ? "muted" : "text-error") },
					h("span", { class: "mark", "aria-hidden": "true" }, ok ? "✓ " : g.status === "skipped" ? "– " : "✗ "),
					verdictLabel(g.status)),
				h("td", { class: "num group-score" }, fmtScore(g.score) + " / " + fmtScore(g.max_score)));
		})));
}

function resultsTable(results) {
	const rows = [];
	results.forEach((t, i) => {
		// after a compilation error nothing ran: the compiler output says it all
		const ran = t.status !== "compilation_error" && t.status !== "skipped";
		const name = (t.hidden ? "Hidden test " : "Test ") + (i + 1) + (t.group ? " · " + t.group : "");
		rows.push(h("tr", { class: t.passed ? "pass" : t.status === "skipped" ? "skip" : "fail" },
			h("th", { scope: "row" }, name),
			h("td", { class: "verdict " + (t.passed ? "text-ok" : t.status === "skipped" ? "muted" : "text-error") },
				h("span", { class: "mark", "aria-hidden": "true" }, t.passed ? "✓ " : t.status === "skipped" ? "– " : "✗ "),
				verdictLabel(t.status) + exitDetail(t)),
			h("td", { class: "num" }, ran ? formatMs(t.execution_time_ms) : "–"),
			h("td", { class: "num" }, ran ? formatBytes(t.memory_usage_bytes) : "–")));
		if (!t.hidden && ran) rows.push(detailRow(t, name));
	});
	return h("table", { class: "results-table" },
		h("thead", {}, h("tr", {}, ["Test", "Verdict", "Time", "Memory"].map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, rows));
}

function customResult(c) {
	const facts = [c.status === "ok" ? "Ran" : verdictLabel(c.status)];
	if (c.execution_time_ms !== undefined) facts.push(formatMs(c.execution_time_ms));
	if (c.memory_usage_bytes !== undefined) facts.push(formatBytes(c.memory_usage_bytes));
	return h("div", { class: "custom-result" },
		h("h4", {}, "Custom input"),
		h("p", { class: "muted" }, facts.join(" · ")),
		h("div", { class: "io-grid" },
			ioBlock("Input", c.input, "", "Custom input"),
			ioBlock("Output" + (c.output_truncated ? " (cut short)" : ""), c.output, "", "Output for the custom input")),
		c.error ? ioBlock("Errors (stderr)", c.error, "io-stderr", "Errors for the custom input") : null);
}

// A result bigger than this (long outputs) is shown but not kept for a reload.
const KEEP_MAX_CHARS = 200000;

function loadKept(storeKey) {
	try {
		const v = JSON.parse(localStorage.getItem(storeKey) || "null");
		if (!v || typeof v !== "object") return [];
		return Object.entries(v).filter(([, r]) => r && typeof r.mode === "string" && r.data && typeof r.data === "object");
	} catch (e) {
		return [];
	}
}

// languages: the catalog, for the language's name in the summary.
// storeKey: the localStorage key of the session's kept results.
export function createResults(languages, storeKey) {
	const shown = new Map(loadKept(storeKey));   // question id -> { mode, language, data }: the last run or submit
	const notes = new Map();   // question id -> { text, cls }: under way, or what went wrong
	let onScreen = "";         // the question last rendered

	function summaryText(r) {
		const data = r.data;
		const s = data.summary || {};
		const lang = languages.name(r.language);
		if (r.mode === "submit") {
			const head = data.status === "accepted" ? "Submission accepted" : "Submission: " + verdictLabel(data.status);
			return head + " (" + lang + "): " + s.passed + " of " + s.total_tests + " tests passed, score " +
				fmtScore(s.score) + "/" + fmtScore(s.max_score) + "; your best submission counts.";
		}
		if (!s.total_tests) return "Run finished (" + lang + ").";
		return "Run (" + lang + "): " + s.passed + " of " + s.total_tests + " sample tests passed" +
			(data.status === "accepted" ? "." : "; first problem: " + verdictLabel(data.status) + ".");
	}

	// The line above the results; also says what is under way or went wrong.
	function status(text, cls) {
		const s = byId("results-status");
		s.className = "results-status " + (cls || "");
		// unchanged text is not written again: the line is a live region
		if (s.textContent !== text) s.textContent = text;
	}

	// Show question id's results; justFinished brings them into view.
	function render(id, justFinished) {
		onScreen = id;
		const body = byId("results-body");
		body.replaceChildren();
		const r = shown.get(id);
		const n = notes.get(id);
		if (n) status(n.text, n.cls);
		if (!r) {
			if (!n) status("Run your code to see the results here.", "muted");
			return;
		}
		const data = r.data;
		if (!n) status(summaryText(r), data.status === "accepted" ? "text-ok" : "text-error");
		if (data.compile && data.compile.output) {
			body.append(h("h4", {}, data.compile.status === "ok" ? "Compiler warnings" : "Compiler errors"),
				dataBox(data.compile.output, "Compiler output", { class: "stderr" }));
		}
		if (Array.isArray(data.groups) && data.groups.length) body.append(groupsTable(data.groups));
		if (data.results && data.results.length) body.append(resultsTable(data.results));
		if (data.custom) body.append(customResult(data.custom));
		if (justFinished) {
			markCompile(r, languages);
			byId("results").scrollIntoView({ block: "nearest" });
		}
	}

	return {
		status,
		has: (id) => shown.has(id),
		set(id, r) {
			shown.set(id, r);
			notes.delete(id);
			const kept = {};
			for (const [q, v] of shown) {
				if (JSON.stringify(v).length <= KEEP_MAX_CHARS) kept[q] = v;
			}
			try {
				localStorage.setItem(storeKey, JSON.stringify(kept));
			} catch (e) { /* storage full or disabled: shown until the page closes */ }
		},

		// The line for question id while its run is under way or after it
		// went wrong (text null: none, its results' summary again).
		note(id, text, cls) {
			if (text) notes.set(id, { text, cls });
			else notes.delete(id);
			if (id !== onScreen) return;
			if (text) status(text, cls);
			else render(id);
		},

		render,
	};
}
