// testcases.js - the test-case table of the question form: add, edit, delete,
// sample flag, points, the group of each test, and tests read from uploaded
// files; for a function question, inputs and outputs as JSON.
import { h, setChildren, uid } from "../common/dom.js";
import { argumentsOf, exampleArguments, exampleJson } from "../common/signature.js";
import { announce } from "./ui.js";

const MAX_IO_BYTES = 16 * 1024 * 1024;   // the executor's limit per input or expected output
const SEPARATOR = /^---[ \t]*\r?$/m;       // splits a one-file test into input and expected output

// Files -> tests. NAME.in pairs with NAME.out (or NAME.ans); any other file is
// a whole test: input, a line holding only ---, expected output.
// Returns { tests: [{ input, expected_output }], problems: [text] } in name order.
async function testsFromFiles(files) {
	const pairs = new Map();
	const singles = [];
	const problems = [];
	for (const f of files) {
		if (f.size > MAX_IO_BYTES) {
			problems.push(`${f.name} is larger than 16 MB, the limit for one test; it was skipped.`);
			continue;
		}
		const m = /^(.*)\.(in|out|ans)$/i.exec(f.name);
		if (!m) {
			singles.push(f);
			continue;
		}
		const p = pairs.get(m[1]) || {};
		p[m[2].toLowerCase() === "in" ? "in" : "out"] = f;
		pairs.set(m[1], p);
	}
	const found = [];
	for (const [name, p] of pairs) {
		if (!p.in || !p.out) {
			problems.push(p.in ? `${name}.in has no ${name}.out (or ${name}.ans) beside it; it was skipped.`
				: `${p.out.name} has no ${name}.in beside it; it was skipped.`);
			continue;
		}
		found.push({ name, input: await p.in.text(), expected_output: await p.out.text() });
	}
	for (const f of singles) {
		const text = await f.text();
		const m = SEPARATOR.exec(text);
		if (!m) {
			problems.push(`${f.name} has no line holding only --- between input and expected output; it was skipped.`);
			continue;
		}
		found.push({ name: f.name, input: text.slice(0, m.index), expected_output: text.slice(m.index + m[0].length + 1) });
	}
	found.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
	return { tests: found.map(({ input, expected_output }) => ({ input, expected_output })), problems };
}

