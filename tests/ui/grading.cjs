// tests/ui/grading.cjs - how questions are judged and scored, in the browser: the
// question form's checker (a custom Python checker), test groups, Check with a right
// and a wrong solution, saving and reloading them; a function signature's preview;
// a Kattis package imported through the bank's Import button (its report) and
// exported; and the candidate's side: group scores after a submit, a PDF statement,
// an interactive question's transcripts, a function question's signature, typed
// examples and typed custom arguments.
//
// The function-signature scenarios need POST /api/admin/signature; on a server
// without it they print a note and pass without checking anything.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const suffix = Date.now().toString(36);

// Accepts any two integers that add up to the number in the input.
const CHECKER_PY = [
	"import sys",
	"n = int(open(sys.argv[1]).read().split()[0])",
	"out = sys.stdin.read().split()",
	"def verdict(ok, msg):",
	"    with open(sys.argv[3] + '/judgemessage.txt', 'w') as f:",
	"        f.write(msg)",
	"    sys.exit(42 if ok else 43)",
	"if len(out) != 2:",
	"    verdict(False, 'expected two numbers, got %d tokens' % len(out))",
	"try:",
	"    a, b = int(out[0]), int(out[1])",
	"except ValueError:",
	"    verdict(False, 'not two integers')",
	"verdict(a + b == n, '%d + %d = %d, want %d' % (a, b, a + b, n))",
	"",
].join("\n");
// right under the checker, though never the expected output itself
const SPLIT_PY = "n = int(input())\nprint(1, n - 1)\n";
const WRONG_SPLIT_PY = "n = int(input())\nprint(n, 1)\n";
const TWO_SUM_PY = "def twoSum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n"
	+ "        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n    return []\n";
const SUM_PY = "import sys\na, b = map(int, sys.stdin.read().split())\nprint(a + b)\n";
const WRONG_SUM_PY = "import sys\na, b = map(int, sys.stdin.read().split())\nprint(a + b if a < 10 else 0)\n";
// a one-page PDF with no text: enough to be opened
const TINY_PDF = "%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
	+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

// ---- a small zip writer (deflate, Unix modes), for a package directory ----

const CRC_TABLE = (() => {
	const t = new Int32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c;
	}
	return t;
})();

function crc32(buf) {
	let c = -1;
	for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ -1) >>> 0;
}

// root's files (sorted, symbolic links stored as links) as the bytes of a zip
function zipDirectory(root) {
	const entries = [];
	(function walk(dir) {
		for (const name of fs.readdirSync(dir).sort()) {
			const full = path.join(dir, name);
			const st = fs.lstatSync(full);
			const rel = path.relative(root, full).split(path.sep).join("/");
			if (st.isDirectory()) walk(full);
			else if (st.isSymbolicLink()) entries.push({ name: rel, data: Buffer.from(fs.readlinkSync(full)), mode: 0o120777 });
			else entries.push({ name: rel, data: fs.readFileSync(full), mode: 0o100644 });
		}
	})(root);
	const parts = [];
	const central = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name);
		const packed = zlib.deflateRawSync(e.data);
		const crc = crc32(e.data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);                      // deflate
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(e.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		const cen = Buffer.alloc(46);
		cen.writeUInt32LE(0x02014b50, 0);
		cen.writeUInt16LE(0x0314, 4);                   // made by Unix, version 2.0
		cen.writeUInt16LE(20, 6);
		cen.writeUInt16LE(8, 10);
		cen.writeUInt32LE(crc, 16);
		cen.writeUInt32LE(packed.length, 20);
		cen.writeUInt32LE(e.data.length, 24);
		cen.writeUInt16LE(name.length, 28);
		cen.writeUInt32LE((e.mode << 16) >>> 0, 38);
		cen.writeUInt32LE(offset, 42);
		parts.push(local, name, packed);
		central.push(cen, name);
		offset += local.length + name.length + packed.length;
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, cd, end]);
}

// ---- helpers ----

// Put text into a CodeMirror editor as one edit (no auto-indent per keystroke).
async function setEditor(page, selector, text) {
	await page.locator(`${selector} .cm-content`).fill(text);
}

