// tests/ui/review.cjs - the recruiter's side of issue 14: a candidate's link shown again
// at any time, field errors that go once the field is filled, "Not started" for a
// candidate who has not started, a quick reload read as one neutral line, the candidates
// list sorted, filtered and paged by the server, and many candidates invited from CSV.
"use strict";

const sfx = Date.now().toString(36);

async function signedIn(h) {
	const page = await h.newPage();
	await h.adminSignIn(page);
	return page;
}

async function openReport(h, page, inv) {
	await page.goto(`${h.base}/admin/#/candidates/${inv.candidate.candidate_id}`);
	await page.getByRole("heading", { level: 1, name: inv.candidate.name }).waitFor();
}

async function shownLink(page) {
	await page.getByRole("button", { name: "Show invitation link" }).click();
	const box = page.locator("section.invitation input.invite-url");
	await box.waitFor();
	return box.inputValue();
}

// the rows of the candidates table, as the page shows them
function rows(page) {
	return page.locator("table.candidates-table tbody tr").evaluateAll((trs) => trs.map((tr) => ({
		id: tr.dataset.candidateId, name: tr.querySelector(".row-title").textContent,
		status: tr.querySelector("[data-status]").dataset.status,
	})));
}

// click a control and wait for the list's request it sends; the request's query
async function listRequest(page, action) {
	const [req] = await Promise.all([
		page.waitForRequest((r) => /\/api\/admin\/candidates\?/.test(r.url()), { timeout: 30000 }),
		action(),
	]);
	await req.response();
	await page.waitForFunction(() => !document.querySelector("main .loading"), null, { timeout: 30000 });
	return new URL(req.url()).searchParams;
}

