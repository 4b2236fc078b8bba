// tests/ui/candidate.cjs - the candidate's test page (static/test/, static/candidate/) in a browser:
// preview and start, run and submit, drafts across a reload, a closed tab that comes
// back, the timer running out, finishing by hand, a hostile question, a lost connection.
//
// Each scenario invites its own candidate through the admin API. The bank question
// 01-sensor-summary is used throughout: its reference solution is known, two of its
// nine tests are samples.
"use strict";
const { startTest: start, setCode, sensor: { slug: SLUG, wrongPy: WRONG_PY } } = require("./harness.cjs");
const fs = require("fs");
const path = require("path");

const JAVA_DRAFT = "public class Main {\n    public static void main(String[] a) {\n        System.out.println(\"draft\");\n    }\n}\n";

// ---- helpers ----

async function setup(h, name, minutes, slugs) {
	const qs = [];
	for (const s of slugs || [SLUG]) qs.push(await h.bankQuestion(s));
	const inv = await h.invite(name, qs.map((q) => q.id), minutes);
	return { q: qs[0], qs, inv, cid: inv.candidate.candidate_id };
}

async function editorText(page) {
	// innerText gives one line per line element, plus a final newline
	return (await page.locator(".cm-content").innerText()).replace(/\n$/, "");
}

function same(a, b) {
	return a.replace(/\s+$/, "") === b.replace(/\s+$/, "");
}

async function waitSaved(page) {
	await page.waitForFunction(() => document.getElementById("save-status").textContent === "All changes saved",
		null, { timeout: 15000 });
}

// Run or Submit, checking the busy state while it runs
async function execute(h, page, which) {
	const btn = which === "run" ? "#run-btn" : "#submit-btn";
	await page.click(btn);
	const busy = await page.evaluate((sel) => {
		const b = document.querySelector(sel);
		const off = (el) => el.disabled || el.getAttribute("aria-disabled") === "true";
		return { disabled: off(b), text: b.textContent, other: off(document.querySelector(sel === "#run-btn" ? "#submit-btn" : "#run-btn")) };
	}, btn);
	h.assert(busy.disabled && busy.other, `${which}: both buttons are disabled while busy`);
	h.assert(/…$/.test(busy.text), `${which}: the button says it is busy, got "${busy.text}"`);
	await h.waitEnabled(page, btn);
	return page.textContent("#results-status");
}

function timerSeconds(text) {
	const parts = text.trim().split(":").map(Number);
	return parts.reduce((acc, n) => acc * 60 + n, 0);
}

async function adminSession(h, cid) {
	const r = await h.admin("GET", `/api/test-session/${cid}`);
	h.assert(r.status === 200, `admin reads the session: ${r.status} ${r.text}`);
	return r.json.session;
}

async function submissions(h, cid) {
	const r = await h.admin("GET", `/api/admin/candidates/${cid}`);
	h.assert(r.status === 200, `admin reads the candidate: ${r.status}`);
	return r.json.candidate.submissions || [];
}

async function assertLocked(h, page) {
	const s = await page.evaluate(() => ({
		editable: document.querySelector(".cm-content").getAttribute("contenteditable"),
		run: document.getElementById("run-btn").disabled,
		submit: document.getElementById("submit-btn").disabled,
		finish: document.getElementById("finish-btn").disabled,
		lang: document.getElementById("lang-select").disabled,
		custom: document.getElementById("custom-input").disabled,
	}));
	h.assert(s.editable === "false", "the editor is read-only");
	h.assert(s.run && s.submit && s.finish && s.lang && s.custom, `every control is disabled: ${JSON.stringify(s)}`);
}

function pointsOf(q) {
	return Object.values(q.meta.points).reduce((a, b) => a + b, 0);
}

// ---- scenarios ----

