// tests/ui/executions.cjs - runs and submits as queued executions, on the candidate's
// page: the place in the queue and the test being run before the result, a reload
// during a queued submit, the end of the test submitting several questions one
// after the other (a session has one execution at a time), and a run the code runner
// could not complete.
//
// The judge slots are first filled with sleeping /execute jobs, so that what the page
// sends waits in the queue long enough to be seen.
"use strict";
const { startTest: start, setCode } = require("./harness.cjs");

const SLUG = "01-sensor-summary";
const UNDER_WAY = /Queued \(position \d+\)|Running test \d+ of \d+/;

async function setup(h, name, slugs) {
	const qs = [];
	for (const s of slugs || [SLUG]) qs.push(await h.bankQuestion(s));
	const inv = await h.invite(name, qs.map((q) => q.id), 30);
	return { qs, inv, cid: inv.candidate.candidate_id };
}

// every text the results line shows from now on, in window.__seen
async function recordStatus(page) {
	await page.evaluate(() => {
		const s = document.getElementById("results-status");
		window.__seen = [s.textContent];
		new MutationObserver(() => window.__seen.push(s.textContent))
			.observe(s, { childList: true, characterData: true, subtree: true });
	});
}

const seen = (page) => page.evaluate(() => window.__seen);

async function waitStatus(page, re, timeout) {
	await page.waitForFunction((src) => new RegExp(src).test(document.getElementById("results-status").textContent),
		re.source, { timeout: timeout || 90000 });
	return page.textContent("#results-status");
}

async function buttons(page) {
	return page.evaluate(() => ({
		run: document.getElementById("run-btn").disabled || document.getElementById("run-btn").getAttribute("aria-disabled") === "true",
		submit: document.getElementById("submit-btn").disabled || document.getElementById("submit-btn").getAttribute("aria-disabled") === "true",
		label: document.getElementById("submit-btn").textContent,
	}));
}

async function submissions(h, cid) {
	const r = await h.admin("GET", `/api/admin/candidates/${cid}`);
	h.assert(r.status === 200, `admin reads the candidate: ${r.status}`);
	return r.json.candidate.submissions || [];
}

const stored = (page, cid) => page.evaluate((k) => localStorage.getItem(k), `ce-execution:${cid}`);

