// tests/ui/admin.cjs - the recruiter pages in a browser: sign-in and sign-out,
// the question bank (form, markdown preview, test table, file upload, check,
// search and filters, edit, delete), inviting a candidate and copying the link,
// and the report of a candidate who took a test (scores, code, verdicts,
// timeline, CSV export, printable report, reopen, extend, new link).
"use strict";
const fs = require("fs");

const suffix = Date.now().toString(36);
const shared = {};             // what one scenario leaves for the next

const SUM_PY = "import sys\na, b = map(int, sys.stdin.read().split())\nprint(a + b)\n";
const WRONG_PY = "print(0)\n";
const LAST_PY = "print(3)  # the last word\n";

// Put text into a CodeMirror editor as one edit (no auto-indent per keystroke).
async function setEditor(page, selector, text) {
	await page.locator(`${selector} .cm-content`).fill(text);
}

function rowsOf(page) {
	return page.locator("tbody tr.test-row");
}

async function runCheck(page, code) {
	await setEditor(page, ".editor-check", code);
	await page.getByRole("button", { name: "Run check" }).click();
	// the button comes back when the run is over
	await page.getByRole("button", { name: "Run check" }).waitFor({ timeout: 120000 });
	const err = page.locator(".check-result .banner-error");
	if (await err.count()) throw new Error("check failed: " + (await err.textContent()));
	return page.locator(".check-summary [data-verdict]").getAttribute("data-verdict");
}

