// tests/ui/comfort.cjs - the comforts of the candidate's page: keyboard shortcuts (run,
// submit, save the draft) inside and outside the editor; the editor's settings (font
// size, theme for the whole page, tab width, autocomplete, reset to the starter code),
// kept across a reload; expected against actual output as a diff with whitespace made
// visible, on the candidate's page and in the recruiter's report; a compile error's
// line marked in the editor; the "How this test works" panel before the start.
"use strict";
const fs = require("fs");
const path = require("path");
const { startTest: start, setCode, sensor: { slug: SLUG, wrongPy: WRONG_PY } } = require("./harness.cjs");

async function setup(h, name) {
	const q = await h.bankQuestion(SLUG);
	const inv = await h.invite(name, [q.id], 60);
	return { q, inv, cid: inv.candidate.candidate_id };
}

async function editorText(page) {
	return page.locator("#editor .cm-content").evaluate((el) => window.CEEditor.textOf(el));
}

async function waitIdle(page) {
	await page.waitForFunction(() => {
		const r = document.getElementById("run-btn");
		return r.textContent.trim() === "Run" && r.getAttribute("aria-disabled") !== "true" && !r.disabled;
	}, null, { timeout: 90000 });
}

async function waitStatus(page, re) {
	await page.waitForFunction((src) => new RegExp(src).test(document.getElementById("results-status").textContent),
		re.source, { timeout: 90000 });
	return page.textContent("#results-status");
}

// WCAG contrast ratio of two computed colours "rgb(r, g, b)"
function contrast(a, b) {
	const lum = (c) => {
		const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
			const s = v / 255;
			return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
	return (x + 0.05) / (y + 0.05);
}

// Every visible text on the page against the background it is drawn on: the pairs
// below WCAG AA (4.5:1, or 3:1 for large text), disabled controls aside.
function lowContrast(page) {
	return page.evaluate(() => {
		const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
		const lum = ([r, g, b]) => [r, g, b].map((v) => {
			const x = v / 255;
			return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
		}).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
		const bgOf = (el) => {
			for (let e = el; e; e = e.parentElement) {
				const c = rgb(getComputedStyle(e).backgroundColor);
				if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c;
			}
			return [255, 255, 255];
		};
		const bad = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!n.textContent.trim() || !el || !el.checkVisibility() || el.closest("[disabled], [aria-disabled=true], .visually-hidden")) continue;
			const cs = getComputedStyle(el);
			const fg = rgb(cs.color), bg = bgOf(el);
			const [x, y] = [lum(fg), lum(bg)].sort((a, b) => b - a);
			const ratio = (x + 0.05) / (y + 0.05);
			const size = parseFloat(cs.fontSize);
			const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
			if (ratio < (large ? 3 : 4.5)) bad.push(`${el.tagName}.${el.className} "${n.textContent.trim().slice(0, 30)}" ${cs.color} on rgb(${bg}) = ${ratio.toFixed(2)}`);
		}
		return bad;
	});
}