// The editable table. onChange fires on any edit (the check results go stale).
// groups: the group editor (groups.js): list(), keyOf(name), nameOf(key).
// Returns { element, tests(), problem(), setGroups(), setSignature() }.
export function testCaseTable(initial, onChange, groups) {
	const rows = [];
	let groupList = groups.list();
	let signature = null;
	const tbody = h("tbody");
	const empty = h("p", { class: "empty" }, "No test cases yet. Add one, or add several from files.");
	const sampleWarn = h("p", { class: "banner banner-warn", hidden: true },
		"No test is marked as a sample. Candidates run their code against sample tests only, "
		+ "so mark at least one as a sample.");
	const functionNote = h("p", { class: "banner banner-info", hidden: true });
	const groupHead = h("th", { scope: "col" }, "Group");
	const table = h("table", { class: "table tests-table" },
		h("caption", { class: "visually-hidden" }, "Test cases"),
		h("thead", {}, h("tr", {},
			h("th", { scope: "col", class: "num" }, "#"),
			h("th", { scope: "col" }, "Input"),
			h("th", { scope: "col" }, "Expected output"),
			groupHead,
			h("th", { scope: "col" }, "Sample"),
			h("th", { scope: "col" }, "Points"),
			h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
		tbody);

	function placeholders(r) {
		r.input.placeholder = signature ? `JSON arguments, e.g. ${exampleArguments(signature)}` : "";
		r.expected.placeholder = signature ? `JSON return value, e.g. ${exampleJson(signature.returns)}` : "";
	}

	function fillGroups(r) {
		const keys = groupList.map((g) => g.key);
		if (!keys.length) r.groupKey = "";
		else if (!keys.includes(r.groupKey)) r.groupKey = keys[0];
		r.group.replaceChildren(...groupList.map((g) => h("option", { value: g.key }, g.name || "(unnamed)")));
		r.group.value = r.groupKey;
		r.groupCell.hidden = !keys.length;
	}

	function refresh() {
		rows.forEach((r, i) => r.number(i + 1));
		table.hidden = rows.length === 0;
		empty.hidden = rows.length !== 0;
		groupHead.hidden = groupList.length === 0;
		sampleWarn.hidden = rows.length === 0 || rows.some((r) => r.sample.checked);
	}
	function changed() {
		refresh();
		onChange();
	}

	// t: a test of the document; t.groupKey, when given, wins over t.group
	function addRow(t, focus) {
		const input = h("textarea", { class: "mono", rows: 3, spellcheck: "false", value: t.input || "" });
		const expected = h("textarea", { class: "mono", rows: 3, spellcheck: "false", value: t.expected_output || "" });
		const sample = h("input", { type: "checkbox", checked: !!t.is_sample });
		const points = h("input", { type: "number", min: 0, max: 1000, step: 1, class: "points",
			value: String(t.points === undefined ? 1 : t.points) });
		const group = h("select", { class: "group-select" });
		const groupCell = h("td", {}, group);
		const del = h("button", { type: "button", class: "btn btn-small btn-danger-quiet" }, "Delete");
		const num = h("span");
		const head = h("th", { scope: "row", class: "num" }, num,
			t.name ? h("span", { class: "test-name", title: t.name }, t.name) : null,
			t.interaction ? h("span", { class: "test-name" }, "interaction") : null);
		const sampleLabel = h("label", { class: "check" }, sample, h("span", { "aria-hidden": "true" }, "Sample"));
		const tr = h("tr", { class: "test-row" }, head, h("td", {}, input), h("td", {}, expected), groupCell,
			h("td", {}, sampleLabel), h("td", {}, points), h("td", { class: "actions" }, del));
		const row = {
			tr, input, expected, sample, points, group, groupCell,
			groupKey: t.groupKey !== undefined ? t.groupKey : groups.keyOf(t.group || ""),
			// not edited here, kept for the document: an imported test's name, an interactive sample's transcript
			name: t.name, interaction: t.interaction,
			number(n) {
				num.textContent = n;
				input.setAttribute("aria-label", `Input of test ${n}`);
				expected.setAttribute("aria-label", `Expected output of test ${n}`);
				sample.setAttribute("aria-label", `Test ${n} is a sample`);
				points.setAttribute("aria-label", `Points for test ${n}`);
				group.setAttribute("aria-label", `Group of test ${n}`);
				del.setAttribute("aria-label", `Delete test ${n}`);
			},
		};
		fillGroups(row);
		placeholders(row);
		tr.addEventListener("input", onChange);
		group.addEventListener("change", () => {
			row.groupKey = group.value;
			onChange();
		});
		sample.addEventListener("change", changed);
		del.addEventListener("click", () => {
			const i = rows.indexOf(row);
			rows.splice(i, 1);
			tr.remove();
			changed();
			announce(`Test ${i + 1} deleted.`);
			// keep the keyboard user near where they were
			const next = rows[i] || rows[i - 1];
			(next ? next.tr.querySelector(".actions button") : addButton).focus();
		});
		rows.push(row);
		tbody.append(tr);
		if (focus) input.focus();
		return row;
	}

	// a new test joins the group of the test above it
	const lastGroup = () => (rows.length ? rows[rows.length - 1].groupKey : "");

	const addButton = h("button", { type: "button", class: "btn" }, "Add test");
	addButton.addEventListener("click", () => {
		addRow({ input: "", expected_output: "", is_sample: false, points: 1, groupKey: lastGroup() }, true);
		changed();
	});

	const fileId = uid("files");
	const fileInput = h("input", { type: "file", id: fileId, multiple: true, class: "file-input",
		"aria-describedby": `${fileId}-hint` });
	const fileReport = h("div", { "aria-live": "polite" });
	fileInput.addEventListener("change", async () => {
		const { tests, problems } = await testsFromFiles([...fileInput.files]);
		const key = lastGroup();
		for (const t of tests) addRow({ ...t, is_sample: false, points: 1, groupKey: key }, false);
		fileInput.value = "";
		if (tests.length) changed();
		setChildren(fileReport,
			h("p", { class: tests.length ? "banner banner-info" : "banner banner-warn" },
				tests.length ? `Added ${tests.length} test${tests.length === 1 ? "" : "s"} from files, as hidden tests worth 1 point.`
					: "No test was added from those files."),
			problems.length ? h("ul", { class: "banner banner-warn problems" }, problems.map((p) => h("li", {}, p))) : null);
	});

	for (const t of initial) addRow(t, false);
	refresh();

	const element = h("div", { class: "tests-editor" },
		functionNote, sampleWarn, table, empty,
		h("div", { class: "tests-toolbar" },
			addButton,
			h("div", { class: "upload" },
				h("label", { for: fileId, class: "btn" }, "Add tests from files…"),
				fileInput,
				h("p", { class: "field-hint", id: `${fileId}-hint` },
					"Pairing: NAME.in and NAME.out (or NAME.ans) become one test, the .in file as input and the other as "
					+ "expected output. Any other file is one whole test: the input, then a line holding only ---, then "
					+ "the expected output. Choose several files at once; they are added in name order."))),
		fileReport);

	return {
		element,
		tests: () => rows.map((r) => {
			const t = {
				input: r.input.value,
				expected_output: r.expected.value,
				is_sample: r.sample.checked,
				points: r.points.value === "" ? NaN : Number(r.points.value),
			};
			if (groupList.length) t.group = groups.nameOf(r.groupKey);
			if (r.name) t.name = r.name;
			if (r.interaction) t.interaction = r.interaction;
			return t;
		}),
		// the groups changed (added, removed, renamed, moved): each test keeps its group,
		// or goes to the first one when its own is gone
		setGroups() {
			const before = new Set(groupList.map((g) => g.key));
			groupList = groups.list();
			const moved = rows.filter((r) => r.groupKey && !groupList.some((g) => g.key === r.groupKey)).length;
			for (const r of rows) fillGroups(r);
			refresh();
			if (moved && groupList.length) announce(`${moved} test${moved === 1 ? "" : "s"} moved to ${groupList[0].name || "the first group"}.`);
			else if (!before.size && groupList.length && rows.length) announce(`The tests are in ${groupList[0].name || "the new group"}.`);
		},
		// sig: the function signature, or null for an input/output question
		setSignature(sig) {
			signature = sig || null;
			for (const r of rows) placeholders(r);
			functionNote.hidden = !signature;
			functionNote.textContent = signature
				? `Function question: each input is a JSON object with one member per parameter, `
				+ `e.g. ${exampleArguments(signature)}; each expected output is the JSON value returned, e.g. `
				+ `${exampleJson(signature.returns)}.` : "";
		},
		// a message and the control to focus for the first invalid row, or null
		problem() {
			for (const [i, r] of rows.entries()) {
				const p = Number(r.points.value);
				if (r.points.value === "" || !Number.isInteger(p) || p < 0 || p > 1000) {
					return { message: `Test ${i + 1}: points must be a whole number from 0 to 1000.`, control: r.points };
				}
				if (groupList.length && !groups.nameOf(r.groupKey)) {
					return { message: `Test ${i + 1}: choose its group.`, control: r.group };
				}
				if (signature) {
					const args = argumentsOf(signature, r.input.value);
					if (!args) {
						return { message: `Test ${i + 1}: the input must be a JSON object of the arguments, e.g. `
							+ `${exampleArguments(signature)}.`, control: r.input };
					}
					const missing = (signature.params || []).find((pa) => !args.some(([n]) => n === pa.name));
					if (missing) return { message: `Test ${i + 1}: the input has no “${missing.name}”.`, control: r.input };
					try {
						JSON.parse(r.expected.value);
					} catch (e) {
						return { message: `Test ${i + 1}: the expected output must be a JSON value, e.g. `
							+ `${exampleJson(signature.returns)}.`, control: r.expected };
					}
				}
			}
			return null;
		},
	};
}
