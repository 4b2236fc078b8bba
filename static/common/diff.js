// common/diff.js - expected against actual output, line by line, with the
// characters that differ marked, and whitespace made visible on request
// (a space as ·, a tab as →, the end of a line as ↵). The candidate's results
// (candidate/results.js) and the recruiter's report (admin/report.js) show it
// for a failed test.
//
//   diffLines(expected, actual) -> [{ op: "same" | "del" | "ins", text, nl, marks }]
//       del: a line of expected only, ins: of actual only; nl: the line ends
//       with a newline; marks: [from, to] of the characters that differ from
//       the line it pairs with (a changed line), or the whole line
//   diffView(expected, actual, { actual: "your output", note }) -> the element
//       (actual: what the second side is called; note: a line under it)
import { h, uid } from "./dom.js";

const MAX_LINES = 2000;          // per side; beyond them the lines are left out
const MAX_CELLS = 4000000;       // the LCS table's bound; past it lines pair in order

let showWhitespace = false;      // the last choice: every diff on the page follows it
const WS_EVENT = "ce-diff-whitespace";

function splitLines(text) {
	const parts = String(text).split("\n");
	const lines = parts.map((t, i) => ({ text: t, nl: i < parts.length - 1 }));
	if (lines.length > 1 && lines[lines.length - 1].text === "") lines.pop();
	return lines;
}

const key = (l) => l.text + (l.nl ? "\n" : "");

// The longest common subsequence of lines, as a list of operations.
function lineOps(a, b) {
	const n = a.length, m = b.length;
	if ((n + 1) * (m + 1) > MAX_CELLS) {
		const ops = [];
		for (let i = 0; i < Math.max(n, m); i++) {
			if (i < n && i < m && key(a[i]) === key(b[i])) ops.push({ op: "same", line: a[i] });
			else {
				if (i < n) ops.push({ op: "del", line: a[i] });
				if (i < m) ops.push({ op: "ins", line: b[i] });
			}
		}
		return ops;
	}
	const w = m + 1;
	const len = new Uint32Array((n + 1) * w);
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			len[i * w + j] = key(a[i]) === key(b[j]) ? len[(i + 1) * w + j + 1] + 1
				: Math.max(len[(i + 1) * w + j], len[i * w + j + 1]);
		}
	}
	const ops = [];
	let i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && key(a[i]) === key(b[j])) {
			ops.push({ op: "same", line: a[i] });
			i++;
			j++;
		} else if (j >= m || (i < n && len[(i + 1) * w + j] >= len[i * w + j + 1])) {
			ops.push({ op: "del", line: a[i++] });
		} else {
			ops.push({ op: "ins", line: b[j++] });
		}
	}
	return ops;
}

// [from, to] of x that differs from y: what is left between the common prefix and suffix.
function changed(x, y) {
	let p = 0;
	while (p < x.length && p < y.length && x[p] === y[p]) p++;
	let s = 0;
	while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
	return [p, x.length - s];
}

export function diffLines(expected, actual) {
	const ops = lineOps(splitLines(expected).slice(0, MAX_LINES), splitLines(actual).slice(0, MAX_LINES));
	const out = [];
	for (let k = 0; k < ops.length;) {
		if (ops[k].op === "same") {
			out.push({ op: "same", text: ops[k].line.text, nl: ops[k].line.nl, marks: null });
			k++;
			continue;
		}
		// a run of changes: its deleted lines pair in order with its inserted ones
		const dels = [], inss = [];
		for (; k < ops.length && ops[k].op !== "same"; k++) (ops[k].op === "del" ? dels : inss).push(ops[k].line);
		const mark = (line, other) => {
			const x = key(line);
			return other ? changed(x, key(other)) : [0, x.length];
		};
		dels.forEach((l, i) => out.push({ op: "del", text: l.text, nl: l.nl, marks: mark(l, inss[i]) }));
		inss.forEach((l, i) => out.push({ op: "ins", text: l.text, nl: l.nl, marks: mark(l, dels[i]) }));
	}
	return out;
}

function visible(text, ws) {
	return ws ? text.replace(/ /g, "·").replace(/\t/g, "→").replace(/\r/g, "␍").replace(/\n/g, "↵") : text.replace(/\n/g, "");
}

function lineNode(l, ws, actualName) {
	const full = l.text + (l.nl ? "\n" : "");
	let body;
	if (l.op === "same") {
		body = visible(full, ws);
	} else {
		const [from, to] = l.marks;
		const Tag = l.op === "del" ? "del" : "ins";
		// a change that is only the line's end, or only spaces, still shows when whitespace is hidden
		const mid = visible(full.slice(from, to), ws);
		body = [visible(full.slice(0, from), ws), mid ? h(Tag, {}, mid) : null, visible(full.slice(to), ws)];
	}
	return h("div", { class: "diff-line diff-" + l.op },
		h("span", { class: "diff-sign", "aria-hidden": "true" }, l.op === "del" ? "−" : l.op === "ins" ? "+" : " "),
		l.op === "same" ? null : h("span", { class: "visually-hidden" }, l.op === "del" ? "Expected: " : actualName + ": "),
		h("span", {}, body));
}

function isString(x) {
	return typeof x === "string";
}

// Whether two outputs can be shown as a diff.
export function canDiff(expected, actual) {
	return isString(expected) && isString(actual) && expected !== actual;
}

export function diffView(expected, actual, opts = {}) {
	const name = opts.actual || "your output";
	const lines = diffLines(expected, actual);
	const titleId = uid("diff");
	const body = h("div", { class: "diff-body", tabindex: "0", role: "group", "aria-labelledby": titleId });
	const box = h("input", { type: "checkbox", checked: showWhitespace });
	const render = () => body.replaceChildren(...lines.map((l) => lineNode(l, showWhitespace, name[0].toUpperCase() + name.slice(1))));
	box.addEventListener("change", () => {
		showWhitespace = box.checked;
		document.dispatchEvent(new Event(WS_EVENT));
	});
	const follow = () => {
		if (!box.isConnected && body.childNodes.length) {
			document.removeEventListener(WS_EVENT, follow);   // gone from the page
			return;
		}
		box.checked = showWhitespace;
		render();
	};
	document.addEventListener(WS_EVENT, follow);
	render();
	const cut = splitLines(expected).length > MAX_LINES || splitLines(actual).length > MAX_LINES;
	return h("div", { class: "diff" },
		h("div", { class: "diff-head" },
			h("span", { class: "diff-title", id: titleId }, "Difference"),
			h("span", { class: "diff-legend" }, "− expected, + " + name),
			h("label", {}, box, "Show whitespace")),
		body,
		cut ? h("p", { class: "diff-note" }, `Only the first ${MAX_LINES} lines of each are compared.`) : null,
		opts.note ? h("p", { class: "diff-note" }, opts.note) : null);
}
