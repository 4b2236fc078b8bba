// tests/ui/axe.cjs - axe-core on every page and view: the candidate's (a bad link, the
// preview, the test with a run's results, the finish dialog, the end) and the recruiter's
// (sign-in, the bank, a question's form and a check's results, the candidates, a new candidate, a report with its playback,
// the printable report, jobs, a job with its tests and pipeline, a job's form, a test,
// accounts).  A serious or critical violation, or one of the structure rules below,
// fails it; every violation found is printed.
"use strict";
const AXE = require.resolve("axe-core/axe.min.js");

// moderate rules that still fail: the page's outline and landmarks (issue 14's minors)
const STRUCTURE = new Set(["heading-order", "region", "landmark-one-main", "landmark-unique",
	"landmark-no-duplicate-main", "page-has-heading-one"]);

const sfx = Date.now().toString(36);

// axe's violations of the page as it is now, each with where it was seen
async function scan(page, where, found) {
	if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
	const vs = await page.evaluate(async () => {
		const r = await window.axe.run(document, { resultTypes: ["violations"] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ")) }));
	});
	for (const v of vs) found.push({ where, ...v });
	return vs.length;
}

async function adminView(page, hash, ready) {
	await page.goto(`${page.__base}/admin/${hash}`);
	await ready();
	// what loads after the heading (lists, editors) has settled
	await page.waitForFunction(() => !document.querySelector("main .loading"), null, { timeout: 30000 });
}

module.exports = [
	{
		name: "axe: no serious or critical violation, and a sound outline, on every page",
		fn: async (h) => {
			const found = [];
			const newPage = async () => {
				// axe is added as a script: the pages' CSP would refuse it
				const p = await h.newPage({ bypassCSP: true });
				p.__base = h.base;
				return p;
			};
			const q = await h.bankQuestion("01-sensor-summary");
			const inv = await h.invite(`Axe Candidate ${sfx}`, [q.id], 30);

			// the candidate's page
			const c = await newPage();
			await c.goto(`${h.base}/test/?invite=${"0".repeat(64)}`);
			await c.waitForSelector("#view-message:not([hidden])");
			await scan(c, "candidate: a link that does not work", found);
			await c.goto(inv.invite_url);
			await c.waitForSelector("#view-preview:not([hidden])");
			await scan(c, "candidate: before the start", found);
			await c.click("#start-btn");
			await c.waitForSelector("#view-test:not([hidden])");
			await h.setCode(c, q.solution["main.py"] || Object.values(q.solution)[0]);
			await c.click("#run-btn");
			await c.waitForSelector("#results-body tbody tr", { timeout: 120000 });
			await scan(c, "candidate: during the test, with a run's results", found);
			await c.click("#finish-btn");
			await c.waitForSelector("#finish-dialog[open]");
			await scan(c, "candidate: the finish dialog", found);
			await c.click("#fd-confirm");
			await c.waitForFunction(() => /You have finished the test/.test(document.getElementById("state-banner").textContent),
				null, { timeout: 60000 });
			await scan(c, "candidate: after the end", found);

			// the recruiter's pages
			const a = await newPage();
			await a.goto(`${h.base}/admin/`);
			await a.getByLabel("Username").waitFor();
			await scan(a, "admin: sign-in", found);
			await h.adminSignIn(a);
			await a.waitForSelector("main table");
			await scan(a, "admin: question bank", found);
			await adminView(a, "#/questions/new", () => a.getByRole("heading", { level: 1, name: /new question/i }).waitFor());
			await scan(a, "admin: new question form", found);
			// the page's heading, not the statement's own "#" heading in the preview
			await adminView(a, `#/questions/${q.id}`, () => a.getByRole("heading", { level: 1, name: /^Edit: / }).waitFor());
			await a.waitForSelector("main form");
			await scan(a, "admin: a question's form", found);
			// the recruiter's execution: a check of a solution, with its results
			await a.click(".editor-check .cm-content");
			await a.keyboard.press("Control+a");
			await a.keyboard.insertText(q.solution["main.py"] || Object.values(q.solution)[0]);
			await a.getByRole("button", { name: "Run check" }).click();
			await a.waitForFunction(() => {
				const r = document.querySelector(".check-result");
				return r && r.textContent.trim() && !document.querySelector("[aria-busy=true]");
			}, null, { timeout: 120000 });
			await scan(a, "admin: a question's check, with its results", found);
			await adminView(a, "#/candidates", () => a.getByRole("heading", { level: 1, name: "Candidates" }).waitFor());
			await a.waitForSelector("main table");
			await scan(a, "admin: candidates", found);
			await adminView(a, "#/candidates/new", () => a.getByRole("heading", { level: 1, name: "New candidate" }).waitFor());
			await a.waitForSelector("main form");
			await scan(a, "admin: new candidate", found);
			await adminView(a, `#/candidates/${inv.candidate.candidate_id}`,
				() => a.getByRole("heading", { level: 1, name: `Axe Candidate ${sfx}` }).waitFor());
			await a.locator(".player").waitFor({ timeout: 30000 });
			await scan(a, "admin: a candidate's report, with the playback", found);
			const rep = await h.admin("GET", `/api/admin/candidates/${inv.candidate.candidate_id}/report`);
			h.assert(rep.status === 200, `the printable report: ${rep.status}`);
			const pr = await newPage();
			await pr.goto(`${h.base}/admin/`);
			await pr.setContent(rep.text);
			await scan(pr, "admin: the printable report", found);

			const job = await h.admin("POST", "/api/admin/jobs", { title: `Axe job ${sfx}`, description: "For the checks." });
			h.assert(job.status === 201, `job: ${job.text}`);
			const jobId = job.json.job.id;
			const test = await h.admin("POST", `/api/admin/jobs/${jobId}/tests`, { title: `Axe test ${sfx}`, questions: [q.id] });
			h.assert(test.status === 201, `test: ${test.text}`);
			const ti = await h.admin("POST", `/api/admin/tests/${test.json.test.id}/invitations`,
				{ name: `Axe Piped ${sfx}`, email: `axe.piped.${sfx}@example.com` });
			h.assert(ti.status === 201, `invitation: ${ti.text}`);
			await adminView(a, "#/jobs", () => a.getByRole("heading", { level: 1, name: "Jobs" }).waitFor());
			await a.waitForSelector("main table, main .empty");
			await scan(a, "admin: jobs", found);
			await adminView(a, "#/jobs/new", () => a.getByRole("heading", { level: 1 }).first().waitFor());
			await a.waitForSelector("main form");
			await scan(a, "admin: new job", found);
			await adminView(a, `#/jobs/${jobId}`, () => a.getByRole("heading", { level: 1, name: `Axe job ${sfx}` }).waitFor());
			await a.waitForSelector("main table [data-candidate-id], main .pipeline table", { timeout: 30000 }).catch(() => {});
			await scan(a, "admin: a job, its tests and pipeline", found);
			await adminView(a, `#/tests/${test.json.test.id}`, () => a.getByRole("heading", { level: 1 }).first().waitFor());
			await a.waitForSelector("main form");
			await scan(a, "admin: a test, with its invitations", found);
			await adminView(a, "#/accounts", () => a.getByRole("heading", { level: 1, name: "Accounts" }).waitFor());
			await a.waitForSelector("main table");
			await scan(a, "admin: accounts", found);

			const bad = found.filter((v) => v.impact === "serious" || v.impact === "critical" || STRUCTURE.has(v.id));
			for (const v of found) {
				console.log(`  axe ${bad.includes(v) ? "FAIL" : "note"} [${v.impact}] ${v.id} on "${v.where}": ${v.help}\n      ${v.nodes.join("\n      ")}`);
			}
			h.assert(!bad.length, `${bad.length} serious, critical or structure violations (listed above)`);
		},
	},
];
