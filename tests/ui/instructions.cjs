// tests/ui/instructions.cjs - a candidate invited to a test (a job's test, made through
// the admin API) with instructions and two allowed languages: the preview shows the
// instructions, safely rendered, and those languages before the start; the workspace
// offers only them, also after a reload and with a draft saved in another language.
"use strict";
const { setCode } = require("./harness.cjs");

const SLUG = "01-sensor-summary";
const ALLOWED = ["python", "c"];
const INSTRUCTIONS = [
	"## Before you begin",
	"",
	"Write **clean** code; a reviewer reads it.",
	"",
	"- Python or C only",
	"- <script>window.injected = true</script> stays text",
	"",
].join("\n");

async function options(page) {
	return page.$$eval("#lang-select option", (os) => os.map((o) => o.value));
}

// the invitation to a new test of a new job: { invite_url, candidate }
async function inviteToTest(h, q) {
	let r = await h.admin("POST", "/api/admin/jobs", { title: `UI instructions ${Date.now().toString(36)}` });
	h.assert(r.status === 201, `a job: ${r.status} ${r.text}`);
	r = await h.admin("POST", `/api/admin/jobs/${r.json.job.id}/tests`, {
		title: "Screening", questions: [q.id], duration_minutes: 30, languages: ALLOWED, instructions: INSTRUCTIONS,
	});
	h.assert(r.status === 201, `a test: ${r.status} ${r.text}`);
	r = await h.admin("POST", `/api/admin/tests/${r.json.test.id}/invitations`,
		{ name: "Grace Hopper", email: "grace.hopper@example.com" });
	h.assert(r.status === 201, `an invitation: ${r.status} ${r.text}`);
	return r.json;
}

module.exports = [{
	name: "candidate reads the test's instructions before the start and picks only its languages, also after a reload",
	fn: async (h) => {
		const q = await h.bankQuestion(SLUG);
		const inv = await inviteToTest(h, q);
		const catalog = (await h.api("GET", "/api/languages")).json.languages;
		const names = ALLOWED.map((id) => catalog.find((l) => l.id === id).name);
		const page = await h.newPage();

		// the preview: the instructions, rendered as markdown and never as HTML, and two languages
		await page.goto(inv.invite_url);
		await page.waitForSelector("#view-preview:not([hidden])");
		h.assert(await page.isVisible("#pv-instructions-box"), "the instructions are shown before the start");
		h.assert((await page.textContent("#pv-instructions h2")) === "Before you begin", "their heading is rendered");
		h.assert((await page.textContent("#pv-instructions strong")) === "clean", "their emphasis is rendered");
		const items = await page.$$eval("#pv-instructions li", (ls) => ls.map((l) => l.textContent));
		h.assert(items.length === 2 && items[1].includes("<script>"), `raw HTML shows as text: ${JSON.stringify(items)}`);
		h.assert(!(await page.$("#pv-instructions script")) && !(await page.evaluate(() => window.injected)),
			"raw HTML is not run");
		const langs = await page.textContent("#pv-langs");
		h.assert(langs === names.join(", "), `the preview lists ${names.join(" and ")} only: ${langs}`);
		await h.shot(page, "candidate-instructions-preview");

		// the workspace offers the two, the first by default
		await page.click("#start-btn");
		await page.waitForSelector("#view-test:not([hidden])");
		h.assert(JSON.stringify(await options(page)) === JSON.stringify(ALLOWED), `Python and C: ${await options(page)}`);
		h.assert((await page.inputValue("#lang-select")) === "python", "Python, the first allowed, is the default");
		await page.selectOption("#lang-select", "c");
		await setCode(page, "int main(void) { return 0; }\n");
		await page.waitForFunction(() => document.getElementById("save-status").textContent === "All changes saved",
			null, { timeout: 15000 });

		// a reload: the same two languages, the draft in C is back
		await page.reload();
		await page.waitForSelector("#view-test:not([hidden])");
		h.assert(JSON.stringify(await options(page)) === JSON.stringify(ALLOWED), `after a reload: ${await options(page)}`);
		h.assert((await page.inputValue("#lang-select")) === "c", "the draft reopens in C");

		// a draft saved in a language the test does not allow opens in the first allowed one
		// (saved on the server, newer than this browser's copy, as another browser would)
		const cid = inv.candidate.candidate_id;
		const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("ce-session")).token);
		const drafts = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), "ce-drafts:" + cid);
		drafts.questions[drafts.current_question] = { language: "java", code_by_language: { java: "class Main {}\n" } };
		drafts.updated_at = Date.now() + 60000;
		const r = await h.api("PUT", `/api/test-session/${cid}/progress`, { pending_answers: drafts }, token);
		h.assert(r.status === 200, `a draft in Java is saved: ${r.status} ${r.text}`);
		await page.reload();
		await page.waitForSelector("#view-test:not([hidden])");
		h.assert(JSON.stringify(await options(page)) === JSON.stringify(ALLOWED), `Java is not offered: ${await options(page)}`);
		h.assert((await page.inputValue("#lang-select")) === "python", "the Java draft opens in Python");
		const text = await page.locator(".cm-content").innerText();
		h.assert(!text.includes("class Main"), `the Java code is not shown: ${text}`);
		h.assert(await page.isHidden("#view-preview"), "a reload resumes without the preview");
		await h.shot(page, "candidate-instructions-workspace");
	},
}];