// Press a button that starts a check, and wait for its result.
async function checkWith(page, button) {
	await button.click();
	await page.getByRole("button", { name: "Run check" }).waitFor({ timeout: 120000 });
	const err = page.locator(".check-result .banner-error");
	if (await err.count()) throw new Error("check failed: " + (await err.textContent()));
	return page.locator(".check-summary [data-verdict]").getAttribute("data-verdict");
}

async function groupScore(page, scope, name) {
	return (await page.locator(`${scope} tr[data-group="${name}"] .group-score`).textContent()).trim();
}

// POST /api/admin/signature, or null when this server has no such endpoint
async function readSignature(h, text) {
	const r = await h.admin("POST", "/api/admin/signature", { signature: text });
	if (r.status === 404) return null;
	h.assert(r.status === 200 && r.json.signature, `the signature is read: ${r.status} ${r.text}`);
	return r.json;
}

function skipNote(what) {
	console.log(`     note: POST /api/admin/signature answers 404 on this server; ${what} skipped`);
}

async function createQuestion(h, doc) {
	const r = await h.admin("POST", "/api/admin/questions", {
		difficulty: "easy", tags: ["ui-grading"], time_limit_ms: 2000, memory_limit_mb: 256, ...doc,
	});
	h.assert(r.status === 201, `create question: ${r.status} ${r.text}`);
	return r.json.question;
}

// ---- scenarios ----

