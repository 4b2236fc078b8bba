// tests/ui/teams.cjs - a hiring team in the admin pages: the owner makes a
// recruiter's and a reviewer's account, each sets a password from the link;
// the recruiter makes a job (with the reviewer on it), a test of two questions
// and invites three candidates from pasted CSV; two of them take the test; the
// reviewer reads the job's pipeline, rates each report with a note; the
// pipeline and its CSV show the scores and the ratings. Then the test editor's
// versions, and the pipeline's filters and pages.
"use strict";
const fs = require("fs");

const sfx = Date.now().toString(36);
const SUM_SLUG = "01-sensor-summary";
const SECOND_SLUG = "02-bracket-inspector";

// the owner makes an account on the accounts page; resolves to its invitation link
async function createAccount(page, username, name, role) {
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Full name").fill(name);
	await page.getByLabel("Email").fill(`${username}@example.com`);
	await page.getByLabel("Role").selectOption(role);
	await page.getByRole("button", { name: "Create account" }).click();
	await page.getByRole("heading", { name: `Invitation link for ${username}` }).waitFor();
	await page.locator(`tr[data-username="${username}"]`).waitFor();
	return page.getByRole("textbox", { name: "Invitation link" }).inputValue();
}

// the account's holder opens the link, sets the password and signs in
async function setPasswordAndSignIn(h, link, username, password) {
	const page = await h.newPage();
	await page.goto(link);
	await page.getByRole("heading", { name: "Set your password" }).waitFor();
	await page.getByLabel("New password", { exact: true }).fill(password);
	await page.getByLabel("New password again").fill(password);
	await page.getByRole("button", { name: "Set password" }).click();
	await page.getByRole("heading", { name: "Recruiter sign-in" }).waitFor();
	await page.getByLabel("Username").fill(username);
	await page.getByLabel("Password").fill(password);
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.getByRole("heading", { level: 1, name: "Question bank" }).waitFor();
	return page;
}

// a candidate opens the link, starts, submits code for the first question; finish ends the test
async function takeTest(h, link, code, finish) {
	const page = await h.newPage();
	await h.startTest(page, { invite_url: link });
	await h.setCode(page, code);
	await page.click("#submit-btn");
	await h.waitEnabled(page, "#submit-btn");
	const said = await page.textContent("#results-status");
	if (finish) {
		await page.click("#finish-btn");
		await page.click("#fd-confirm");
		await page.waitForFunction(() => /You have finished the test/.test(document.getElementById("state-banner").textContent),
			null, { timeout: 60000 });
	}
	await page.close();
	return said;
}

async function rate(page, name, rating, text) {
	await page.getByRole("link", { name, exact: true }).click();
	await page.getByRole("heading", { level: 1, name }).waitFor();
	await page.locator(".total-score").waitFor();
	await page.getByLabel("Rating", { exact: true }).selectOption(rating);
	await page.getByLabel("Note", { exact: true }).fill(text);
	await page.getByRole("button", { name: "Add note" }).click();
	await page.locator(`.notes li .pre-text`, { hasText: text }).waitFor();
	await page.getByRole("link", { name: "← Job" }).click();
	await page.locator(".pipeline-table").waitFor();
}

// the rows of the pipeline on screen: name, status, total, ratings
async function pipelineRows(page) {
	await page.locator(".pipeline-table, .pipeline .empty").first().waitFor();
	return page.locator(".pipeline-table tbody tr").evaluateAll((trs) => trs.map((tr) => ({
		name: tr.querySelector(".row-title").textContent,
		status: tr.querySelector("[data-status]").dataset.status,
		total: Number(tr.querySelector("[data-total]").dataset.total),
		ratings: [...tr.querySelectorAll(".ratings li")].map((li) => li.textContent),
	})));
}

// wait until the pipeline's count says n candidates (it reloads on every filter)
async function waitCount(page, n) {
	await page.waitForFunction((want) => document.querySelector(".pipeline-count").textContent === want,
		`${n} candidate${n === 1 ? "" : "s"}`, { timeout: 10000 });
}

// Parse CSV text as the job export writes it (quoted fields, "" for a quote).
function parseCsv(text) {
	const rows = [];
	let row = [], f = "", q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
		} else if (c === '"') q = true;
		else if (c === ",") { row.push(f); f = ""; } else if (c === "\n" || c === "\r") {
			if (c === "\r" && text[i + 1] === "\n") i++;
			row.push(f); rows.push(row); row = []; f = "";
		} else f += c;
	}
	if (f || row.length) { row.push(f); rows.push(row); }
	return rows;
}

