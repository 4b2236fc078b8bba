// howto.js - the languages of the "How this test works" panel on the preview
// (static/test/index.html holds the rest of its text): each allowed language
// with its version and its compile and run commands, flags included, as
// GET /api/languages lists them.
import { h, setChildren } from "../common/dom.js";

function command(argv) {
	return Array.isArray(argv) && argv.length ? h("code", {}, argv.join(" ")) : h("span", { class: "muted" }, "not compiled");
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