module.exports = [
	{
		name: "admin grading: custom checker, groups, check right and wrong, save, reload",
		fn: async (h) => {
			const page = await h.newPage();
			await h.adminSignIn(page);
			await page.getByRole("link", { name: "New question" }).click();
			await page.getByRole("heading", { level: 1, name: "New question" }).waitFor();
			const title = `UI Split ${suffix}`;
			await page.getByLabel("Title").fill(title);
			await page.getByLabel("Description (Markdown)").fill("Print two integers that add up to n.");

			// two groups: "small" scored by its tests, "large" all or nothing after it
			await page.getByRole("button", { name: "Add group" }).click();
			await page.getByLabel("Name of group 1").fill("small");
			await page.getByRole("button", { name: "Add group" }).click();
			await page.getByLabel("Name of group 2").fill("large");
			await page.getByLabel("Rule of group 2").selectOption("all");
			await page.getByLabel("Points of group 2").fill("10");
			await page.getByLabel("Group 2 depends on small").check();
			await page.getByLabel("Group 2 stops at its first failure").check();

			const tests = [["3\n", "1 2\n", "small", "1"], ["10\n", "3 7\n", "small", "2"], ["100\n", "50 50\n", "large", "1"]];
			for (const [i, [input, expected, group, points]] of tests.entries()) {
				await page.getByRole("button", { name: "Add test", exact: true }).click();
				await page.getByLabel(`Input of test ${i + 1}`).fill(input);
				await page.getByLabel(`Expected output of test ${i + 1}`).fill(expected);
				await page.getByLabel(`Group of test ${i + 1}`).selectOption({ label: group });
				await page.getByLabel(`Points for test ${i + 1}`).fill(points);
			}
			await page.getByLabel("Test 1 is a sample").check();
			h.assert(/worth 13 points: small 3, large 10/.test(await page.locator(".worth").textContent()),
				`the form adds up the groups: ${await page.locator(".worth").textContent()}`);

			// the custom checker, and Check beside it with a right solution
			await page.getByLabel("Checker", { exact: true }).selectOption("custom");
			await page.getByLabel("Checker language").selectOption("python");
			await setEditor(page, ".editor-checker", CHECKER_PY);
			await page.getByLabel("Language", { exact: true }).selectOption("python");
			await setEditor(page, ".editor-check", SPLIT_PY);
			const checkBtn = page.locator(".checker-editor").getByRole("button", { name: "Check", exact: true });
			h.assert(await checkWith(page, checkBtn) === "accepted", "a solution the checker accepts is accepted");
			h.assert(await page.locator(".check-table [data-verdict=accepted]").count() === 3, "every test accepted");
			h.assert(await groupScore(page, ".group-scores", "small") === "3 / 3", "group small scores 3 of 3");
			h.assert(await groupScore(page, ".group-scores", "large") === "10 / 10", "group large scores 10 of 10");
			h.assert(/score 13 of 13/.test(await page.locator(".check-summary").textContent()), "the check scores 13 of 13");
			h.assert((await page.locator(".checker-message").first().textContent()).includes("want 3"),
				"the checker's message is shown");
			await h.shot(page, "grading-check-right");

			// a wrong one: the checker says why, small fails and large, which depends on it, gets nothing
			await setEditor(page, ".editor-check", WRONG_SPLIT_PY);
			h.assert(await checkWith(page, page.getByRole("button", { name: "Run check" })) === "wrong_answer",
				"a solution the checker rejects is wrong_answer");
			h.assert((await page.locator(".check-table tr[data-test='1'] .checker-message").textContent()).includes("3 + 1 = 4, want 3"),
				"the checker's message says what was wrong");
			h.assert(await groupScore(page, ".group-scores", "small") === "0 / 3", "group small scores 0 of 3");
			h.assert(await groupScore(page, ".group-scores", "large") === "0 / 10", "group large scores 0 of 10");
			h.assert(await page.locator(".group-scores tr[data-group=large] [data-verdict=accepted]").count() === 0,
				"group large is not accepted");
			await h.shot(page, "grading-check-wrong");

			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: "Saved" }).waitFor();
			const id = decodeURIComponent(await page.evaluate(() => location.hash)).replace("#/questions/", "");
			const q = (await h.admin("GET", `/api/admin/questions/${id}`)).json.question;
			h.assert(q.checker.type === "custom" && q.checker.language === "python" && q.checker.code === CHECKER_PY,
				`the checker is saved: ${JSON.stringify(q.checker).slice(0, 200)}`);
			const [g1, g2] = q.groups;
			h.assert(q.groups.length === 2 && g1.name === "small" && g1.rule === "sum" && !g1.depends_on
				&& g2.name === "large" && g2.rule === "all" && g2.points === 10 && g2.stop_on_failure === true
				&& JSON.stringify(g2.depends_on) === JSON.stringify(["small"]),
			`the groups are saved: ${JSON.stringify(q.groups)}`);
			h.assert(q.test_cases.map((t) => t.group).join() === "small,small,large", "each test's group is saved");
			h.assert(q.max_score === 13, `the question is worth 13: ${q.max_score}`);

			// what a reload shows is what was saved
			await page.reload();
			await page.getByRole("heading", { level: 1, name: `Edit: ${title}` }).waitFor();
			h.assert(await page.getByLabel("Checker", { exact: true }).inputValue() === "custom", "the checker type is back");
			h.assert(await page.getByLabel("Checker language").inputValue() === "python", "the checker language is back");
			h.assert((await page.locator(".editor-checker .cm-content").innerText()).includes("want %d"), "the checker code is back");
			h.assert(await page.getByLabel("Name of group 1").inputValue() === "small", "group 1 is back");
			h.assert(await page.getByLabel("Name of group 2").inputValue() === "large", "group 2 is back");
			h.assert(await page.getByLabel("Rule of group 2").inputValue() === "all", "group 2's rule is back");
			h.assert(await page.getByLabel("Points of group 2").inputValue() === "10", "group 2's points are back");
			h.assert(await page.getByLabel("Group 2 depends on small").isChecked(), "group 2's dependency is back");
			const groupOf = (n) => page.getByLabel(`Group of test ${n}`).evaluate((s) => s.selectedOptions[0].textContent);
			h.assert(await groupOf(1) === "small" && await groupOf(3) === "large", "each test's group is back");

			// renaming a group keeps its tests in it
			await page.getByLabel("Name of group 2").fill("big");
			h.assert(await groupOf(3) === "big", "a renamed group keeps its tests");
			await page.getByLabel("Name of group 2").fill("large");
		},
	},
	{
		name: "admin grading: signature preview, stubs per language, JSON tests",
		fn: async (h) => {
			const page = await h.newPage();
			await h.adminSignIn(page);
			await page.getByRole("link", { name: "New question" }).click();
			await page.getByRole("heading", { level: 1, name: "New question" }).waitFor();
			await page.getByLabel("Signature", { exact: true }).fill("function: twoSum\nparams: nums int[], target int\nreturns: int[]");
			await page.getByRole("button", { name: "Preview" }).click();
			const stubs = page.locator(".signature-stubs:not([hidden])");
			const error = page.locator(".signature-editor .field-error:not([hidden])");
			await stubs.or(error).first().waitFor();
			if (await error.count()) {
				const text = await error.textContent();
				h.assert(/cannot read signatures yet/.test(text), `without the endpoint the form says so: ${text}`);
				return skipNote("the signature preview");
			}
			await stubs.getByRole("tab", { name: "Java", exact: true }).click();
			h.assert((await page.locator(".editor-stub .cm-content").innerText()).includes("class Solution"),
				"the Java stub declares class Solution");
			h.assert((await page.locator(".signature-status").textContent()).includes("twoSum(nums: int[], target: int) → int[]"),
				"the preview shows the function");
			await page.getByRole("button", { name: "Add test", exact: true }).click();
			h.assert(/JSON/.test(await page.getByLabel("Input of test 1").getAttribute("placeholder")),
				"a function question's test input is JSON");
			h.assert(/JSON/.test(await page.getByLabel("Expected output of test 1").getAttribute("placeholder")),
				"a function question's expected output is JSON");
			await h.shot(page, "grading-signature");

			// a bad signature: the server's message under the field
			await page.getByLabel("Signature", { exact: true }).fill("function: f\nparams: x integer\nreturns: int");
			await page.getByRole("button", { name: "Preview" }).click();
			await error.waitFor();
			h.assert((await error.textContent()).length > 0, "a signature that does not parse shows why");

			// saved: the JSON form; cleared: null
			await page.getByLabel("Signature", { exact: true }).fill("function: twoSum\nparams: nums int[], target int\nreturns: int[]");
			await page.getByLabel("Title").fill(`UI Two Sum ${suffix}`);
			await page.getByLabel("Description (Markdown)").fill("Return the indices of two numbers adding up to target.");
			await page.getByLabel("Input of test 1").fill("{\"nums\": [2, 7, 11, 15], \"target\": 9}");
			await page.getByLabel("Expected output of test 1").fill("[0, 1]");
			await page.getByLabel("Test 1 is a sample").check();
			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: "Saved" }).waitFor();
			const id = decodeURIComponent(await page.evaluate(() => location.hash)).replace("#/questions/", "");
			let q = (await h.admin("GET", `/api/admin/questions/${id}`)).json.question;
			h.assert(q.signature && q.signature.function === "twoSum" && q.signature.params.length === 2,
				`the signature is saved: ${JSON.stringify(q.signature)}`);

			// Check runs a function against the JSON tests
			await page.getByLabel("Language", { exact: true }).selectOption("python");
			await setEditor(page, ".editor-check", TWO_SUM_PY);
			h.assert(await checkWith(page, page.getByRole("button", { name: "Run check" })) === "accepted",
				"a right function is accepted");
			await page.getByLabel("Signature", { exact: true }).fill("");
			await page.getByLabel("Input of test 1").fill("2 7 11 15\n9\n");
			await page.getByLabel("Expected output of test 1").fill("0 1\n");
			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: "Saved" }).waitFor();
			q = (await h.admin("GET", `/api/admin/questions/${id}`)).json.question;
			h.assert(q.signature === null, `a cleared signature is saved as null: ${JSON.stringify(q.signature)}`);
		},
	},
	{
		name: "admin grading: package import through the bank, report, export, edit keeps references",
		fn: async (h) => {
			const page = await h.newPage({ acceptDownloads: true });
			await h.adminSignIn(page);
			const zip = zipDirectory(path.join(h.root, "tests", "packages", "float-tolerance"));
			await page.locator("input[type=file][accept*=zip]").setInputFiles(
				{ name: "float-tolerance.zip", mimeType: "application/zip", buffer: zip });
			await page.locator(".import-progress").waitFor();
			h.assert((await page.locator(".import-progress").textContent()).includes("few minutes"), "the import says it takes a while");
			const report = page.locator(".import-report");
			await report.waitFor({ timeout: 600000 });
			const refs = report.locator("tr[data-reference]");
			const n = await refs.count();
			h.assert(n === 3, `three references in the report, got ${n}`);
			for (let i = 0; i < n; i++) {
				h.assert(await refs.nth(i).locator("[data-ok]").getAttribute("data-ok") === "true",
					`reference ${await refs.nth(i).getAttribute("data-reference")} is ok`);
			}
			h.assert(await report.locator("tr[data-reference] [data-verdict=wrong_answer]").count() === 1,
				"the wrong-answer reference got wrong_answer");
			h.assert(/Time limit: \d+ ms/.test(await report.locator(".import-time").textContent()), "the time limit is reported");
			h.assert((await report.textContent()).includes("Every reference solution got its expected verdict"), "all references ok");
			await h.shot(page, "grading-import-report");

			// the list has the new question
			const link = report.locator("a.row-title");
			const id = (await link.getAttribute("href")).replace("#/questions/", "");
			await page.locator(`tr[data-question-id="${id}"]`).waitFor();
			const title = (await link.textContent()).trim();
			h.assert(title === "Circle Area", `the question's title: ${title}`);

			// export: a zip download
			const [download] = await Promise.all([page.waitForEvent("download"),
				page.getByRole("button", { name: `Export ${title}` }).click()]);
			const file = await download.path();
			h.assert(fs.readFileSync(file).subarray(0, 2).toString() === "PK", "the export is a zip");
			h.assert(/\.zip$/.test(download.suggestedFilename()), `the export's name: ${download.suggestedFilename()}`);

			// the form shows the float checker; a save keeps the references it was given
			await page.locator(`tr[data-question-id="${id}"] a.row-title`).click();
			await page.getByRole("heading", { level: 1, name: `Edit: ${title}` }).waitFor();
			h.assert(await page.getByLabel("Checker", { exact: true }).inputValue() === "float", "the checker is float");
			h.assert(await page.getByLabel("Absolute tolerance").inputValue() === "0.000001", "its tolerance is shown");
			h.assert(await page.locator("details.reference").count() === 3, "the references are listed");
			await page.getByLabel("Solution", { exact: true }).selectOption({ index: 1 });
			h.assert(await checkWith(page, page.getByRole("button", { name: "Run check" })) === "accepted",
				"a reference picked for Check is accepted");
			await page.getByLabel("Tags").fill("ui-grading, geometry");
			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: "Saved" }).waitFor();
			const q = (await h.admin("GET", `/api/admin/questions/${id}`)).json.question;
			h.assert(q.references.length === 3, `the references are kept: ${q.references.length}`);
			h.assert(q.checker.type === "float", "the checker is kept");
			h.assert(q.tags.includes("geometry"), "the edit is saved");
		},
	},
	{
		name: "candidate grading: group scores, a PDF statement, an interaction",
		fn: async (h) => {
			const grouped = await createQuestion(h, {
				title: `UI Grouped Sum ${suffix}`,
				question: "Read two integers and print their sum.",
				groups: [{ name: "basic", rule: "sum", points: 0 },
					{ name: "big", rule: "all", points: 5, depends_on: ["basic"] }],
				test_cases: [
					{ input: "1 2\n", expected_output: "3\n", is_sample: true, points: 1, group: "basic" },
					{ input: "2 2\n", expected_output: "4\n", points: 2, group: "basic" },
					{ input: "100000 200000\n", expected_output: "300000\n", points: 1, group: "big" },
				],
				statement_pdf: Buffer.from(TINY_PDF).toString("base64"),
			});
			const interactor = fs.readFileSync(path.join(h.root, "tests", "packages", "interactive", "output_validators",
				"interactor", "interactor.cpp"), "utf8");
			const interactive = await createQuestion(h, {
				title: `UI Guess ${suffix}`,
				question: "Guess the number.",
				checker: { type: "interactive", language: "cpp", code: interactor },
				test_cases: [{ input: "37\n", expected_output: "", is_sample: true, interaction: "> 50\n< lower\n> 37\n< correct\n" }],
			});
			const inv = await h.invite("Grace Groups", [grouped.id, interactive.id], 30);
			const page = await h.newPage();
			await h.startTest(page, inv);

			// the PDF opens in a new tab, fetched with the session token
			await page.locator("#q-pdf:not([hidden])").waitFor();
			const [tab] = await Promise.all([page.context().waitForEvent("page"),
				page.getByRole("button", { name: "Open the statement (PDF)" }).click()]);
			await tab.waitForURL(/^blob:/, { timeout: 15000 });
			await tab.close();

			await h.setCode(page, SUM_PY);
			await page.click("#submit-btn");
			await h.waitEnabled(page, "#submit-btn");
			let status = await page.textContent("#results-status");
			h.assert(/score 8\/8/.test(status), `a right submit scores 8 of 8: ${status}`);
			h.assert(await groupScore(page, "#results-body", "basic") === "3 / 3", "group basic 3 of 3");
			h.assert(await groupScore(page, "#results-body", "big") === "5 / 5", "group big 5 of 5");
			await h.shot(page, "grading-candidate-groups");

			await h.setCode(page, WRONG_SUM_PY);
			await page.click("#submit-btn");
			await h.waitEnabled(page, "#submit-btn");
			status = await page.textContent("#results-status");
			h.assert(/score 3\/8/.test(status), `the big group fails: ${status}`);
			h.assert(await groupScore(page, "#results-body", "big") === "0 / 5", "group big 0 of 5");
			h.assert((await page.textContent("#results-body tr[data-group=big]")).includes("Wrong answer"), "group big's verdict");
			h.assert(!(await page.textContent("#results-body")).includes("judgemessage"), "no checker message reaches the candidate");

			// the interactive question's sample is its transcript
			await page.click(`.q-item[data-qid="${interactive.id}"]`);
			await page.waitForFunction((t) => document.getElementById("q-title").textContent === t, interactive.title);
			h.assert((await page.textContent("#q-samples .io-interaction")).includes("< lower"), "the interaction is shown");
			h.assert(await page.locator("#q-pdf").isHidden(), "no PDF link without a PDF");
		},
	},
	{
		name: "candidate grading: function question, typed examples, typed custom arguments",
		fn: async (h) => {
			const read = await readSignature(h, "function: addAll\nparams: nums int[], k int\nreturns: int");
			if (!read) return skipNote("the function question scenario");
			const q = await createQuestion(h, {
				title: `UI Add All ${suffix}`,
				question: "Return the sum of nums plus k.",
				signature: read.signature,
				boiler_plate: Object.fromEntries(Object.entries(read.stubs || {}).filter(([, v]) => typeof v === "string")),
				test_cases: [
					{ input: "{\"nums\": [1, 2, 3], \"k\": 4}", expected_output: "10", is_sample: true },
					{ input: "{\"nums\": [], \"k\": -2}", expected_output: "-2" },
				],
			});
			const inv = await h.invite("Fay Function", [q.id], 30);
			const page = await h.newPage();
			await h.startTest(page, inv);
			h.assert((await page.textContent("#q-signature")).includes("addAll(nums: int[], k: int) → int"), "the signature is shown");
			const example = await page.textContent("#q-samples .example");
			h.assert(example.includes("nums") && example.includes("[1, 2, 3]") && example.includes("10"),
				`the sample is a typed example: ${example}`);
			h.assert(await page.locator("#custom-input").isHidden(), "the plain custom input is replaced");

			await page.selectOption("#lang-select", "python");
			await h.setCode(page, "def addAll(nums, k):\n    return sum(nums) + k\n");
			await page.fill("#custom-fields [data-param=nums]", "[1, \"x\"]");
			await page.fill("#custom-fields [data-param=k]", "4");
			await page.click("#run-btn");
			const err = page.locator("#custom-fields .field-error:not([hidden])");
			await err.waitFor();
			h.assert((await err.textContent()).includes("nums[1]: expected an int, got a string"), `inline message: ${await err.textContent()}`);
			h.assert(/Fix the custom arguments/.test(await page.textContent("#results-status")), "the run waits for the fix");

			await page.fill("#custom-fields [data-param=nums]", "[1, 2]");
			await page.click("#run-btn");
			await h.waitEnabled(page, "#run-btn");
			await page.locator(".custom-result").waitFor();
			h.assert(!/not accept/.test(await page.textContent("#results-status")), "the server took the arguments");
			await h.shot(page, "grading-candidate-function");

			await page.click("#submit-btn");
			await h.waitEnabled(page, "#submit-btn");
			const status = await page.textContent("#results-status");
			h.assert(/Submission accepted/.test(status), `the function is accepted: ${status}`);
		},
	},
];