module.exports = [
	{
		name: "candidate takes a test: preview, run, custom input, submit",
		fn: async (h) => {
			const { q, inv } = await setup(h, "Ada Lovelace", 45, [SLUG, "02-bracket-inspector"]);
			const page = await h.newPage();
			await page.goto(inv.invite_url);
			await page.waitForSelector("#view-preview:not([hidden])");
			h.assert((await page.textContent("#pv-count")) === "2 questions", "preview: question count");
			h.assert((await page.textContent("#pv-duration")) === "45 minutes", "preview: duration");
			const langs = await page.textContent("#pv-langs");
			for (const l of ["Python", "Java", "C++", "C17", "JavaScript", "C#"])
				h.assert(langs.includes(l), `preview lists ${l}: ${langs}`);
			await h.shot(page, "candidate-preview");
			await page.click("#start-btn");
			await page.waitForSelector("#view-test:not([hidden])");

			// the question list and the statement
			const items = await page.$$eval(".q-item", (bs) => bs.map((b) => b.textContent));
			h.assert(items.length === 2 && items.every((t) => t.includes("Not started")), `two questions, not started: ${items}`);
			h.assert((await page.textContent("#q-title")) === q.title, "the first question is open");
			h.assert(await page.$("#q-desc h2"), "the statement's markdown headings are rendered");
			h.assert((await page.$$("#q-samples .sample")).length === 2, "two sample tests are shown");
			h.assert((await page.textContent("#q-samples")).includes("-1 5 12 3"), "a sample's expected output is shown");
			const langCount = await page.$$eval("#lang-select option", (o) => o.length);
			h.assert(langCount === 6, `six languages to choose from, got ${langCount}`);

			// a wrong solution fails a sample
			await setCode(page, WRONG_PY);
			let status = await execute(h, page, "run");
			h.assert(/0 of 2 sample tests passed/.test(status), `wrong code fails the samples: ${status}`);
			h.assert((await page.$$("#results-body tr.fail")).length === 2, "failing samples are marked as failing");
			const detail = await page.textContent("#results-body");
			h.assert(detail.includes("Wrong answer") && detail.includes("Expected output") && detail.includes("-1 5 12 0"),
				"a failing sample shows the verdict, expected output and the program's output");

			// another language gets its starter; coming back returns the candidate's code
			await page.selectOption("#lang-select", "java");
			h.assert(/class\s+\w+/.test(await editorText(page)), "Java opens with its starter code");
			await page.selectOption("#lang-select", "python");
			h.assert(same(await editorText(page), WRONG_PY), "Python still holds what the candidate wrote");

			// the right solution passes; the custom input shows its output
			await setCode(page, q.solution["main.py"]);
			await page.fill("#custom-input", "3\n1 2 3\n");
			status = await execute(h, page, "run");
			h.assert(/2 of 2 sample tests passed/.test(status), `the solution passes the samples: ${status}`);
			const custom = await page.textContent(".custom-result");
			h.assert(custom.includes("1 3 6 1"), `the custom input's output is shown: ${custom}`);

			// submit: accepted, hidden tests show a verdict only
			status = await execute(h, page, "submit");
			const max = pointsOf(q);
			h.assert(status.includes("Submission accepted") && status.includes(`score ${max}/${max}`), `accepted with full score: ${status}`);
			const rows = await page.$$eval("#results-body tbody tr", (trs) => trs.map((tr) => ({
				name: tr.querySelector("th") ? tr.querySelector("th").textContent : "", detail: tr.classList.contains("detail"),
				next: tr.nextElementSibling ? tr.nextElementSibling.classList.contains("detail") : false, text: tr.textContent,
			})));
			const hidden = rows.filter((r) => r.name.startsWith("Hidden test"));
			h.assert(hidden.length === 7, `seven hidden tests, got ${hidden.length}`);
			h.assert(hidden.every((r) => !r.next && r.text.includes("Accepted")), "hidden tests show their verdict and no data");
			const hiddenIn = fs.readFileSync(path.join(q.dir, "tests", "05.in"), "utf8").trim().split("\n")[1];
			h.assert(!(await page.textContent("#results-body")).includes(hiddenIn), "a hidden test's input is not on the page");
			await page.waitForFunction((m) => document.querySelector(".q-item").textContent.includes(`Solved · best ${m}/${m} pts`), max);
			await h.shot(page, "candidate-submitted");
		},
	},
	{
		name: "candidate reload keeps drafts, the open question and the timer",
		fn: async (h) => {
			const { inv, cid } = await setup(h, "Alan Turing", 30, [SLUG, "02-bracket-inspector"]);
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, WRONG_PY);
			await page.selectOption("#lang-select", "java");
			await setCode(page, JAVA_DRAFT);
			await page.click(".q-item >> nth=1");
			const second = "print('second question')\n";
			await setCode(page, second);
			await waitSaved(page);
			await h.sleep(4000);   // so that a timer reset would show

			const before = timerSeconds(await page.textContent("#timer"));
			await page.reload();
			await page.waitForSelector("#view-test:not([hidden])");
			await page.waitForFunction(() => /^\d+:\d\d$/.test(document.getElementById("timer").textContent));
			const after = timerSeconds(await page.textContent("#timer"));
			const server = (await adminSession(h, cid)).remaining_seconds;
			h.assert(after <= before && before - after <= 5, `the timer continues: ${before} s before, ${after} s after`);
			h.assert(Math.abs(after - server) <= 3, `the timer follows the server: page ${after} s, server ${server} s`);
			h.assert(after < 30 * 60 - 3, `the timer was not reset: ${after} s`);

			h.assert(await page.$(".q-item[aria-current='true'] >> text=Cable Harness"), "the second question is still open");
			h.assert(same(await editorText(page), second), "the second question's code is back");
			await page.click(".q-item >> nth=0");
			h.assert((await page.inputValue("#lang-select")) === "java", "the first question reopens in Java");
			h.assert(same(await editorText(page), JAVA_DRAFT), "its Java code is back");
			await page.selectOption("#lang-select", "python");
			h.assert(same(await editorText(page), WRONG_PY), "its Python code is back");
			await h.shot(page, "candidate-reloaded");
		},
	},
	{
		name: "candidate closes the tab and comes back within the grace period",
		fn: async (h) => {
			const { inv, cid } = await setup(h, "Katherine Johnson", 30);
			let page = await h.newPage();
			await start(page, inv);
			const code = "print('still here')\n";
			await setCode(page, code);
			await waitSaved(page);
			await page.close({ runBeforeUnload: true });

			// the beacon marks the tab as closed; it is not abandoned yet
			let s;
			for (let i = 0; i < 30; i++) {
				s = await adminSession(h, cid);
				if (s.tab_closed_at) break;
				await h.sleep(200);
			}
			h.assert(s.tab_closed_at && s.status === "active", `the close is recorded, the session stays active: ${JSON.stringify(s)}`);

			page = await h.newPage();
			await page.goto(inv.invite_url);
			await page.waitForSelector("#view-test:not([hidden])");
			h.assert(await page.isHidden("#view-preview"), "an open session resumes without the preview");
			h.assert(same(await editorText(page), code), "the code is intact");
			await page.waitForFunction(() => /^\d+:\d\d$/.test(document.getElementById("timer").textContent));

			// past the grace period the session is still active: the return counted
			await h.sleep((h.grace + 3) * 1000);
			s = await adminSession(h, cid);
			h.assert(s.status === "active" && !s.tab_closed_at, `active after the grace period: ${JSON.stringify(s)}`);
			h.assert(await page.isHidden("#state-banner"), "the page shows no end message");
		},
	},
	{
		name: "candidate timer runs out: warning, auto-submit, locked page",
		fn: async (h) => {
			const { q, inv, cid } = await setup(h, "Edsger Dijkstra", 1);
			const page = await h.newPage();
			await start(page, inv);
			await page.waitForSelector("#time-banner:not([hidden])");
			const warning = await page.textContent("#time-banner");
			h.assert(/1 minute left/.test(warning), `the 1-minute warning shows: ${warning}`);
			await page.waitForFunction(() => /1 minute left/.test(document.getElementById("announcer").textContent));
			await setCode(page, q.solution["main.py"]);
			await h.shot(page, "candidate-last-minute");
			// the candidate keeps every second: two seconds before the end the page is still open
			await page.waitForFunction(() => document.getElementById("timer").textContent === "0:02", null, { timeout: 90000 });
			h.assert(!(await page.evaluate(() => document.body.classList.contains("locked"))), "not locked 2 s before the end");
			h.assert(!(await page.isDisabled("#submit-btn")), "Submit still works 2 s before the end");

			await page.waitForFunction(() => /Your test has ended/.test(document.getElementById("state-banner").textContent),
				null, { timeout: 90000 });
			await assertLocked(h, page);
			h.assert((await page.textContent("#timer")) === "0:00", "the timer shows 0:00");
			await h.shot(page, "candidate-time-up");

			const s = await adminSession(h, cid);
			h.assert(s.status === "completed" && ["timer_expired", "auto"].includes(s.completion_method),
				`the session is completed by the timer: ${s.status} ${s.completion_method}`);
			const subs = await submissions(h, cid);
			h.assert(subs.length === 1 && subs[0].status === "accepted", `the code was submitted automatically: ${JSON.stringify(subs.map((x) => x.status))}`);
		},
	},
	{
		name: "candidate finishes the test through the confirmation dialog (10-minute warning)",
		fn: async (h) => {
			const { q, inv, cid } = await setup(h, "Barbara Liskov", 10);
			const page = await h.newPage();
			await start(page, inv);
			await page.waitForSelector("#time-banner:not([hidden])");
			h.assert(/10 minutes left/.test(await page.textContent("#time-banner")), "a 10-minute test starts with the 10-minute warning");
			await setCode(page, q.solution["main.py"]);

			// Escape keeps working
			await page.click("#finish-btn");
			await page.waitForSelector("#finish-dialog[open]");
			h.assert(await page.evaluate(() => document.activeElement.id === "fd-cancel"), "the dialog focuses the safe choice");
			h.assert((await page.textContent("#fd-pending")).includes("1 question has code you have not submitted"), "the dialog names unsubmitted code");
			await h.shot(page, "candidate-finish-dialog");
			await page.keyboard.press("Escape");
			await page.waitForFunction(() => !document.getElementById("finish-dialog").open);
			h.assert((await adminSession(h, cid)).status === "active", "cancelling leaves the session active");
			h.assert(await page.evaluate(() => document.activeElement.id === "finish-btn"), "focus returns to Finish test");

			// confirm with the keyboard
			await page.keyboard.press("Enter");
			await page.waitForSelector("#finish-dialog[open]");
			await page.keyboard.press("Tab");
			h.assert(await page.evaluate(() => document.activeElement.id === "fd-confirm"), "Tab reaches the confirm button");
			await page.keyboard.press("Enter");
			await page.waitForFunction(() => /You have finished the test/.test(document.getElementById("state-banner").textContent));
			await assertLocked(h, page);
			await h.shot(page, "candidate-finished");

			const s = await adminSession(h, cid);
			h.assert(s.status === "completed" && s.completion_method === "manual", `completed by hand: ${s.status} ${s.completion_method}`);
			const subs = await submissions(h, cid);
			h.assert(subs.length === 1 && subs[0].status === "accepted", "finishing submitted the unsubmitted code");

			// a reload shows the finished test read-only; a new visit shows a message
			await page.reload();
			await page.waitForSelector("#view-test:not([hidden])");
			await page.waitForFunction(() => /finished the test/.test(document.getElementById("state-banner").textContent));
			await assertLocked(h, page);
			const other = await h.newPage();
			await other.goto(inv.invite_url);
			await other.waitForSelector("#view-message:not([hidden])");
			h.assert(/finished/.test(await other.textContent("#msg-title")), "the invitation now says the test is finished");
		},
	},
	{
		name: "candidate sees markdown and HTML in a question as text, never as script",
		fn: async (h) => {
			const desc = [
				"# Hostile", "", "Some **bold** text and `code`.", "",
				"<script>window.__pwned = 1</script>", "<img src=x onerror=\"window.__pwned = 2\">", "",
				"[click](javascript:window.__pwned=3) and [docs](https://example.com/docs)", "",
				"```", "<b>not bold</b>", "```",
			].join("\n");
			const r = await h.admin("POST", "/api/admin/questions", {
				title: "Hostile <b>title</b>", question: desc, difficulty: "easy", tags: [],
				boiler_plate: {}, time_limit_ms: 1000, memory_limit_mb: 64,
				test_cases: [{ input: "<i>in</i>\n", expected_output: "<i>out</i>\n", is_sample: true, points: 1 }],
			});
			h.assert(r.status === 200 || r.status === 201, `create the question: ${r.status} ${r.text}`);
			const inv = await h.invite("Mallory Test", [r.json.question.id], 30);
			const page = await h.newPage();
			await start(page, inv);
			h.assert(await page.evaluate(() => window.__pwned === undefined), "no script from the question ran");
			h.assert((await page.textContent("#q-title")) === "Hostile <b>title</b>", "the title is text");
			const d = await page.evaluate(() => {
				const q = document.getElementById("q-desc");
				return {
					text: q.textContent, scripts: q.querySelectorAll("script, img, b").length,
					strong: q.querySelectorAll("strong").length,
					links: [...q.querySelectorAll("a")].map((a) => [a.getAttribute("href"), a.rel]),
				};
			});
			h.assert(d.scripts === 0 && d.text.includes("<script>window.__pwned = 1</script>"), "raw HTML shows as text");
			h.assert(d.strong === 1, "markdown bold is rendered");
			h.assert(d.links.length === 1 && d.links[0][0] === "https://example.com/docs" && /noopener/.test(d.links[0][1]),
				`only the https link is a link: ${JSON.stringify(d.links)}`);
			h.assert((await page.textContent("#q-samples")).includes("<i>in</i>"), "sample data is text");
		},
	},
	{
		name: "candidate keeps working through a lost connection",
		fn: async (h) => {
			const { inv, cid } = await setup(h, "Radia Perlman", 30);
			const page = await h.newPage();
			await start(page, inv);
			await waitSaved(page).catch(() => {});
			await page.context().setOffline(true);
			const code = "print('written offline')\n";
			await setCode(page, code);
			await page.waitForSelector("#conn-banner:not([hidden])", { timeout: 15000 });
			h.assert(/Offline/.test(await page.textContent("#save-status")), "the save status says the code is kept locally");
			const local = await page.evaluate((k) => localStorage.getItem(k), `ce-drafts:${cid}`);
			h.assert(local && local.includes("written offline"), "the draft is in localStorage");
			await h.shot(page, "candidate-offline");

			await page.context().setOffline(false);
			await page.waitForSelector("#conn-banner", { state: "hidden", timeout: 40000 });
			await waitSaved(page);
			const s = await adminSession(h, cid);
			const saved = JSON.stringify(s.pending_answers);
			h.assert(saved.includes("written offline"), "the draft reached the server after the connection came back");
		},
	},
];