module.exports = [
	{
		name: "review: the recruiter sees and copies a candidate's current link at any time",
		fn: async (h) => {
			const q = await h.bankQuestion("01-sensor-summary");
			const inv = await h.invite(`Lena Link ${sfx}`, [q.id]);
			const page = await signedIn(h);
			await openReport(h, page, inv);
			h.assert(await shownLink(page) === inv.invite_url, "the link made at the invitation is shown");
			await h.shot(page, "review-report-link");
			// after a reload, still there
			await page.reload();
			await page.getByRole("heading", { level: 1, name: inv.candidate.name }).waitFor();
			h.assert(await shownLink(page) === inv.invite_url, "the link is shown again after a reload");
			h.assert(await page.evaluate(() => document.activeElement.textContent === "Copy link"), "the Copy button has the focus");
			// a new link replaces it, and it is the one shown from then on
			await page.getByRole("button", { name: "New invitation link…" }).click();
			await page.getByRole("dialog").getByRole("button", { name: "Create new link" }).click();
			await page.getByRole("heading", { name: "New invitation link" }).waitFor();
			const fresh = await page.locator("section.invitation input.invite-url").inputValue();
			h.assert(fresh !== inv.invite_url, "a new link is made");
			await page.reload();
			await page.getByRole("heading", { level: 1, name: inv.candidate.name }).waitFor();
			h.assert(await shownLink(page) === fresh, "the new link is the one shown after a reload");
		},
	},
	{
		name: "review: a required-field error goes once the field is filled in",
		fn: async (h) => {
			const page = await signedIn(h);
			await page.goto(`${h.base}/admin/#/candidates/new`);
			await page.getByRole("heading", { level: 1, name: "New candidate" }).waitFor();
			await page.getByRole("button", { name: "Create and get the link" }).click();
			const err = page.getByText("Enter the candidate's name.");
			await err.waitFor();
			await page.getByLabel("Name", { exact: true }).fill("Fay Filled");
			await err.waitFor({ state: "hidden", timeout: 5000 });
			h.assert(await page.getByLabel("Name", { exact: true }).getAttribute("aria-invalid") === null, "the name is no longer marked invalid");
			const pick = page.getByText("Tick at least one question for the test.");
			h.assert(await pick.isVisible(), "the questions' error is there until one is ticked");
			await page.locator(".pick-list input[type=checkbox]").first().check();
			await pick.waitFor({ state: "hidden", timeout: 5000 });

			await page.goto(`${h.base}/admin/#/jobs/new`);
			await page.getByRole("heading", { level: 1 }).first().waitFor();
			await page.locator("main form button[type=submit]").click();
			const title = page.getByText("Enter the job's title.");
			await title.waitFor();
			await page.getByLabel("Job title").fill("A job");
			await title.waitFor({ state: "hidden", timeout: 5000 });
		},
	},
	{
		name: "review: a candidate who has not started reads Not started, and a quick reload reads as one",
		fn: async (h) => {
			const q = await h.bankQuestion("01-sensor-summary");
			const idle = await h.invite(`Ivo Idle ${sfx}`, [q.id]);
			const busy = await h.invite(`Rita Reload ${sfx}`, [q.id]);
			const c = await h.newPage();
			await h.startTest(c, busy);
			await c.reload();
			await c.waitForSelector("#view-test:not([hidden])");
			// the reload reached the server as a tab close and a return
			const deadline = Date.now() + 30000;
			for (;;) {
				const d = await h.admin("GET", `/api/admin/candidates/${busy.candidate.candidate_id}`);
				const kinds = d.json.candidate.timeline.map((e) => e.kind);
				if (kinds.includes("tab_close") && kinds.lastIndexOf("resume") > kinds.indexOf("tab_close")) break;
				h.assert(Date.now() < deadline, `the reload shows as a tab close and a return: ${kinds}`);
				await h.sleep(300);
			}

			const page = await signedIn(h);
			await page.goto(`${h.base}/admin/#/candidates`);
			await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
			const cell = page.locator(`tr[data-candidate-id="${idle.candidate.candidate_id}"] td[data-score]`);
			h.assert((await cell.textContent()) === "Not started", `the list says Not started: ${await cell.textContent()}`);
			await openReport(h, page, idle);
			h.assert((await page.locator(".total-score").textContent()) === "Not started", "the report says Not started");

			await openReport(h, page, busy);
			const tl = page.locator("ol.timeline");
			await tl.waitFor();
			const kinds = await tl.locator("li").evaluateAll((lis) => lis.map((li) => li.dataset.kind));
			h.assert(kinds.includes("reload") && !kinds.includes("tab_close"), `one reload line, no tab close: ${kinds}`);
			h.assert(/^Page reloaded/.test(await tl.locator("li[data-kind=reload] span").textContent()), "it says Page reloaded");
			await tl.scrollIntoViewIfNeeded();
			await h.shot(page, "review-timeline-reload");
		},
	},
	{
		name: "review: the candidates list sorts, filters and pages on the server",
		fn: async (h) => {
			const q = await h.bankQuestion("01-sensor-summary");
			// enough for two pages of 25
			for (let i = 0; i < 27; i++) await h.invite(`Pag ${String(i).padStart(2, "0")} ${sfx}`, [q.id]);
			const page = await signedIn(h);
			await page.goto(`${h.base}/admin/#/candidates`);
			await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
			await page.locator("table.candidates-table").waitFor();

			const nameTh = page.locator("th", { has: page.locator("[data-sort=name]") });
			let p = await listRequest(page, () => page.locator("[data-sort=name]").click());
			h.assert(p.get("sort") === "name" && p.get("order") === "asc", `sorted by name on the server: ${p}`);
			h.assert(await nameTh.getAttribute("aria-sort") === "ascending", "the Name header says ascending");
			let names = (await rows(page)).map((r) => r.name.toLowerCase());
			h.assert(names.join("\n") === [...names].sort().join("\n"), `A to Z: ${names.slice(0, 5)}`);
			h.assert(await page.evaluate(() => document.activeElement.dataset.sort === "name"), "the focus stays on the header");
			p = await listRequest(page, () => page.locator("[data-sort=name]").click());
			h.assert(p.get("order") === "desc" && await nameTh.getAttribute("aria-sort") === "descending", "a second click: Z to A");
			names = (await rows(page)).map((r) => r.name.toLowerCase());
			h.assert(names.join("\n") === [...names].sort().reverse().join("\n"), "Z to A");
			for (const key of ["status", "score", "started_at", "integrity"]) {
				p = await listRequest(page, () => page.locator(`[data-sort=${key}]`).click());
				h.assert(p.get("sort") === key, `sorted by ${key}`);
				h.assert(await page.locator(`th:has([data-sort=${key}])`).getAttribute("aria-sort") !== null, `${key} has aria-sort`);
				h.assert(await nameTh.getAttribute("aria-sort") === null, "only one column has aria-sort");
			}

			// pages of 25
			p = await listRequest(page, () => page.locator("[data-sort=created_at]").click());
			h.assert(p.get("per_page") === "25" && p.get("page") === "1", `25 a page: ${p}`);
			const pager = page.getByRole("navigation", { name: "Pages of candidates" });
			const first = (await rows(page)).map((r) => r.id);
			h.assert(first.length === 25, `a full first page: ${first.length}`);
			h.assert(/^Page 1 of \d+$/.test(await pager.locator(".page-text").textContent()), "page 1 of n");
			p = await listRequest(page, () => pager.getByRole("button", { name: "Next page" }).click());
			h.assert(p.get("page") === "2", "the next page is asked of the server");
			const second = (await rows(page)).map((r) => r.id);
			h.assert(second.length && !second.some((id) => first.includes(id)), "page 2 has other candidates");
			h.assert(/^Page 2 of/.test(await pager.locator(".page-text").textContent()), "page 2 of n");

			// the search, on the server: names and e-mails
			p = await listRequest(page, () => page.getByLabel("Search").fill("Pag 0"));
			h.assert(p.get("q") === "Pag 0" && p.get("page") === "1", `the search: ${p}`);
			const found = await rows(page);
			h.assert(found.length === 10 && found.every((r) => r.name.startsWith("Pag 0")), `ten found: ${found.map((r) => r.name)}`);
			await page.getByText("10 candidates match").waitFor();
			await listRequest(page, () => page.getByLabel("Search").fill(""));

			// filters: status, and the day of the invitation
			p = await listRequest(page, () => page.getByLabel("Status").selectOption("invited"));
			h.assert(p.get("status") === "invited" && p.get("page") === "1", `the status filter: ${p}`);
			h.assert((await rows(page)).every((r) => r.status === "invited"), "only invited candidates");
			const today = new Date().toISOString().slice(0, 10);
			const past = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
			p = await listRequest(page, () => page.getByLabel("Invited until").fill(past));
			h.assert(p.get("until") === past, `the until filter: ${p}`);
			await page.getByText("No candidate matches").waitFor();
			p = await listRequest(page, () => page.getByLabel("Invited until").fill(today));
			h.assert((await rows(page)).length > 0, "today's invitations are listed");
			await h.shot(page, "review-candidates-list");
		},
	},
	{
		name: "review: many candidates invited from pasted CSV on the candidates page",
		fn: async (h) => {
			const q = await h.bankQuestion("01-sensor-summary");
			const job = await h.admin("POST", "/api/admin/jobs", { title: `Bulk job ${sfx}` });
			h.assert(job.status === 201, `job: ${job.text}`);
			const test = await h.admin("POST", `/api/admin/jobs/${job.json.job.id}/tests`, { title: `Bulk test ${sfx}`, questions: [q.id] });
			h.assert(test.status === 201, `test: ${test.text}`);

			const page = await signedIn(h);
			await page.goto(`${h.base}/admin/#/candidates`);
			await page.getByRole("link", { name: "Invite from CSV" }).click();
			await page.getByRole("heading", { level: 1, name: "Invite from CSV" }).waitFor();
			await page.getByLabel("Job", { exact: true }).selectOption({ label: `Bulk job ${sfx}` });
			await page.locator(".test-info").filter({ hasText: "1 question" }).waitFor();
			const ann = `ann.${sfx}@example.com`;
			await page.getByLabel("Candidates as CSV").fill(
				`name,email\n"Lee, Ann",${ann}\nBo Bad,not-an-address\nCy Again,${ann.toUpperCase()}\nDee Doe,dee.${sfx}@example.com\n`);
			const preview = page.locator("table.bulk-preview");
			await preview.waitFor();
			const shown = await preview.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.textContent));
			h.assert(shown.length === 4, `four rows, the header skipped: ${shown}`);
			h.assert(shown[0].includes("Lee, Ann") && shown[0].includes("ready"), `a quoted name: ${shown[0]}`);
			h.assert(shown[1].includes("not an address"), `a bad e-mail: ${shown[1]}`);
			h.assert(shown[2].includes("the same e-mail as row 1"), `a repeat: ${shown[2]}`);
			h.assert(/4 rows: 2 ready, 2 with a problem/.test(await page.getByRole("status").filter({ hasText: "rows" }).textContent()),
				"the counts of the preview");
			await h.shot(page, "review-bulk-preview");
			await page.getByRole("button", { name: "Invite the candidates" }).click();
			const summary = page.locator(".invite-summary");
			await summary.waitFor();
			h.assert((await summary.textContent()) === "2 created, 1 already invited, 1 invalid", `the answer: ${await summary.textContent()}`);
			const links = await page.locator(".invite-rows input.invite-url").evaluateAll((els) => els.map((e) => e.value));
			h.assert(links.length === 2 && links.every((l) => /\/test\/\?invite=[0-9a-f]{64}$/.test(l)), `a link per created row: ${links}`);
			await h.shot(page, "review-bulk-result");
			const listed = await h.admin("GET", "/api/admin/candidates?per_page=100");
			h.assert(listed.json.candidates.some((c) => c.name === "Lee, Ann" && c.email === ann), "the candidate is in the list");
		},
	},
	{
		name: "review: many candidates from pasted CSV, to questions picked from the bank",
		fn: async (h) => {
			const q = await h.bankQuestion("01-sensor-summary");
			const page = await signedIn(h);
			await page.goto(`${h.base}/admin/#/candidates/bulk`);
			await page.getByRole("heading", { level: 1, name: "Invite from CSV" }).waitFor();
			await page.getByLabel("Questions picked from the bank").check();
			h.assert(await page.getByLabel("Job", { exact: true }).isHidden(), "the job's fields give way to the picker");
			const eve = `eve.${sfx}@example.com`, fay = `fay.${sfx}@example.com`;
			await page.getByLabel("Candidates as CSV").fill(`Eve Bank,${eve}\nNo Mail,nowhere\nFay Bank,${fay}\n`);
			await page.locator("table.bulk-preview").waitFor();
			// nothing ticked: the form says so and sends nothing
			await page.getByRole("button", { name: "Invite the candidates" }).click();
			await page.getByText("Tick at least one question for the test.").waitFor();
			await page.getByLabel("Duration (minutes)").fill("45");
			await page.getByLabel("Filter the bank").fill(q.title);
			await page.getByLabel(q.title).check();
			await page.getByRole("button", { name: "Invite the candidates" }).click();
			const summary = page.locator(".invite-summary");
			await summary.waitFor();
			h.assert((await summary.textContent()) === "2 created, 1 invalid", `the answer: ${await summary.textContent()}`);
			const links = await page.locator(".invite-rows input.invite-url").evaluateAll((els) => els.map((e) => e.value));
			h.assert(links.length === 2 && links.every((l) => /\/test\/\?invite=[0-9a-f]{64}$/.test(l)), `a link per created row: ${links}`);
			await h.shot(page, "review-bulk-bank-result");
			const listed = await h.admin("GET", `/api/admin/candidates?q=${encodeURIComponent("bank")}&per_page=100`);
			const eveRow = listed.json.candidates.find((c) => c.email === eve);
			h.assert(eveRow && listed.json.candidates.some((c) => c.email === fay), "both are in the list");
			const detail = await h.admin("GET", `/api/admin/candidates/${eveRow.candidate_id}`);
			h.assert(JSON.stringify(detail.json).includes(q.title) && detail.json.candidate.test_duration_minutes === 45,
				`the picked question and the duration: ${detail.text.slice(0, 300)}`);
		},
	},
];