module.exports = [
	{
		name: "admin: an invited account sets its password from the link and signs in",
		fn: async (h) => {
			const username = "ui-recruiter-" + Date.now();
			const r = await h.admin("POST", "/api/admin/accounts",
				{ username, name: "UI Recruiter", email: "rec@example.com", role: "recruiter" });
			h.assert(r.status === 201, `account created: ${r.status} ${r.text}`);
			const link = new URL(r.json.link_url);
			const page = await h.newPage();
			await page.goto(`${h.base}/admin/${link.search}`);
			await page.getByRole("heading", { name: "Set your password" }).waitFor();
			h.assert(!(await page.evaluate(() => location.search)).includes("account="),
				"the link's token leaves the address bar");
			await page.getByLabel("New password", { exact: true }).fill("first-choice-1");
			await page.getByLabel("New password again").fill("first-choice-2");
			await page.getByRole("button", { name: "Set password" }).click();
			h.assert(/differ/.test(await page.getByRole("alert").textContent()), "two different passwords are refused");
			await page.getByLabel("New password again").fill("first-choice-1");
			await page.getByRole("button", { name: "Set password" }).click();
			await page.getByRole("heading", { name: "Recruiter sign-in" }).waitFor();
			h.assert(/password is set/i.test(await page.locator(".login-status").textContent()), "the page says it is set");
			await page.getByLabel("Username").fill(username);
			await page.getByLabel("Password").fill("first-choice-1");
			await page.getByRole("button", { name: "Sign in" }).click();
			await page.getByRole("heading", { level: 1, name: "Question bank" }).waitFor();
			// the link worked once
			const again = await h.api("POST", "/api/admin/accounts/password",
				{ token: link.searchParams.get("account"), password: "second" });
			h.assert(again.status === 404, `a used link is refused: ${again.status}`);
			await page.close();
		},
	},
	{
		name: "admin sign-in, wrong password, sign-out, expired sign-in",
		fn: async (h) => {
			const page = await h.newPage();
			await page.goto(`${h.base}/admin/`);
			await page.getByRole("heading", { name: "Recruiter sign-in" }).waitFor();
			await h.shot(page, "admin-login");

			await page.getByLabel("Username").fill("admin");
			await page.getByLabel("Password").fill("not-the-password");
			await page.getByRole("button", { name: "Sign in" }).click();
			const err = page.getByRole("alert");
			await err.waitFor();
			h.assert(/Wrong username or password/.test(await err.textContent()), "a wrong password says so");
			h.assert(await page.evaluate(() => sessionStorage.getItem("ce-admin-token")) === null, "no token after a wrong password");

			await page.getByLabel("Password").fill(h.adminPassword);
			await page.getByRole("button", { name: "Sign in" }).click();
			await page.getByRole("heading", { level: 1, name: "Question bank" }).waitFor();
			const token = await page.evaluate(() => sessionStorage.getItem("ce-admin-token"));
			h.assert(token && token.length >= 32, "the token is kept in sessionStorage");
			h.assert((await page.locator("#user-name").textContent()) === "admin", "the user name shows in the bar");

			await page.getByRole("button", { name: "Sign out" }).click();
			await page.getByRole("heading", { name: "Recruiter sign-in" }).waitFor();
			h.assert(/signed out/i.test(await page.locator(".login-status").textContent()), "sign-out is confirmed");
			h.assert(await page.evaluate(() => sessionStorage.getItem("ce-admin-token")) === null, "sign-out drops the token");
			const after = await h.api("GET", "/api/admin/questions", null, token);
			h.assert(after.status === 401, `the server forgot the token: ${after.status}`);

			// a token that dies while the page is open sends the user back to the form
			await h.adminSignIn(page);
			const t2 = await page.evaluate(() => sessionStorage.getItem("ce-admin-token"));
			await h.api("POST", "/api/admin/logout", {}, t2);
			await page.getByRole("link", { name: "Candidates", exact: true }).click();
			await page.getByRole("heading", { name: "Recruiter sign-in" }).waitFor();
			h.assert(/expired/.test(await page.locator(".login-status").textContent()), "an expired sign-in says so");
		},
	},
	{
		name: "admin question form: preview, tests, files, check, save, search, edit, delete",
		fn: async (h) => {
			const page = await h.newPage();
			await h.adminSignIn(page);
			await page.getByRole("link", { name: "New question" }).click();
			await page.getByRole("heading", { level: 1, name: "New question" }).waitFor();

			const title = `UI Sum ${suffix}`;
			await page.getByLabel("Title").fill(title);
			await page.getByLabel("Difficulty").selectOption("medium");
			await page.getByLabel("Tags").fill("ui-test, arithmetic");
			await page.getByLabel("Time limit (ms)").fill("2000");
			await page.getByLabel("Memory limit (MB)").fill("256");
			await page.getByLabel("Description (Markdown)").fill(
				"# Add two numbers\n\nRead **a** and *b*, print their sum.\n\n<script>window.pwned = 1</script>\n\n```\n1 2\n```\n");
			const preview = page.locator(".preview");
			await preview.locator("h1", { hasText: "Add two numbers" }).waitFor();
			h.assert(await preview.locator("strong", { hasText: "a" }).count() === 1, "the preview renders **bold**");
			h.assert(await preview.locator("script").count() === 0, "no script element in the preview");
			h.assert((await preview.textContent()).includes("<script>window.pwned = 1</script>"), "raw HTML shows as text");
			h.assert(await page.evaluate(() => window.pwned === undefined), "the script did not run");

			// the language tabs follow the arrow keys
			await page.getByRole("tab", { name: "Python", exact: true }).click();
			await page.keyboard.press("ArrowRight");
			const java = page.getByRole("tab", { name: "Java", exact: true });
			h.assert(await java.getAttribute("aria-selected") === "true" && await java.evaluate((e) => e === document.activeElement),
				"ArrowRight selects and focuses the next language");
			await page.keyboard.press("ArrowLeft");
			await setEditor(page, ".editor-starter", "import sys\n# read a and b\n");
			await page.getByRole("tab", { name: "Java", exact: true }).click();
			await page.getByRole("tab", { name: "Python", exact: true }).click();
			h.assert((await page.locator(".editor-starter .cm-content").textContent()).includes("# read a and b"),
				"the starter survives switching tabs");

			// a sample and a hidden test by hand
			await page.getByRole("button", { name: "Add test", exact: true }).click();
			await page.getByLabel("Input of test 1").fill("1 2\n");
			await page.getByLabel("Expected output of test 1").fill("3\n");
			await page.getByLabel("Test 1 is a sample").check();
			await page.getByRole("button", { name: "Add test", exact: true }).click();
			await page.getByLabel("Input of test 2").fill("40 2\n");
			await page.getByLabel("Expected output of test 2").fill("42\n");
			await page.getByLabel("Points for test 2").fill("3");

			// two more from files: a .in/.out pair and a one-file test; an orphan is reported
			await page.locator(".tests-editor input[type=file]").setInputFiles([
				{ name: "t3.in", mimeType: "text/plain", buffer: Buffer.from("5 5\n") },
				{ name: "t3.out", mimeType: "text/plain", buffer: Buffer.from("10\n") },
				{ name: "t4.txt", mimeType: "text/plain", buffer: Buffer.from("7 8\n---\n15\n") },
				{ name: "lonely.in", mimeType: "text/plain", buffer: Buffer.from("1 1\n") },
			]);
			await page.getByText("Added 2 tests from files").waitFor();
			h.assert((await page.locator(".problems").textContent()).includes("lonely.in"), "an unpaired file is reported");
			h.assert(await rowsOf(page).count() === 4, "four tests in the table");
			h.assert(await page.getByLabel("Input of test 4").inputValue() === "7 8\n", "one-file test: input");
			h.assert(await page.getByLabel("Expected output of test 4").inputValue() === "15\n", "one-file test: output");

			h.assert(await runCheck(page, SUM_PY) === "accepted", "a correct solution is accepted");
			h.assert(/4 of 4 tests passed/.test(await page.locator(".check-summary").textContent()), "4 of 4 pass");
			h.assert(await page.locator(".check-table [data-verdict=accepted]").count() === 4, "every test accepted");
			await page.getByLabel("Language", { exact: true }).selectOption("python");
			h.assert(await runCheck(page, WRONG_PY) === "wrong_answer", "a wrong solution is wrong_answer");
			h.assert(await page.locator(".check-table [data-verdict=wrong_answer]").count() === 4, "every test wrong");
			await h.shot(page, "admin-question-form");

			await page.getByRole("button", { name: "Save question" }).last().click();
			await page.locator(".banner-ok", { hasText: "Saved" }).waitFor();
			const id = decodeURIComponent(await page.evaluate(() => location.hash)).replace("#/questions/", "");
			h.assert(/^[0-9a-f-]{36}$/.test(id), `the address names the new question: ${id}`);
			let q = (await h.admin("GET", `/api/admin/questions/${id}`)).json.question;
			h.assert(q.title === title && q.difficulty === "medium", "title and difficulty saved");
			h.assert(JSON.stringify(q.tags) === JSON.stringify(["ui-test", "arithmetic"]), `tags saved: ${q.tags}`);
			h.assert(q.test_cases.length === 4, "four tests saved");
			h.assert(q.test_cases.map((t) => t.is_sample).join() === "true,false,false,false", "one sample");
			h.assert(q.test_cases.map((t) => t.points).join() === "1,3,1,1", "points saved");
			h.assert(q.boiler_plate.python === "import sys\n# read a and b\n", "the Python starter saved");
			h.assert(!("java" in q.boiler_plate), "an empty starter is left to the default");
			shared.question = { id, title };

			// search and filters
			await page.getByRole("link", { name: "Questions", exact: true }).click();
			await page.getByRole("heading", { level: 1, name: "Question bank" }).waitFor();
			const rows = page.locator("tbody tr[data-question-id]");
			await page.getByLabel("Search title or tag").fill(`sum ${suffix}`);
			h.assert(await rows.count() === 1 && (await rows.first().getAttribute("data-question-id")) === id, "title search finds it");
			await page.getByLabel("Search title or tag").fill("arithmet");
			h.assert(await page.locator(`tr[data-question-id="${id}"]`).count() === 1, "tag text search finds it");
			await page.getByLabel("Search title or tag").fill("");
			await page.getByLabel("Difficulty").selectOption("hard");
			h.assert(await page.locator(`tr[data-question-id="${id}"]`).count() === 0, "the hard filter hides it");
			await page.getByLabel("Difficulty").selectOption("medium");
			await page.getByLabel("Tag", { exact: true }).selectOption("ui-test");
			const expect = (await h.admin("GET", "/api/admin/questions?difficulty=medium&tag=ui-test")).json.questions;
			h.assert(await rows.count() === expect.length && await page.locator(`tr[data-question-id="${id}"]`).count() === 1,
				"difficulty and tag filters narrow to what the server finds");
			await h.shot(page, "admin-bank-filtered");
			await page.getByLabel("Tag", { exact: true }).selectOption("");
			await page.getByLabel("Difficulty").selectOption("");
			await h.shot(page, "admin-bank");

			// edit: rename, change points, drop a test
			await page.getByRole("link", { name: title, exact: true }).click();
			await page.getByRole("heading", { level: 1, name: `Edit: ${title}` }).waitFor();
			await page.getByLabel("Title").fill(`${title} (edited)`);
			await page.getByLabel("Points for test 2").fill("5");
			await page.getByRole("button", { name: "Delete test 4" }).click();
			h.assert(await rowsOf(page).count() === 3, "a test row is deleted");
			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: "Saved" }).waitFor();
			q = (await h.admin("GET", `/api/admin/questions/${id}`)).json.question;
			h.assert(q.title === `${title} (edited)`, "the new title is saved");
			h.assert(q.test_cases.map((t) => t.points).join() === "1,5,1", `edited tests saved: ${q.test_cases.map((t) => t.points)}`);
			shared.question.title = q.title;

			// leaving with unsaved edits asks first
			await page.getByLabel("Title").fill(`${title} (unsaved)`);
			await page.getByRole("link", { name: "Candidates", exact: true }).click();
			const leave = page.getByRole("dialog", { name: "Leave without saving?" });
			await leave.waitFor();
			await leave.getByRole("button", { name: "Cancel" }).click();
			h.assert(await page.getByLabel("Title").inputValue() === `${title} (unsaved)`, "cancel keeps the edits");
			await page.getByLabel("Title").fill(q.title);

			// a sign-in that runs out under unsaved edits: sign in again over the form, then save
			await page.getByLabel("Title").fill(`${q.title} (after sign-in)`);
			await h.api("POST", "/api/admin/logout", {}, await page.evaluate(() => sessionStorage.getItem("ce-admin-token")));
			await page.getByRole("button", { name: "Save question" }).first().click();
			const again = page.getByRole("dialog", { name: "Sign in again" });
			await again.waitFor();
			await h.shot(page, "admin-sign-in-again");
			await again.getByLabel("Password").fill(h.adminPassword);
			await again.getByRole("button", { name: "Sign in" }).click();
			await again.waitFor({ state: "detached" });
			h.assert(await page.getByLabel("Title").inputValue() === `${q.title} (after sign-in)`, "the edits survive");
			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: "(after sign-in)" }).waitFor();
			await page.getByLabel("Title").fill(q.title);
			await page.getByRole("button", { name: "Save question" }).first().click();
			await page.locator(".banner-ok", { hasText: `Saved “${q.title}”` }).waitFor();

			// delete a throwaway question, through the confirmation dialog
			const tmp = await h.admin("POST", "/api/admin/questions", {
				title: `Throwaway ${suffix}`, question: "to be deleted", difficulty: "easy",
				test_cases: [{ input: "", expected_output: "x" }],
			});
			h.assert(tmp.status === 201, `throwaway created: ${tmp.text}`);
			const tmpId = tmp.json.question.id;
			await page.getByRole("link", { name: "Questions", exact: true }).click();
			await page.getByLabel("Search title or tag").fill("Throwaway");
			await page.getByRole("button", { name: `Delete Throwaway ${suffix}` }).click();
			let dlg = page.getByRole("dialog", { name: "Delete this question?" });
			await dlg.waitFor();
			await h.shot(page, "admin-delete-dialog");
			await dlg.getByRole("button", { name: "Cancel" }).click();
			h.assert((await h.admin("GET", `/api/admin/questions/${tmpId}`)).status === 200, "cancel keeps the question");
			await page.getByRole("button", { name: `Delete Throwaway ${suffix}` }).click();
			dlg = page.getByRole("dialog", { name: "Delete this question?" });
			await dlg.getByRole("button", { name: "Delete question" }).click();
			await page.locator(`tr[data-question-id="${tmpId}"]`).waitFor({ state: "detached" });
			h.assert((await h.admin("GET", `/api/admin/questions/${tmpId}`)).status === 404, "the question is gone");
		},
	},
	{
		name: "admin invites a candidate and copies the link",
		fn: async (h) => {
			h.assert(shared.question, "the question of the form scenario exists");
			const page = await h.newPage();
			await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.base });
			await h.adminSignIn(page);
			await page.getByRole("link", { name: "Candidates", exact: true }).click();
			await page.getByRole("link", { name: "New candidate" }).click();
			await page.getByRole("heading", { level: 1, name: "New candidate" }).waitFor();

			// nothing filled in: the form says what is missing
			await page.getByRole("button", { name: "Create and get the link" }).click();
			await page.getByText("Enter the candidate's name.").waitFor();

			const name = `Ada Invite ${suffix}`;
			await page.getByLabel("Name").fill(name);
			await page.getByLabel("Email").fill(`ada.${suffix}@example.com`);
			await page.getByLabel("Duration (minutes)").fill("45");
			await page.getByLabel("Filter the bank").fill(suffix);
			await page.getByLabel(shared.question.title).check();
			await page.getByLabel("Filter the bank").fill("River Rafts");
			await page.getByLabel("River Rafts").check();
			h.assert((await page.locator(".pick-order li").allTextContents()).join("|") === `${shared.question.title}|River Rafts`,
				"the test order is the ticking order");
			await page.getByRole("button", { name: "Create and get the link" }).click();
			await page.getByRole("heading", { name: `Invitation for ${name}` }).waitFor();

			const shown = await page.getByLabel("Invitation link", { exact: true }).inputValue();
			await page.getByRole("button", { name: "Copy link" }).click();
			await page.getByText("Link copied to the clipboard.").waitFor();
			const copied = await page.evaluate(() => navigator.clipboard.readText());
			h.assert(copied === shown, "the clipboard holds the link shown");
			const m = /^https?:\/\/[^/]+\/test\/\?invite=([0-9a-f]{64})$/.exec(copied);
			h.assert(m, `an invitation URL: ${copied}`);
			const inv = await h.api("POST", "/api/invitation", { invite_token: m[1] });
			h.assert(inv.status === 200 && inv.json.invitation.name === name, `the API accepts the link: ${inv.text}`);
			h.assert(inv.json.invitation.question_count === 2 && inv.json.invitation.test_duration_minutes === 45,
				"two questions, 45 minutes");
			await h.shot(page, "admin-invitation");

			// where the clipboard refuses, the link is selected for Ctrl+C
			await page.evaluate(() => {
				navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
			});
			await page.getByRole("button", { name: "Copy link" }).click();
			await page.getByText("The link is selected").waitFor();
			h.assert(await page.evaluate(() => {
				const el = document.activeElement;
				return el.classList.contains("invite-url") && el.selectionStart === 0 && el.selectionEnd === el.value.length;
			}), "the whole link is selected");

			await page.getByRole("link", { name: "All candidates" }).click();
			await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
			const row = page.locator("tr", { hasText: name });
			h.assert((await row.locator("[data-status]").getAttribute("data-status")) === "invited", "listed as invited");
			await h.shot(page, "admin-candidates");

			// by e-mail: an address is needed; this stack has no SMTP_URL, so the page says to send it yourself
			await page.getByRole("link", { name: "New candidate" }).click();
			await page.getByRole("heading", { level: 1, name: "New candidate" }).waitFor();
			const mailed = `Bea Mail ${suffix}`;
			await page.getByLabel("Name").fill(mailed);
			await page.getByLabel("Send the invitation link by e-mail").check();
			await page.getByLabel("Filter the bank").fill("River Rafts");
			await page.getByLabel("River Rafts").check();
			await page.getByRole("button", { name: "Create and get the link" }).click();
			await page.getByText("Enter the email address the link goes to.").waitFor();
			await page.getByLabel("Email").fill(`bea.${suffix}@example.com`);
			await page.getByRole("button", { name: "Create and get the link" }).click();
			await page.getByRole("heading", { name: `Invitation for ${mailed}` }).waitFor();
			await page.getByText(`E-mail is not set up on this server: send the link to ${mailed} yourself.`).waitFor();
			h.assert(/invite=[0-9a-f]{64}$/.test(await page.getByLabel("Invitation link", { exact: true }).inputValue()),
				"the link is shown all the same");
		},
	},
	{
		name: "admin report of a candidate who took the test",
		fn: async (h) => {
			// a question of three tests worth 1 + 2 + 3 points
			const cq = await h.admin("POST", "/api/admin/questions", {
				title: `Report Sum ${suffix}`, question: "Print a + b.", difficulty: "easy",
				test_cases: [
					{ input: "1 2\n", expected_output: "3\n", is_sample: true, points: 1 },
					{ input: "10 20\n", expected_output: "30\n", points: 2 },
					{ input: "-5 6\n", expected_output: "1\n", points: 3 },
				],
			});
			h.assert(cq.status === 201, `question created: ${cq.text}`);
			const qid = cq.json.question.id;
			const name = `Grace Report ${suffix}`;
			const inv = await h.invite(name, [qid], 30);
			const cid = inv.candidate.candidate_id;
			const s = await h.api("POST", "/api/test-session", { invite_token: inv.invite_token });
			h.assert(s.status === 200, `session started: ${s.text}`);
			const st = s.json.session_token;
			// the best (6 points) then a worse one: the best sets the score, the last is shown too
			for (const code of [WRONG_PY, SUM_PY, LAST_PY]) {
				const r = await h.api("POST", "/proxy/execute", { language: "python", code, question_id: qid, mode: "submit" }, st);
				h.assert(r.status === 200, `submission: ${r.text}`);
			}
			// the integrity signals the page sends with a draft save
			const now = Date.now();
			const saved = await h.api("PUT", `/api/test-session/${cid}/progress`, { signals: [
				{ kind: "paste", t: now, question_id: qid, chars: 42, inside: false, text: "print(a+b)" },
				{ kind: "focus_lost", t: now + 1000, seconds: 75 }] }, st);
			h.assert(saved.status === 200, `signals saved: ${saved.text}`);
			const done = await h.api("PUT", `/api/test-session/${cid}/complete`, { completion_method: "manual" }, st);
			h.assert(done.status === 200, `completed: ${done.text}`);

			const page = await h.newPage();
			await h.adminSignIn(page);
			await page.getByRole("link", { name: "Candidates", exact: true }).click();
			await page.getByRole("link", { name, exact: true }).click();
			await page.getByRole("heading", { level: 1, name }).waitFor();

			h.assert((await page.locator(".overview [data-status]").getAttribute("data-status")) === "completed", "status completed");
			h.assert((await page.locator(".total-score").textContent()) === "6 / 6", "total score 6 / 6");
			const card = page.locator(`.q-result[data-question-id="${qid}"]`);
			h.assert((await card.locator("[data-best-score]").getAttribute("data-best-score")) === "6", "best score 6");
			const bestCode = card.locator("[data-submission=best]");
			const lastCode = card.locator("[data-submission=last]");
			h.assert(/Best-scoring submission/.test(await bestCode.textContent()), "the best-scoring submission is labelled");
			h.assert((await bestCode.locator(".cm-content").textContent()).includes("print(a + b)"), "and holds the best code");
			h.assert(/Last submission/.test(await lastCode.textContent()), "the last submission is labelled");
			h.assert((await lastCode.locator(".cm-content").textContent()).includes("the last word"), "and holds the last code");
			h.assert(await card.locator(".cm-line span[class]").count() > 0, "the code is highlighted");
			h.assert(await card.locator(".cm-content[contenteditable=true]").count() === 0, "the code is read-only");

			await page.getByRole("heading", { name: "Submissions (3)" }).waitFor();
			const subs = page.locator("details.submission");
			await subs.nth(0).locator("> summary").click();
			await subs.nth(1).locator("> summary").click();
			const first = await subs.nth(0).locator(".tests-result tbody [data-verdict]").evaluateAll((els) => els.map((e) => e.dataset.verdict));
			const second = await subs.nth(1).locator(".tests-result tbody [data-verdict]").evaluateAll((els) => els.map((e) => e.dataset.verdict));
			h.assert(first.join() === "wrong_answer,wrong_answer,wrong_answer", `first submission verdicts: ${first}`);
			h.assert(second.join() === "accepted,accepted,accepted", `second submission verdicts: ${second}`);
			h.assert((await subs.nth(1).locator(".cm-content").textContent()).includes("print(a + b)"), "the submission's code");

			// code views measure themselves once on screen; bring the last one into view for the picture
			await subs.nth(1).locator(".cm-editor").scrollIntoViewIfNeeded();
			const tl = page.locator("ol.timeline");
			h.assert(await tl.locator("[data-kind=start]").count() === 1, "the timeline has the start");
			h.assert(/manual/.test(await tl.locator("[data-kind=end]").textContent()), "and the completion method");
			h.assert((await tl.locator("[data-kind=paste]").textContent()).includes("Pasted 42 characters from outside the page"), "a paste from outside");
			h.assert((await tl.locator("[data-kind=focus_lost]").textContent()).includes("Left the page for 1 min 15 s"), "the page left");
			await h.shot(page, "admin-report");

			// the printable report: fetched with the admin header, shown in a new tab
			const [popup] = await Promise.all([
				page.context().waitForEvent("page"),
				page.getByRole("button", { name: "Printable report" }).click(),
			]);
			await popup.waitForURL(/^blob:/);
			await popup.waitForLoadState();
			h.assert((await popup.locator("h1").textContent()) === name, "the printable report is this candidate's");
			const printed = await popup.textContent("body");
			h.assert(printed.includes("print(a + b)") && /Best-scoring submission/.test(printed), "it holds the best code, labelled");
			h.assert(printed.includes("the last word") && /Last submission/.test(printed), "and the last code, labelled");
			await h.shot(popup, "admin-printable-report");
			await popup.close();

			// reopen, then extend, then a new link
			await page.getByRole("button", { name: "Reopen test…" }).click();
			let dlg = page.getByRole("dialog");
			await dlg.getByLabel("Minutes to give").fill("20");
			await dlg.getByRole("button", { name: "Reopen test" }).click();
			await page.getByRole("button", { name: "Extend time…" }).waitFor();
			h.assert((await page.locator(".overview [data-status]").getAttribute("data-status")) === "active", "reopened: active");
			h.assert(await tl.locator("[data-kind=reopened]").count() === 1, "the timeline shows the reopening");
			let c = (await h.admin("GET", `/api/admin/candidates/${cid}`)).json.candidate;
			const before = c.session.remaining_seconds;
			h.assert(before > 15 * 60 && before <= 20 * 60, `about 20 minutes left: ${before}`);
			await page.getByRole("button", { name: "Extend time…" }).click();
			dlg = page.getByRole("dialog");
			await dlg.getByLabel("Extra minutes").fill("0");
			await dlg.getByRole("button", { name: "Extend time" }).click();
			await dlg.getByText("Enter a whole number of minutes from 1 to 1440.").waitFor();
			await dlg.getByLabel("Extra minutes").fill("10");
			await dlg.getByRole("button", { name: "Extend time" }).click();
			await page.locator("ol.timeline [data-kind=extended]").waitFor();
			c = (await h.admin("GET", `/api/admin/candidates/${cid}`)).json.candidate;
			h.assert(c.session.remaining_seconds > before + 9 * 60, `extended by 10 minutes: ${c.session.remaining_seconds}`);

			await page.getByRole("button", { name: "New invitation link…" }).click();
			await page.getByRole("dialog").getByRole("button", { name: "Create new link" }).click();
			const url = await page.getByLabel("Invitation link", { exact: true }).inputValue();
			const token = /invite=([0-9a-f]{64})$/.exec(url)[1];
			h.assert((await h.api("POST", "/api/invitation", { invite_token: token })).status === 200, "the new link works");
			h.assert((await h.api("POST", "/api/invitation", { invite_token: inv.invite_token })).status === 401, "the old one does not");

			// CSV export from the list
			await page.getByRole("link", { name: "Candidates", exact: true }).click();
			await page.getByRole("heading", { level: 1, name: "Candidates" }).waitFor();
			const row = page.locator("tr", { hasText: name });
			h.assert((await row.locator("[data-score]").textContent()) === "6 / 6", "the list shows the score");
			const [download] = await Promise.all([
				page.waitForEvent("download"),
				page.getByRole("button", { name: "Export CSV" }).click(),
			]);
			h.assert(download.suggestedFilename() === "scores.csv", `file name: ${download.suggestedFilename()}`);
			const csv = fs.readFileSync(await download.path(), "utf8");
			const line = csv.split("\r\n").find((l) => l.includes(name));
			h.assert(line, "the CSV has the candidate");
			h.assert(line.includes('"6","6","100.0"'), `score, max and percent in the CSV: ${line}`);
		},
	},
	{
		name: "admin dialogs: one at a time, and none outlives a navigation",
		fn: async (h) => {
			const page = await h.newPage();
			await h.adminSignIn(page);
			const open = () => page.locator("dialog[open]").count();
			// an unsaved form: leaving asks, and a second navigation does not stack a second question
			await page.getByRole("link", { name: "New question" }).click();
			await page.getByRole("heading", { level: 1, name: "New question" }).waitFor();
			await page.getByLabel("Title").fill(`Unsaved ${suffix}`);
			await page.evaluate(() => { location.hash = "#/candidates"; });
			await page.getByRole("heading", { name: "Leave without saving?" }).waitFor();
			await page.evaluate(() => { location.hash = "#/jobs"; });
			await page.getByRole("heading", { name: "Leave without saving?" }).waitFor();
			h.assert(await open() === 1, `one dialog on screen, not ${await open()}`);
			await page.getByRole("button", { name: "Leave without saving" }).click();
			await page.getByRole("heading", { level: 1, name: "Jobs" }).waitFor();
			h.assert(page.url().endsWith("#/jobs"), `the second navigation wins: ${page.url()}`);
			// a dialog of a page closes when the browser goes back from it
			const inv = await h.invite(`Dialog Dora ${suffix}`, [(await h.bankQuestion("01-sensor-summary")).id]);
			await page.goto(`${h.base}/admin/#/candidates/${inv.candidate.candidate_id}`);
			await page.getByRole("heading", { level: 1, name: `Dialog Dora ${suffix}` }).waitFor();
			await page.getByRole("button", { name: "Delete candidate…" }).click();
			await page.locator("dialog[open]").waitFor();
			await page.goBack();
			await page.waitForFunction(() => !document.querySelector("dialog[open]"));
			h.assert(await open() === 0, "the dialog closed with the page");
			h.assert((await h.admin("GET", `/api/admin/candidates/${inv.candidate.candidate_id}`)).status === 200, "and deleted nothing");
		},
	},
	{
		name: "admin saves a question without tests: warned, and no invitation can hold it",
		fn: async (h) => {
			const page = await h.newPage();
			await h.adminSignIn(page);
			await page.getByRole("link", { name: "New question" }).click();
			await page.getByRole("heading", { level: 1, name: "New question" }).waitFor();
			const title = `No Tests ${suffix}`;
			await page.getByLabel("Title").fill(title);
			await page.getByLabel("Description (Markdown)").fill("Print nothing.");
			// the form says so before the save
			await page.getByText("No tests yet: the question can be saved").waitFor();
			await page.getByRole("button", { name: "Save question" }).last().click();
			const saved = page.locator(".save-status .banner-warn");
			await saved.waitFor();
			h.assert(/without tests: no candidate can be invited/.test(await saved.textContent()),
				`the save warns: ${await saved.textContent()}`);
			await h.shot(page, "admin-question-without-tests");
			// an invitation with it is refused, with the reason on screen
			await page.getByRole("link", { name: "Candidates", exact: true }).click();
			await page.getByRole("link", { name: "New candidate" }).click();
			await page.getByRole("heading", { level: 1, name: "New candidate" }).waitFor();
			await page.getByLabel("Name").fill(`Nobody ${suffix}`);
			await page.getByLabel("Email").fill(`nobody.${suffix}@example.com`);
			await page.getByLabel("Filter the bank").fill(title);
			await page.getByLabel(title).check();
			await page.getByRole("button", { name: "Create and get the link" }).click();
			await page.getByText("has no test cases: nobody could score on it").waitFor();
			h.assert(await page.getByRole("heading", { name: `Invitation for Nobody ${suffix}` }).count() === 0,
				"no invitation was made");
			const list = await h.admin("GET", `/api/admin/candidates?q=${encodeURIComponent("nobody." + suffix)}`);
			h.assert(list.status === 200 && !JSON.stringify(list.json).includes(`nobody.${suffix}`),
				"and no candidate was stored");
		},
	},
];
