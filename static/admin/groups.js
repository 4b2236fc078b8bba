// groups.js - the test groups of the question form: add, remove, reorder,
// each with its name, points, rule, the earlier groups it depends on and
// whether it stops at its first failure. The tests name their group through
// a stable key (testcases.js), so renaming or moving a group keeps them in it.
import { h } from "../common/dom.js";
import { announce } from "./ui.js";

const RULES = [
	{ id: "sum", label: "Sum of its tests' points" },
	{ id: "all", label: "All or nothing" },
	{ id: "min", label: "Lowest test score × points" },
];
const MAX_GROUPS = 100;
const MAX_NAME = 64;
const MAX_POINTS = 1000000;

let keySeq = 0;

// initial: the question's groups. onChange(): any edit, the list of groups
// may have changed (the test table updates its group selects).
// Returns { element, list() -> [{ key, name }], keyOf(name), value(), problem(), worth(key, testsPoints) }.
export function groupEditor(initial, onChange) {
	const groups = [];   // { key, tr, name, points, rule, stop, deps: Set of keys, depsBox, number(n) }
	const tbody = h("tbody");
	const table = h("table", { class: "table groups-table" },
		h("caption", { class: "visually-hidden" }, "Test groups"),
		h("thead", {}, h("tr", {},
			h("th", { scope: "col", class: "num" }, "#"),
			h("th", { scope: "col" }, "Name"),
			h("th", { scope: "col" }, "Rule"),
			h("th", { scope: "col" }, "Points"),
			h("th", { scope: "col" }, "Depends on"),
			h("th", { scope: "col" }, "Stop on failure"),
			h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
		tbody);
	const empty = h("p", { class: "field-hint" },
		"No groups: each test is worth its own points. Add groups to score tests together (subtasks), "
		+ "to make a group count only when earlier groups pass, or to stop a group at its first failure.");
	const addButton = h("button", { type: "button", class: "btn" }, "Add group");

	function byKey(key) {
		return groups.find((g) => g.key === key) || null;
	}

	// each group's depends-on choices: the groups before it
	function renderDeps() {
		groups.forEach((g, i) => {
			for (const k of [...g.deps]) {
				if (!groups.slice(0, i).some((e) => e.key === k)) g.deps.delete(k);
			}
			const earlier = groups.slice(0, i);
			g.depsBox.replaceChildren(...(earlier.length ? earlier.map((e) => {
				const box = h("input", { type: "checkbox", checked: g.deps.has(e.key),
					"aria-label": `Group ${i + 1} depends on ${e.name.value || `group ${groups.indexOf(e) + 1}`}` });
				box.addEventListener("change", () => {
					if (box.checked) g.deps.add(e.key);
					else g.deps.delete(e.key);
					onChange();
				});
				return h("label", { class: "check" }, box, h("span", { "aria-hidden": "true" }, e.name.value || "(unnamed)"));
			}) : [h("span", { class: "muted" }, "—")]));
		});
	}

	function refresh() {
		groups.forEach((g, i) => g.number(i + 1, groups.length));
		table.hidden = groups.length === 0;
		empty.hidden = groups.length !== 0;
		addButton.disabled = groups.length >= MAX_GROUPS;
		renderDeps();
	}

	function changed() {
		refresh();
		onChange();
	}

	function move(g, by) {
		const i = groups.indexOf(g);
		const j = i + by;
		if (j < 0 || j >= groups.length) return;
		groups.splice(i, 1);
		groups.splice(j, 0, g);
		tbody.replaceChildren(...groups.map((x) => x.tr));
		changed();
		announce(`Group ${g.name.value || ""} moved to position ${j + 1}.`);
		// keep the focus on the same control when it is still usable
		const again = by < 0 ? g.up : g.down;
		(again.disabled ? (by < 0 ? g.down : g.up) : again).focus();
	}

	function addGroup(d, focus) {
		const key = `g${++keySeq}`;
		const name = h("input", { type: "text", maxlength: MAX_NAME, value: d.name || "", class: "group-name" });
		const rule = h("select", { value: RULES.some((r) => r.id === d.rule) ? d.rule : "sum" },
			RULES.map((r) => h("option", { value: r.id }, r.label)));
		const points = h("input", { type: "number", min: 0, max: MAX_POINTS, step: "any", class: "points",
			value: d.points === undefined || d.points === null ? "0" : String(d.points) });
		const pointsNote = h("span", { class: "field-hint" }, "its tests' points");
		const stop = h("input", { type: "checkbox", checked: !!d.stop_on_failure });
		const depsBox = h("div", { class: "deps" });
		const up = h("button", { type: "button", class: "btn btn-small" }, "↑");
		const down = h("button", { type: "button", class: "btn btn-small" }, "↓");
		const del = h("button", { type: "button", class: "btn btn-small btn-danger-quiet" }, "Remove");
		const head = h("th", { scope: "row", class: "num" });
		const tr = h("tr", { class: "group-row" }, head, h("td", {}, name), h("td", {}, rule),
			h("td", {}, points, pointsNote), h("td", {}, depsBox),
			h("td", {}, h("label", { class: "check" }, stop, h("span", { "aria-hidden": "true" }, "Stop"))),
			h("td", { class: "actions" }, up, down, del));
		const g = {
			key, tr, name, points, rule, stop, depsBox, up, down,
			deps: new Set(),
			number(n, total) {
				head.textContent = n;
				name.setAttribute("aria-label", `Name of group ${n}`);
				rule.setAttribute("aria-label", `Rule of group ${n}`);
				points.setAttribute("aria-label", `Points of group ${n}`);
				stop.setAttribute("aria-label", `Group ${n} stops at its first failure`);
				up.setAttribute("aria-label", `Move group ${n} up`);
				down.setAttribute("aria-label", `Move group ${n} down`);
				del.setAttribute("aria-label", `Remove group ${n}`);
				up.disabled = n === 1;
				down.disabled = n === total;
			},
		};
		const showPoints = () => {
			points.hidden = rule.value === "sum";
			pointsNote.hidden = rule.value !== "sum";
		};
		showPoints();
		rule.addEventListener("change", () => {
			showPoints();
			onChange();
		});
		name.addEventListener("input", () => {
			renderDeps();
			onChange();
		});
		points.addEventListener("input", onChange);
		stop.addEventListener("change", onChange);
		up.addEventListener("click", () => move(g, -1));
		down.addEventListener("click", () => move(g, 1));
		del.addEventListener("click", () => {
			const i = groups.indexOf(g);
			groups.splice(i, 1);
			tr.remove();
			changed();
			announce(`Group ${g.name.value || i + 1} removed.`);
			const next = groups[i] || groups[i - 1];
			(next ? next.name : addButton).focus();
		});
		groups.push(g);
		tbody.append(tr);
		if (focus) name.focus();
		return g;
	}

	for (const d of initial || []) addGroup(d, false);
	// depends_on names the earlier groups; keep them as keys
	(initial || []).forEach((d, i) => {
		for (const n of d.depends_on || []) {
			const e = groups.slice(0, i).find((x) => x.name.value === n);
			if (e) groups[i].deps.add(e.key);
		}
	});
	addButton.addEventListener("click", () => {
		const used = new Set(groups.map((g) => g.name.value));
		let n = groups.length + 1;
		while (used.has(`group${n}`)) n++;
		addGroup({ name: `group${n}`, rule: "sum", points: 0 }, true);
		changed();
	});
	refresh();

	return {
		element: h("div", { class: "groups-editor" },
			h("h3", {}, "Test groups"), empty, table, h("div", { class: "tests-toolbar" }, addButton)),
		list: () => groups.map((g) => ({ key: g.key, name: g.name.value.trim() })),
		keyOf(name) {
			const g = groups.find((x) => x.name.value.trim() === name);
			return g ? g.key : "";
		},
		nameOf(key) {
			const g = byKey(key);
			return g ? g.name.value.trim() : "";
		},
		// the "groups" member, in running order
		value: () => groups.map((g) => {
			const out = { name: g.name.value.trim(), rule: g.rule.value,
				points: g.points.value === "" ? NaN : Number(g.points.value) };
			if (g.rule.value === "sum" && !Number.isFinite(out.points)) out.points = 0;
			const deps = groups.filter((e) => g.deps.has(e.key)).map((e) => e.name.value.trim());
			if (deps.length) out.depends_on = deps;
			if (g.stop.checked) out.stop_on_failure = true;
			return out;
		}),
		// what group key is worth, given its tests' points (rule sum)
		worth(key, testsPoints) {
			const g = byKey(key);
			if (!g) return 0;
			return g.rule.value === "sum" ? testsPoints : Number(g.points.value) || 0;
		},
		// { message, control } for the first group to fix, or null
		problem() {
			const seen = new Set();
			for (const [i, g] of groups.entries()) {
				const n = g.name.value.trim();
				if (!n) return { message: `Group ${i + 1}: enter a name.`, control: g.name };
				if (n.length > MAX_NAME) return { message: `Group ${i + 1}: the name is longer than ${MAX_NAME} characters.`, control: g.name };
				if (seen.has(n)) return { message: `Group ${i + 1}: another group is already named “${n}”.`, control: g.name };
				seen.add(n);
				const p = Number(g.points.value);
				if (g.rule.value !== "sum" && (g.points.value === "" || !Number.isFinite(p) || p < 0 || p > MAX_POINTS)) {
					return { message: `Group ${i + 1}: points must be a number from 0 to ${MAX_POINTS}.`, control: g.points };
				}
			}
			return null;
		},
	};
}

export const groupRuleLabel = (id) => (RULES.find((r) => r.id === id) || { label: id }).label;