module.exports = [
	{
		name: "candidate submit waits in the queue: its place, then its result",
		fn: async (h) => {
			const { qs, inv, cid } = await setup(h, "Grace Hopper");
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, qs[0].solution["main.py"]);
			await recordStatus(page);
			await h.fillSlots(4);

			await page.click("#submit-btn");
			const queued = await waitStatus(page, UNDER_WAY, 10000);
			const b = await buttons(page);
			h.assert(b.run && b.submit && b.label === "Submitting…", `Run and Submit are disabled while it waits: ${JSON.stringify(b)}`);
			h.assert(JSON.parse(await stored(page, cid)).mode === "submit", "the execution in flight is kept in this browser");
			await h.shot(page, "candidate-submit-queued");

			const status = await waitStatus(page, /Submission accepted/);
			const texts = await seen(page);
			const first = texts.findIndex((t) => UNDER_WAY.test(t));
			h.assert(first >= 0 && first < texts.findIndex((t) => /Submission accepted/.test(t)),
				`the queue or the test under way shows before the result: ${JSON.stringify(texts)}`);
			h.assert(!(await buttons(page)).submit, "Submit is enabled again");
			h.assert((await stored(page, cid)) === null, "nothing is kept once it ended");
			h.assert((await page.$$("#results-body tbody tr")).length >= 9, "the results table is shown");
			console.log(`     first: "${queued}"; seen: ${texts.filter((t) => UNDER_WAY.test(t) || /Compiling/.test(t)).join(" | ")}; then "${status}"`);
			const subs = await submissions(h, cid);
			h.assert(subs.length === 1 && subs[0].status === "accepted", `one accepted submission: ${JSON.stringify(subs.map((s) => s.status))}`);
		},
	},
	{
		name: "candidate reloads during a queued submit and sees its result",
		fn: async (h) => {
			const { qs, inv, cid } = await setup(h, "Frances Allen");
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, qs[0].solution["main.py"]);
			await h.fillSlots(6);
			await page.click("#submit-btn");
			await waitStatus(page, /Queued \(position \d+\)/, 10000);

			await page.reload();
			await page.waitForSelector("#view-test:not([hidden])");
			const after = await page.textContent("#results-status");
			const b = await buttons(page);
			h.assert(/Queued|Starting|Compiling|Running|submission/i.test(after), `after the reload the submit is still followed: "${after}"`);
			h.assert(b.submit || /Submission accepted/.test(after), `Submit stays disabled while it runs: ${JSON.stringify(b)}`);
			await h.shot(page, "candidate-submit-after-reload");

			const status = await waitStatus(page, /Submission accepted/);
			h.assert(/score \d+\/\d+/.test(status), `the result appears: ${status}`);
			await page.waitForFunction(() => document.querySelector(".q-item").textContent.includes("Solved"));
			h.assert((await stored(page, cid)) === null, "nothing is kept once it ended");
			const subs = await submissions(h, cid);
			h.assert(subs.length === 1 && subs[0].status === "accepted", `one accepted submission: ${JSON.stringify(subs.map((s) => s.status))}`);
		},
	},
	{
		name: "candidate finishes with several unsubmitted answers: each is submitted in turn",
		fn: async (h) => {
			const slugs = [SLUG, "02-bracket-inspector", "03-top-words"];
			const { qs, inv, cid } = await setup(h, "Jean Sammet", slugs);
			const page = await h.newPage();
			await start(page, inv);
			for (const [i, q] of qs.entries()) {
				await page.click(`.q-item >> nth=${i}`);
				await setCode(page, q.solution["main.py"]);
			}
			await recordStatus(page);
			// a run of the last question waits in the queue as the test is finished
			await h.fillSlots(3);
			await page.click("#run-btn");
			await waitStatus(page, UNDER_WAY, 10000);

			await page.click("#finish-btn");
			await page.waitForSelector("#finish-dialog[open]");
			const pending = await page.textContent("#fd-pending");
			h.assert(pending.includes("3 questions have code you have not submitted"), `the dialog counts them: ${pending}`);
			await page.click("#fd-confirm");
			await page.waitForFunction(() => /You have finished the test/.test(document.getElementById("state-banner").textContent),
				null, { timeout: 120000 });

			const texts = await seen(page);
			const bad = texts.filter((t) => /Too many|did not accept|could not|Wait a few seconds/.test(t));
			h.assert(bad.length === 0, `no error was shown: ${JSON.stringify(bad)}`);
			const subs = await submissions(h, cid);
			const byQuestion = new Set(subs.map((s) => s.question_id));
			h.assert(subs.length === 3 && byQuestion.size === 3, `one submission per question: ${JSON.stringify(subs)}`);
			h.assert(subs.every((s) => s.status === "accepted"), `all accepted: ${JSON.stringify(subs.map((s) => s.status))}`);
			await page.waitForFunction(() => [...document.querySelectorAll(".q-item")].every((b) => b.textContent.includes("Solved")),
				null, { timeout: 10000 });
			await h.shot(page, "candidate-finished-several");
		},
	},
	{
		name: "candidate run that fails in the runner says so and can be run again",
		fn: async (h) => {
			const { qs, inv } = await setup(h, "Hedy Lamarr");
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, qs[0].solution["main.py"]);
			// the server's answer for a job whose host died once too often
			await page.route("**/api/executions/**", (route) => route.fulfill({
				status: 200, contentType: "application/json",
				body: JSON.stringify({ success: true, execution_id: "x", kind: "run", status: "failed",
					error: { code: "execution_failed", message: "the execution could not be completed; run it again" } }),
			}));
			await page.click("#run-btn");
			const failed = await waitStatus(page, /could not be completed/, 15000);
			h.assert(/run it again/.test(failed), `the failure says what to do: ${failed}`);
			h.assert(!(await buttons(page)).run, "Run is enabled again");

			// the real run may still be going: the next one waits for it, then runs
			await page.unroute("**/api/executions/**");
			await page.click("#run-btn");
			const status = await waitStatus(page, /2 of 2 sample tests passed/, 30000);
			h.assert(!(await buttons(page)).run, `Run is enabled after the result: ${status}`);
		},
	},
];
