// tests/ui/journey.cjs - one assessment end to end through both pages: the
// recruiter invites a candidate in /admin/, the candidate takes the test in
// /test/ (a failing run, a fix, a closed tab and a return, a submit, finish),
// and the recruiter's report shows the score, the code and the timeline.
"use strict";
const { setCode, waitEnabled } = require("./harness.cjs");
const fs = require("fs");
const path = require("path");

const SLUG = "01-sensor-summary";

// a bank question's points: meta.json gives some tests more than the default 1
function maxScore(q) {
	const tests = fs.readdirSync(path.join(q.dir, "tests")).filter((f) => f.endsWith(".in"));
	return tests.reduce((sum, f) => sum + ((q.meta.points || {})[f.slice(0, -3)] || 1), 0);
}

async function press(page, button) {
	await page.click(button);
	await waitEnabled(page, button);
	return page.textContent("#results-status");
}

module.exports = [{
	name: "journey: invited in the admin pages, tested in the candidate page, reported back",
	fn: async (h) => {
		const q = await h.bankQuestion(SLUG);
		const name = `Journey ${Date.now().toString(36)}`;

		// the recruiter invites
		const admin = await h.newPage();
		await admin.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.base });
		await h.adminSignIn(admin);
		await admin.getByRole("link", { name: "Candidates", exact: true }).click();
		await admin.getByRole("link", { name: "New candidate" }).click();
		await admin.getByLabel("Name").fill(name);
		await admin.getByLabel("Email").fill("journey@example.com");
		await admin.getByLabel("Duration (minutes)").fill("30");
		await admin.getByLabel("Filter the bank").fill(q.title);
		await admin.getByLabel(q.title).check();
		await admin.getByRole("button", { name: "Create and get the link" }).click();
		await admin.getByRole("button", { name: "Copy link" }).click();
		await admin.getByText("Link copied to the clipboard.").waitFor();
		const link = await admin.evaluate(() => navigator.clipboard.readText());
		h.assert(/\/test\/\?invite=[0-9a-f]{64}$/.test(link), `an invitation link: ${link}`);

		// the candidate takes the test
		let cand = await h.newPage();
		await cand.goto(link);
		await cand.waitForSelector("#view-preview:not([hidden])");
		await cand.click("#start-btn");
		await cand.waitForSelector("#view-test:not([hidden])");
		await setCode(cand, "print(0)\n");
		const failed = await press(cand, "#run-btn");
		h.assert(!/accepted|passed\b.*all/i.test(failed) && /fail|wrong/i.test(failed), `a wrong program fails its run: ${failed}`);
		await setCode(cand, q.solution["main.py"]);
		await cand.waitForFunction(() => document.getElementById("save-status").textContent === "All changes saved",
			null, { timeout: 15000 });
		// the tab closes by accident and the link brings the candidate back
		await cand.close({ runBeforeUnload: true });
		await h.sleep(1000);
		cand = await h.newPage();
		await cand.goto(link);
		await cand.waitForSelector("#view-test:not([hidden])", { timeout: 15000 });
		const restored = await cand.evaluate(() => CEEditor.textOf(document.querySelector(".cm-content")));
		h.assert(restored === q.solution["main.py"], `the draft came back after the tab closed: ${JSON.stringify(restored)}`);
		const submitted = await press(cand, "#submit-btn");
		h.assert(/accepted/i.test(submitted), `the fix is accepted: ${submitted}`);
		await cand.click("#finish-btn");
		await cand.click("#fd-confirm");
		await cand.waitForFunction(() => /You have finished the test/.test(document.getElementById("state-banner").textContent));
		h.assert(await cand.locator("#submit-btn").isDisabled(), "nothing more to submit once finished");
		await h.shot(cand, "journey-candidate-finished");

		// the recruiter reads the report
		await admin.getByRole("link", { name: "All candidates" }).click();
		const row = admin.locator("tr", { hasText: name });
		await row.waitFor();
		await admin.reload();
		await row.getByRole("link").first().click();
		await admin.locator(".total-score").waitFor();
		const total = await admin.locator(".total-score").textContent();
		h.assert(total === `${maxScore(q)} / ${maxScore(q)}`, `full marks (${maxScore(q)}): ${total}`);
		const kinds = await admin.locator("ol.timeline li[data-kind]").evaluateAll((ls) => ls.map((l) => l.dataset.kind));
		// the reload (a tab close and a return within seconds) reads as one line
		for (const k of ["start", "reload", "end"])
			h.assert(kinds.includes(k), `the timeline has ${k}: ${kinds.join(", ")}`);
		const endText = await admin.locator("ol.timeline li[data-kind=end]").textContent();
		h.assert(/manual/.test(endText), `the end says how: ${endText}`);
		const verdicts = await admin.locator("details.submission").count();
		h.assert(verdicts === 1, `one submission (runs are not stored): ${verdicts}`);
		await h.shot(admin, "journey-admin-report");
	},
}];
