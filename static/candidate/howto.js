// howto.js - the languages of the "How this test works" panel on the preview
// (static/test/index.html holds the rest of its text): each allowed language
// with its version and its compile and run commands, flags included, as
// GET /api/languages lists them.
import { h, setChildren } from "../common/dom.js";

// An inline script (Python's syntax check) shows as what it is, not as its text.
function command(argv) {
	if (!Array.isArray(argv) || !argv.length) return h("span", { class: "muted" }, "not compiled");
	return h("code", {}, argv.map((a) => (a.includes("\n") ? "<a syntax check>" : a)).join(" "));
}

// container: the panel's box; langs: the catalog of the test's languages.
export function renderHowTo(container, langs) {
	setChildren(container, h("table", { class: "howto-table" },
		h("thead", {}, h("tr", {}, ["Language", "Version", "Compiled with", "Run with"].map((c) => h("th", { scope: "col" }, c)))),
		h("tbody", {}, langs.list.map((l) => h("tr", { "data-lang": l.id },
			h("th", { scope: "row" }, l.name),
			h("td", {}, l.version || "–"),
			h("td", {}, command(l.compiled ? l.compile_command : null)),
			h("td", {}, command(l.run_command)))))));
}