module.exports = [{
	name: "teams: owner makes accounts, recruiter a job, test and invitations, candidates take it, reviewer rates",
	fn: async (h) => {
		const sum = await h.bankQuestion(SUM_SLUG);
		const second = await h.bankQuestion(SECOND_SLUG);
		const recUser = `rita-${sfx}`;
		const revUser = `val-${sfx}`;

		// the owner: two accounts; the reviewer's first link is replaced by a reset
		const owner = await h.newPage();
		await h.adminSignIn(owner);
		await owner.getByRole("link", { name: "Accounts", exact: true }).click();
		await owner.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
		const recLink = await createAccount(owner, recUser, "Rita Recruiter", "recruiter");
		const firstRevLink = await createAccount(owner, revUser, "Val Reviewer", "reviewer");
		h.assert(/\/admin\/\?account=[0-9a-f]{64}$/.test(recLink), `an account link: ${recLink}`);
		const revRow = owner.locator(`tr[data-username="${revUser}"]`);
		h.assert(await revRow.locator("[data-state]").getAttribute("data-state") === "link not used yet", "the new account has no password yet");
		await owner.getByRole("button", { name: `Reset the password of ${revUser}` }).click();
		await owner.getByRole("dialog").getByRole("button", { name: "Make a reset link" }).click();
		await owner.getByRole("heading", { name: `Reset link for ${revUser}` }).waitFor();
		const revLink = await owner.getByRole("textbox", { name: "Reset link" }).inputValue();
		h.assert(revLink !== firstRevLink, "the reset made a new link");
		const stale = await h.api("POST", "/api/admin/accounts/password",
			{ token: new URL(firstRevLink).searchParams.get("account"), password: "x" });
		h.assert(stale.status === 404, `the first link stopped working: ${stale.status}`);
		await h.shot(owner, "teams-accounts");

		// both set their passwords and sign in
		const rec = await setPasswordAndSignIn(h, recLink, recUser, "rita-pass-1");
		h.assert(await rec.getByRole("link", { name: "Accounts", exact: true }).isHidden(), "a recruiter has no Accounts page");
		h.assert(await rec.locator("#user-role").textContent() === "recruiter", "the bar shows the role");
		await rec.goto(`${h.base}/admin/#/accounts`);
		await rec.getByRole("heading", { level: 1, name: "Question bank" }).waitFor();

		// the recruiter: a job with the reviewer on it
		await rec.getByRole("link", { name: "Jobs", exact: true }).click();
		await rec.getByRole("link", { name: "New job" }).click();
		const jobTitle = `Backend engineer ${sfx}`;
		await rec.getByLabel("Job title").fill(jobTitle);
		await rec.getByLabel("Description").fill("Services in C & <b>SQL</b>");
		await rec.getByLabel(`Role of ${revUser} (Val Reviewer) in this job`).selectOption("reviewer");
		await rec.getByLabel(`Role of ${recUser} (Rita Recruiter) in this job`).selectOption("recruiter");
		await rec.getByRole("button", { name: "Create job" }).click();
		await rec.getByRole("heading", { level: 1, name: jobTitle }).waitFor();
		h.assert(await rec.locator("[data-members=reviewer]").textContent() === `${revUser} (Val Reviewer)`, "the reviewer is on the job");
		h.assert(await rec.getByText("Services in C & <b>SQL</b>").count() === 1, "the description is text, not markup");
		const jobId = (await rec.evaluate(() => location.hash)).split("/")[2];

		// a test of two questions, the second worth 5 points and moved up, then down again
		await rec.getByRole("link", { name: "New test" }).click();
		await rec.getByRole("heading", { level: 1, name: "New test" }).waitFor();
		await rec.getByLabel("Test title").fill("Screening");
		await rec.getByLabel("Duration (minutes)").fill("30");
		const langs = rec.locator(".languages input[type=checkbox]");
		h.assert(await langs.count() === 6, `six languages offered: ${await langs.count()}`);
		h.assert((await langs.evaluateAll((bs) => bs.filter((b) => b.checked).length)) === 6, "all six allowed by default");
		await rec.getByLabel("Instructions").fill("Read each question first.");
		await rec.getByLabel("Question from the bank").selectOption(sum.id);
		await rec.getByRole("button", { name: "Add question" }).click();
		await rec.getByLabel("Question from the bank").selectOption(second.id);
		await rec.getByRole("button", { name: "Add question" }).click();
		await rec.getByLabel(`Points of ${second.title}`).fill("5");
		await rec.getByRole("button", { name: `Move ${second.title} up` }).click();
		await rec.getByRole("button", { name: `Move ${second.title} down` }).click();
		await rec.getByRole("button", { name: "Create test" }).click();
		await rec.getByRole("heading", { level: 1, name: "Screening" }).waitFor();
		await rec.locator("[data-version='1']").waitFor();
		const testId = (await rec.evaluate(() => location.hash)).split("/")[2];
		const made = (await h.admin("GET", `/api/admin/tests/${testId}`)).json.test.current;
		h.assert(made.questions.map((x) => x.id).join() === [sum.id, second.id].join(), "the questions in their order");
		h.assert(made.questions[1].points === 5 && made.questions[0].points === null, "the points as set");
		h.assert(made.duration_minutes === 30 && made.instructions === "Read each question first.", "duration and instructions");

		// three candidates from pasted CSV, with a repeat and a bad row
		const csv = ["name,email", `Ann ${sfx},ann.${sfx}@example.com`, `"Bo, ${sfx}",bo.${sfx}@example.com`,
			`Cy ${sfx},cy.${sfx}@example.com`, `Ann again,ANN.${sfx}@example.com`, "No mail,not-an-address"].join("\n");
		await rec.getByLabel("Candidates as CSV").fill(csv);
		await rec.getByRole("button", { name: "Invite all" }).click();
		const summary = rec.locator(".invite-summary");
		await summary.waitFor();
		h.assert(await summary.textContent() === "3 created, 1 already invited, 1 invalid", `the counts: ${await summary.textContent()}`);
		const links = await rec.locator(".invite-rows tr[data-status=created] input.invite-url").evaluateAll((is) => is.map((i) => i.value));
		h.assert(links.length === 3 && links.every((l) => /\/test\/\?invite=[0-9a-f]{64}$/.test(l)), `three links: ${links}`);
		h.assert(await rec.locator(".invite-rows tr[data-status=invalid] .status-detail").textContent() === "the e-mail is not an address",
			"the bad row says why");
		await h.shot(rec, "teams-invited");

		// two candidates take the test: Ann solves the first question and finishes, Bo fails it
		const annSaid = await takeTest(h, links[0], sum.solution["main.py"], true);
		h.assert(/accepted/i.test(annSaid), `Ann's solution is accepted: ${annSaid}`);
		await takeTest(h, links[1], "print(0)\n", false);

		// the reviewer: read-only job page, the pipeline, a note and a rating on each report
		const rev = await setPasswordAndSignIn(h, revLink, revUser, "val-pass-1");
		h.assert(await rev.getByRole("link", { name: "New question" }).count() === 0, "a reviewer adds no questions");
		await rev.getByRole("link", { name: sum.title, exact: true }).click();
		await rev.getByText("You are reading this question").waitFor();
		h.assert(await rev.getByRole("button", { name: "Save question" }).count() === 0, "a reviewer saves no question");
		await rev.getByRole("link", { name: "Jobs", exact: true }).click();
		await rev.getByRole("link", { name: jobTitle }).click();
		await rev.getByRole("heading", { level: 1, name: jobTitle }).waitFor();
		h.assert(await rev.getByRole("link", { name: "New test" }).count() === 0, "a reviewer makes no tests");
		h.assert(await rev.getByRole("link", { name: "Edit job" }).count() === 0, "a reviewer does not edit the job");
		await rev.evaluate(() => { location.hash = "#/jobs/new"; });
		await rev.getByRole("heading", { level: 1, name: "Jobs" }).waitFor();
		h.assert(await rev.getByRole("link", { name: "New job" }).count() === 0, "a reviewer makes no jobs");
		await rev.goBack();
		await rev.getByRole("heading", { level: 1, name: jobTitle }).waitFor();
		await waitCount(rev, 3);
		let rows = await pipelineRows(rev);
		const byName = (n) => rows.find((r) => r.name.startsWith(n));
		h.assert(byName("Ann").status === "completed" && byName("Bo").status === "started" && byName("Cy").status === "invited",
			`the statuses: ${JSON.stringify(rows)}`);
		const full = (await h.admin("GET", `/api/admin/jobs/${jobId}/candidates?sort=name&order=asc`)).json.candidates;
		h.assert(full[0].total > 0 && byName("Ann").total === full[0].total, `Ann's total shows: ${byName("Ann").total}`);
		h.assert(byName("Bo").total === 0, "Bo scored nothing");
		await rate(rev, `Ann ${sfx}`, "strong_yes", "Clean solution, finished early.");
		h.assert(await rev.getByRole("button", { name: "Delete candidate…" }).count() === 0, "a reviewer cannot delete a candidate");
		await rate(rev, `Bo, ${sfx}`, "no", "Printed a constant.");

		// the job's pipeline filters: status, score range, sort
		await rev.getByLabel("Status").selectOption("completed");
		await waitCount(rev, 1);
		await rev.getByLabel("Status").selectOption("");
		await rev.getByLabel("Lowest total").fill("0.5");
		await rev.getByRole("button", { name: "Apply" }).click();
		await waitCount(rev, 1);
		h.assert((await pipelineRows(rev))[0].name === `Ann ${sfx}`, "only Ann scored");
		await rev.getByLabel("Lowest total").fill("");
		await rev.getByLabel("Highest total").fill("0");
		await rev.getByRole("button", { name: "Apply" }).click();
		await waitCount(rev, 2);
		await rev.getByLabel("Highest total").fill("");
		await rev.getByLabel("Sort by").selectOption("name");
		h.assert(await rev.getByLabel("Order").inputValue() === "asc", "names sort A to Z first");
		await waitCount(rev, 3);
		await rev.waitForFunction((first) => document.querySelector(".pipeline-table .row-title").textContent === first, `Ann ${sfx}`);
		rows = await pipelineRows(rev);
		h.assert(rows.map((r) => r.name).join("|") === [`Ann ${sfx}`, `Bo, ${sfx}`, `Cy ${sfx}`].join("|"), `sorted by name: ${rows.map((r) => r.name)}`);
		await h.shot(rev, "teams-pipeline");

		// the CSV: a column per question, the totals, the ratings
		// from the keyboard, as the filters were left
		await rev.getByRole("button", { name: "Export CSV" }).focus();
		const [download] = await Promise.all([rev.waitForEvent("download"), rev.keyboard.press("Enter")]);
		h.assert(download.suggestedFilename() === "job.csv", `the file's name: ${download.suggestedFilename()}`);
		const csvRows = parseCsv(fs.readFileSync(await download.path(), "utf8"));
		const head = csvRows[0];
		for (const col of [`Q${sum.number} ${sum.title}`, `Q${second.number} ${second.title}`, "total", "max_total", "ratings"])
			h.assert(head.includes(col), `the CSV has the column ${col}: ${head}`);
		const annCsv = csvRows.find((r) => r[0] === `Ann ${sfx}`);
		h.assert(Number(annCsv[head.indexOf("total")]) === full[0].total, `Ann's total in the CSV: ${annCsv}`);
		h.assert(Number(annCsv[head.indexOf(`Q${sum.number} ${sum.title}`)]) === full[0].total, "Ann's first question's score");

		// the ratings, in the pipeline and the CSV
		rows = await pipelineRows(rev);
		h.assert(byName("Ann").ratings.join() === "Val Reviewer: Strong yes", `Ann's rating shows: ${byName("Ann").ratings}`);
		h.assert(byName("Bo").ratings.join() === "Val Reviewer: No", `Bo's rating shows: ${byName("Bo").ratings}`);
		h.assert(/Strong yes/.test(annCsv[head.indexOf("ratings")]), `Ann's rating in the CSV: ${annCsv}`);
		const boCsv = csvRows.find((r) => r[0] === `Bo, ${sfx}`);
		h.assert(/\bNo\b/.test(boCsv[head.indexOf("ratings")]), `Bo's rating in the CSV: ${boCsv}`);
	},
},
{
	name: "teams: the test editor saves a started test as version 2, and in place after that",
	fn: async (h) => {
		const one = await h.bankQuestion(SUM_SLUG);
		const two = await h.bankQuestion("03-top-words");
		const job = (await h.admin("POST", "/api/admin/jobs", { title: `Versions ${sfx}` })).json.job;
		const made = await h.admin("POST", `/api/admin/jobs/${job.id}/tests`, { title: "Take-home", questions: [one.id] });
		h.assert(made.status === 201, `a test: ${made.status} ${made.text}`);
		const testId = made.json.test.id;
		const inv = await h.admin("POST", `/api/admin/tests/${testId}/invitations`, { name: "Early Bird", email: `early.${sfx}@example.com` });
		h.assert(inv.status === 201, `invited: ${inv.status} ${inv.text}`);
		const started = await h.api("POST", "/api/test-session", { invite_token: inv.json.invite_token });
		h.assert(started.status === 200 || started.status === 201, `the candidate started: ${started.status} ${started.text}`);

		const page = await h.newPage();
		await h.adminSignIn(page);
		await page.goto(`${h.base}/admin/#/tests/${testId}`);
		await page.getByRole("heading", { level: 1, name: "Take-home" }).waitFor();
		await page.locator("[data-version='1']").waitFor();
		await page.getByLabel("Question from the bank").selectOption(two.id);
		await page.getByRole("button", { name: "Add question" }).click();
		// keyboard: the move button keeps the focus, Enter presses it
		await page.getByRole("button", { name: `Move ${two.title} up` }).focus();
		await page.keyboard.press("Enter");
		h.assert(await page.evaluate(() => document.activeElement.getAttribute("aria-label")) === `Move ${two.title} down`,
			"the focus stays on the moved question");
		await page.getByLabel("Duration (minutes)").fill("45");
		await page.locator(".languages input[value=csharp]").uncheck();
		await page.getByLabel("Open until").fill("2030-01-01T10:00");
		await page.getByRole("button", { name: "Save test" }).click();
		await page.locator("[data-version='2']").waitFor();
		h.assert(/version 2/.test(await page.locator("#toast").textContent()), "the toast says a version was made");
		const t = (await h.admin("GET", `/api/admin/tests/${testId}`)).json.test;
		h.assert(t.current.version === 2 && t.versions.length === 2 && t.versions[0].started === 1, `two versions: ${JSON.stringify(t.versions)}`);
		h.assert(t.current.questions.map((q) => q.id).join() === [two.id, one.id].join(), "version 2's order");
		h.assert(t.current.duration_minutes === 45 && !t.current.languages.includes("csharp") && t.current.languages.length === 5,
			`duration and languages: ${JSON.stringify(t.current)}`);
		h.assert(new Date(t.current.window_until).getTime() === new Date(2030, 0, 1, 10, 0).getTime(), `the window: ${t.current.window_until}`);
		const rows = (await h.admin("GET", `/api/admin/jobs/${job.id}/candidates`)).json.candidates;
		h.assert(rows.length === 1 && rows[0].version === 1, "the candidate who started keeps version 1");
		await h.shot(page, "teams-test-version-2");

		// nobody has started version 2: the next save changes it in place
		await page.getByLabel("Test title").fill("Take-home v2");
		await page.getByRole("button", { name: "Save test" }).click();
		await page.getByRole("heading", { level: 1, name: "Take-home v2" }).waitFor();
		h.assert(await page.locator("#toast").textContent() === "Saved version 2.", "saved in place");
		h.assert((await h.admin("GET", `/api/admin/tests/${testId}`)).json.test.versions.length === 2, "still two versions");
	},
},
{
	name: "teams: the pipeline in pages, filtered by test and status",
	fn: async (h) => {
		const q = await h.bankQuestion(SUM_SLUG);
		const job = (await h.admin("POST", "/api/admin/jobs", { title: `Many ${sfx}` })).json.job;
		const tests = [];
		for (const title of ["Morning", "Evening"])
			tests.push((await h.admin("POST", `/api/admin/jobs/${job.id}/tests`, { title, questions: [q.id] })).json.test.id);
		const csv = Array.from({ length: 27 }, (_, i) => `Cand ${String(i + 1).padStart(2, "0")},c${i}.${sfx}@example.com`).join("\n");
		const r = await h.admin("POST", `/api/admin/tests/${tests[0]}/invitations`, { csv });
		h.assert(r.status === 200 && r.json.created === 27, `27 invited: ${r.status} ${r.text.slice(0, 200)}`);
		await h.admin("POST", `/api/admin/tests/${tests[1]}/invitations`, { name: "Late", email: `late.${sfx}@example.com` });

		const page = await h.newPage();
		await h.adminSignIn(page);
		await page.goto(`${h.base}/admin/#/jobs/${job.id}`);
		await page.getByRole("heading", { level: 1, name: `Many ${sfx}` }).waitFor();
		await waitCount(page, 28);
		await page.getByLabel("Per page").selectOption("25");
		await page.getByText("Page 1 of 2").waitFor();
		h.assert(await page.locator(".pipeline-table tbody tr").count() === 25, "25 on the first page");
		await page.getByRole("button", { name: "Next page" }).click();
		await page.getByText("Page 2 of 2").waitFor();
		h.assert(await page.locator(".pipeline-table tbody tr").count() === 3, "3 on the second");
		h.assert(await page.getByRole("button", { name: "Next page" }).isDisabled(), "no page after the last");
		await page.getByLabel("Test", { exact: true }).selectOption({ label: "Evening" });
		await waitCount(page, 1);
		h.assert((await pipelineRows(page))[0].name === "Late", "the Evening test's candidate");
		await page.getByLabel("Status").selectOption("completed");
		await waitCount(page, 0);
		await page.locator(".pipeline .empty").waitFor();
	},
}];