module.exports = [
	{
		name: "comfort: shortcuts run, submit and save the draft, inside and outside the editor",
		fn: async (h) => {
			const { inv, cid } = await setup(h, "Kay Shortcut");
			const page = await h.newPage();
			let downloads = 0;
			page.on("download", () => downloads++);
			await start(page, inv);

			// shown on the buttons, and told to assistive technology
			const keys = await page.evaluate(() => ["run-btn", "submit-btn"].map((id) => {
				const b = document.getElementById(id);
				// the hint is drawn after the label (CSS generated content), so the label stays the button's text
				return { aria: b.getAttribute("aria-keyshortcuts") || "", hint: b.dataset.keys || "", title: b.title,
					drawn: getComputedStyle(b, "::after").content };
			}));
			h.assert(/Control\+Enter/.test(keys[0].aria) && /Meta\+Enter/.test(keys[0].aria), `Run's aria-keyshortcuts: ${keys[0].aria}`);
			h.assert(/Control\+Shift\+Enter/.test(keys[1].aria), `Submit's aria-keyshortcuts: ${keys[1].aria}`);
			h.assert(keys[0].hint === "Ctrl+↵" && keys[1].hint === "Ctrl+⇧+↵", `the hints on the buttons: ${JSON.stringify(keys)}`);
			h.assert(keys[0].title === "Run (Ctrl+Enter)" && keys[1].title === "Submit (Ctrl+Shift+Enter)", `in words in their titles: ${JSON.stringify(keys)}`);
			// the toolbar still fits on one line at 1280 px
			const boxes = await page.$$eval(".toolbar > *:not(.toolbar-gap)", (els) => els.map((e) => {
				const r = e.getBoundingClientRect();
				return [r.top, r.bottom];
			}));
			h.assert(Math.max(...boxes.map((b) => b[0])) < Math.min(...boxes.map((b) => b[1])), `the toolbar is one line: ${JSON.stringify(boxes)}`);
			h.assert(keys.every((k) => k.drawn && k.drawn !== "none" && k.drawn !== "normal"), `the hints are drawn: ${JSON.stringify(keys)}`);
			h.assert((await page.textContent("#run-btn")).trim() === "Run", "Run's label is its text");

			// Ctrl+Enter in the editor runs, and inserts no line
			await setCode(page, WRONG_PY);
			await page.keyboard.press("Control+Enter");
			let s = await waitStatus(page, /^Run \(/);
			h.assert(/sample tests passed/.test(s), `a run from the editor: ${s}`);
			await waitIdle(page);
			h.assert(await editorText(page) === WRONG_PY, "Ctrl+Enter did not change the code");

			// Ctrl+S in the editor saves the draft now and says so
			await page.click("#editor .cm-content");
			await page.keyboard.press("Control+End");
			await page.keyboard.insertText("# saved by Ctrl+S\n");
			await page.keyboard.press("Control+s");
			await page.waitForFunction(() => document.getElementById("save-status").textContent === "Saved", null, { timeout: 15000 });
			const sess = await h.admin("GET", `/api/test-session/${cid}`);
			const pa = sess.json.session.pending_answers;
			const code = pa.questions[pa.current_question].code_by_language.python;
			h.assert(code.includes("# saved by Ctrl+S"), "the server holds the draft right after Ctrl+S");
			h.assert(downloads === 0, "no page download");

			// outside the editor: Ctrl+Enter from the custom input, Ctrl+Shift+Enter from the statement
			await page.fill("#custom-input", "2\n5 7\n");
			await page.focus("#custom-input");
			await page.keyboard.press("Control+Enter");
			s = await waitStatus(page, /^Run \(/);
			await waitIdle(page);
			h.assert(await page.isVisible(".custom-result"), "the run from the custom input ran it");
			h.assert((await page.inputValue("#custom-input")) === "2\n5 7\n", "Ctrl+Enter put no line into the custom input");
			await page.focus("#problem");
			await page.keyboard.press("Control+Shift+Enter");
			s = await waitStatus(page, /^Submission/);
			h.assert(/tests passed/.test(s), `a submit from the statement: ${s}`);
			await waitIdle(page);
			await page.focus("#problem");
			await page.keyboard.press("Control+s");
			await page.waitForFunction(() => document.getElementById("save-status").textContent === "Saved", null, { timeout: 15000 });
			h.assert(downloads === 0, "no page download");
		},
	},
	{
		name: "comfort: editor settings (font size, theme of the whole page, tab width, autocomplete, reset) kept per browser",
		fn: async (h) => {
			const { inv } = await setup(h, "Lin Settings");
			const page = await h.newPage({ colorScheme: "dark" });
			await page.goto(inv.invite_url);
			await page.waitForSelector("#view-preview:not([hidden])");
			let bad = await lowContrast(page);
			h.assert(!bad.length, `the dark preview keeps AA contrast:\n${bad.join("\n")}`);
			await page.click("#start-btn");
			await page.waitForSelector("#view-test:not([hidden])");
			const starter = await editorText(page);

			// the system's dark scheme, on the whole page, with AA contrast
			const look = () => page.evaluate(() => {
				const cs = (el, p) => getComputedStyle(el)[p];
				const body = document.body;
				return {
					theme: document.documentElement.dataset.theme,
					bg: cs(body, "backgroundColor"), fg: cs(body, "color"),
					pane: cs(document.getElementById("problem"), "backgroundColor"),
					muted: cs(document.getElementById("q-meta"), "color"),
					editorBg: cs(document.querySelector("#editor .cm-editor"), "backgroundColor"),
					editorFg: cs(document.querySelector("#editor .cm-content"), "color"),
					primaryBg: cs(document.getElementById("submit-btn"), "backgroundColor"),
					primaryFg: cs(document.getElementById("submit-btn"), "color"),
				};
			});
			let l = await look();
			h.assert(l.theme === "dark", `dark follows the system: ${l.theme}`);
			const dark = (c) => c.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) < 200;
			h.assert(dark(l.bg) && dark(l.pane) && dark(l.editorBg), `the page and the editor are dark: ${JSON.stringify(l)}`);
			for (const [fg, bg, what] of [[l.fg, l.pane, "text"], [l.muted, l.pane, "muted text"],
				[l.editorFg, l.editorBg, "code"], [l.primaryFg, l.primaryBg, "the primary button"]])
				h.assert(contrast(fg, bg) >= 4.5, `${what} keeps AA contrast in dark: ${fg} on ${bg} = ${contrast(fg, bg).toFixed(2)}`);

			// a wrong answer's results, diff included, in dark
			await setCode(page, WRONG_PY);
			await page.click("#run-btn");
			await waitStatus(page, /^Run \(/);
			await waitIdle(page);
			await page.locator("#results-body .diff").first().waitFor();
			bad = await lowContrast(page);
			h.assert(!bad.length, `the dark workspace keeps AA contrast:\n${bad.join("\n")}`);
			await page.locator("#results-body .diff").first().scrollIntoViewIfNeeded();
			await h.shot(page, "candidate-dark");
			await page.locator(".toolbar").scrollIntoViewIfNeeded();
			await h.shot(page, "candidate-dark-toolbar");
			await setCode(page, starter);

			// the dialog
			await page.click("#settings-btn");
			const dlg = page.locator("dialog[open]");
			await dlg.waitFor();
			await h.shot(page, "candidate-settings-dark");
			await dlg.getByLabel("Font size").selectOption("18");
			await dlg.getByLabel("Tab width").selectOption("2");
			h.assert(await dlg.getByLabel("Autocomplete").isChecked(), "autocomplete is on by default");
			h.assert(await page.evaluate(() => getComputedStyle(document.querySelector("#editor .cm-content")).fontSize) === "18px",
				"the font size applies at once");
			await dlg.getByLabel("Theme").selectOption("light");
			l = await look();
			h.assert(l.theme === "light" && !dark(l.bg) && !dark(l.editorBg), `light, chosen: ${JSON.stringify(l)}`);
			await h.shot(page, "candidate-settings-light");
			await dlg.getByRole("button", { name: "Close" }).click();
			await page.waitForSelector("dialog[open]", { state: "detached", timeout: 5000 });

			// tab width: Tab indents by 2
			await setCode(page, "x = 1\n");
			await page.keyboard.press("Control+End");
			await page.keyboard.press("Tab");
			h.assert(await editorText(page) === "x = 1\n  ", `Tab indents by two: ${JSON.stringify(await editorText(page))}`);

			// autocomplete: the language's keywords and the file's words
			await setCode(page, "my_counter = 1\n");
			await page.keyboard.press("Control+End");
			await page.keyboard.type("whi");
			const box = page.locator(".cm-tooltip-autocomplete");
			await box.waitFor({ timeout: 10000 });
			h.assert((await box.textContent()).includes("while"), `a keyword is offered: ${await box.textContent()}`);
			await page.keyboard.press("Escape");
			await page.keyboard.press("Enter");
			await page.keyboard.type("my_c");
			await page.waitForFunction(() => {
				const b = document.querySelector(".cm-tooltip-autocomplete");
				return b && b.textContent.includes("my_counter");
			}, null, { timeout: 10000 });
			await page.locator(".cm-tooltip-autocomplete li").filter({ hasText: "my_counter" }).click();
			h.assert((await editorText(page)).endsWith("my_counter"), `the word completes: ${await editorText(page)}`);

			// off: no list
			await page.click("#settings-btn");
			await dlg.getByLabel("Autocomplete").uncheck();
			await dlg.getByRole("button", { name: "Close" }).click();
			await page.click("#editor .cm-content");
			await page.keyboard.press("Control+End");
			await page.keyboard.type("\nwhi");
			await page.waitForTimeout(800);
			h.assert(!(await page.isVisible(".cm-tooltip-autocomplete")), "no completion when it is off");

			// kept per browser
			await page.reload();
			await page.waitForSelector("#view-test:not([hidden])");
			await page.waitForSelector("#editor .cm-content");
			l = await look();
			h.assert(l.theme === "light", `the theme is kept: ${l.theme}`);
			h.assert(await page.evaluate(() => getComputedStyle(document.querySelector("#editor .cm-content")).fontSize) === "18px",
				"the font size is kept");
			await page.click("#settings-btn");
			h.assert((await dlg.getByLabel("Tab width").inputValue()) === "2", "the tab width is kept");
			h.assert(!(await dlg.getByLabel("Autocomplete").isChecked()), "autocomplete off is kept");

			// reset to the starter code, after a confirmation
			await dlg.getByRole("button", { name: "Reset to starter code" }).click();
			let confirm = page.locator("dialog[open]");
			await confirm.getByRole("button", { name: "Cancel" }).click();
			await page.waitForSelector("dialog[open]", { state: "detached", timeout: 5000 });
			h.assert(await editorText(page) !== starter, "Cancel keeps the code");
			await page.click("#settings-btn");
			await dlg.getByRole("button", { name: "Reset to starter code" }).click();
			confirm = page.locator("dialog[open]");
			h.assert(/starter/i.test(await confirm.textContent()), "the confirmation says what happens");
			await confirm.getByRole("button", { name: "Reset" }).click();
			await page.waitForFunction((t) => window.CEEditor.textOf(document.querySelector("#editor .cm-content")) === t,
				starter, { timeout: 5000 });
			// and the draft follows (saved, so a reload shows the starter too)
			await page.waitForFunction(() => document.getElementById("save-status").textContent === "All changes saved", null, { timeout: 15000 });
			await page.reload();
			await page.waitForSelector("#editor .cm-content");
			h.assert(await editorText(page) === starter, "the starter code is the draft now");
		},
	},
	{
		name: "comfort: expected against actual output as a diff, whitespace on request, in the results and the report; a compile error's line marked",
		fn: async (h) => {
			const { inv, cid } = await setup(h, "Max Diff");
			const page = await h.newPage();
			await start(page, inv);

			// the parser knows each compiler's format (file names as the judge's box has them)
			const parsed = await page.evaluate(async () => {
				const m = await import("/candidate/compile-marks.js");
				return {
					cpp: m.errorLines("main.cpp: In function 'int main()':\nmain.cpp:3:5: error: 'x' was not declared in this scope\n    3 |     x = 1;\n", "main.cpp"),
					c: m.errorLines("main.c:7:1: error: expected ';' before '}' token\n", "main.c"),
					java: m.errorLines("Main.java:4: error: ';' expected\n        int x = 1\n                 ^\n1 error\n", "{class}.java"),
					cs: m.errorLines("Main.cs(6,20): error CS1525: Unexpected symbol `}'\nCompilation failed: 1 error(s), 0 warnings\n", "Main.cs"),
					py: m.errorLines("  File \"main.py\", line 2\n    def f(:\n          ^\nSyntaxError: invalid syntax\n", "main.py"),
					js: m.errorLines("/box/main.js:5\n  let = ;\n      ^\n\nSyntaxError: Unexpected token '='\n    at wrapSafe (node:internal)\n", "main.js"),
					header: m.errorLines("/usr/include/c++/12/bits/stl_vector.h:10:2: error: bad\n", "main.cpp"),
				};
			});
			const lines = (r) => r.map((e) => e.line).join(",");
			h.assert(lines(parsed.cpp) === "3" && /not declared/.test(parsed.cpp[0].message), `g++: ${JSON.stringify(parsed.cpp)}`);
			h.assert(lines(parsed.c) === "7", `gcc: ${JSON.stringify(parsed.c)}`);
			h.assert(lines(parsed.java) === "4" && /expected/.test(parsed.java[0].message), `javac: ${JSON.stringify(parsed.java)}`);
			h.assert(lines(parsed.cs) === "6" && /CS1525/.test(parsed.cs[0].message), `mcs: ${JSON.stringify(parsed.cs)}`);
			h.assert(lines(parsed.py) === "2" && /SyntaxError/.test(parsed.py[0].message), `python: ${JSON.stringify(parsed.py)}`);
			h.assert(lines(parsed.js) === "5" && /SyntaxError/.test(parsed.js[0].message), `node: ${JSON.stringify(parsed.js)}`);
			h.assert(parsed.header.length === 0, "an error in a system header marks no line of the candidate's file");

			// a wrong answer: the diff, with the differing characters marked
			await setCode(page, WRONG_PY);
			await page.click("#run-btn");
			await waitStatus(page, /^Run \(/);
			await waitIdle(page);
			const diff = page.locator("#results-body .diff").first();
			await diff.waitFor();
			h.assert(await diff.locator("del").count() >= 1 && await diff.locator("ins").count() >= 1,
				"the expected and the actual characters that differ are marked");
			const ins = await diff.locator(".diff-ins").first().textContent();
			h.assert(/ 0/.test(ins), `the actual line is shown: ${ins}`);
			h.assert(!(await diff.textContent()).includes("↵"), "whitespace is plain at first");
			await diff.getByLabel("Show whitespace").check();
			const ws = await page.locator("#results-body .diff").first().textContent();
			h.assert(ws.includes("·") && ws.includes("↵"), `spaces and newlines made visible: ${ws}`);
			const all = await page.locator("#results-body .diff").evaluateAll((ds) => ds.map((d) => d.querySelector("input").checked && d.textContent.includes("↵")));
			h.assert(all.length === 2 && all.every(Boolean), `every diff on the page follows: ${all}`);
			await page.locator("#results-body .diff").first().scrollIntoViewIfNeeded();
			await h.shot(page, "candidate-diff");

			// a compile error's line is marked in the editor, and the next edit clears it
			await page.selectOption("#lang-select", "cpp");
			await setCode(page, "#include <cstdio>\nint main() {\n    undeclared_thing = 1;\n    return 0;\n}\n");
			await page.click("#run-btn");
			await waitStatus(page, /Compil|compil/);
			await waitIdle(page);
			const mark = page.locator("#editor .cm-error-line");
			await mark.waitFor({ timeout: 10000 });
			h.assert(await mark.count() === 1, "one line is marked");
			const lineNo = await page.evaluate(() => {
				const el = document.querySelector("#editor .cm-error-line");
				return [...el.parentNode.children].indexOf(el) + 1;
			});
			h.assert(lineNo === 3, `the third line is marked: ${lineNo}`);
			const title = await mark.getAttribute("title");
			h.assert(/undeclared_thing/.test(title || ""), `the message is its title: ${title}`);
			h.assert(await page.locator("#editor .cm-error-marker").count() === 1, "a marker in the gutter");
			await page.click("#editor .cm-content");
			await page.keyboard.press("Control+End");
			await page.keyboard.insertText("\n");
			h.assert(await page.locator("#editor .cm-error-line").count() === 0, "an edit clears the mark");

			// Python: a syntax error, marked; a run clears it
			await page.selectOption("#lang-select", "python");
			await setCode(page, "import sys\ndef f(:\n    pass\n");
			await page.click("#run-btn");
			await page.locator("#editor .cm-error-line").waitFor({ timeout: 90000 });
			await waitIdle(page);
			await page.click("#run-btn");
			h.assert(await page.locator("#editor .cm-error-line").count() === 0, "a run clears the mark");
			await waitIdle(page);

			// the report shows the same diff for a failed test
			await setCode(page, WRONG_PY);
			await page.click("#submit-btn");
			await waitStatus(page, /^Submission/);
			await waitIdle(page);
			const admin = await h.newPage();
			await h.adminSignIn(admin);
			await admin.goto(`${h.base}/admin/#/candidates/${cid}`);
			await admin.getByRole("heading", { level: 1, name: "Max Diff" }).waitFor();
			const sub = admin.locator("details.submission").first();
			await sub.locator("summary").first().click();
			const data = sub.locator("tbody tr").filter({ hasText: "Sample" }).filter({ hasText: "Wrong" }).first().locator("details");
			await data.locator("summary").first().click();
			const rdiff = data.locator(".diff");
			await rdiff.waitFor();
			h.assert(await rdiff.locator("del").count() >= 1 && await rdiff.locator("ins").count() >= 1, "the report marks the differences");
			await rdiff.getByLabel("Show whitespace").check();
			h.assert((await data.locator(".diff").textContent()).includes("↵"), "whitespace on request in the report");
			await data.scrollIntoViewIfNeeded();
			await h.shot(admin, "admin-report-diff");
		},
	},
	{
		name: "comfort: the preview explains how the test works, with the language versions and flags and what is recorded",
		fn: async (h) => {
			const { inv } = await setup(h, "Nia Preview");
			const catalog = (await h.api("GET", "/api/languages")).json.languages;
			const page = await h.newPage();
			await page.goto(inv.invite_url);
			await page.waitForSelector("#view-preview:not([hidden])");
			const panel = page.locator("#pv-howto");
			await panel.waitFor();
			h.assert((await panel.locator("h2").first().textContent()) === "How this test works", "the panel's heading");
			const text = await panel.textContent();
			for (const want of [/standard input/, /standard output/, /function/, /saved/, /timer/i, /time is up/,
				/paste/, /copy/, /leave the page|away from the page|loses focus/, /replay/])
				h.assert(want.test(text), `the panel says ${want}: ${text}`);
			// every language with its version and its commands, flags included
			const rows = await panel.locator("[data-lang]").evaluateAll((els) => els.map((e) => ({ id: e.dataset.lang, text: e.textContent })));
			h.assert(rows.length === catalog.length, `a row per language: ${rows.length}`);
			for (const l of catalog) {
				const row = rows.find((r) => r.id === l.id);
				h.assert(row && row.text.includes(l.version), `${l.id} shows its version ${l.version}`);
			}
			const cpp = rows.find((r) => r.id === "cpp").text;
			h.assert(cpp.includes("-std=gnu++17") && cpp.includes("-O2"), `C++'s flags: ${cpp}`);
			await panel.scrollIntoViewIfNeeded();
			await h.shot(page, "candidate-howto");
			// the start still works from the panel's page
			await page.click("#start-btn");
			await page.waitForSelector("#view-test:not([hidden])");
		},
	},
];
