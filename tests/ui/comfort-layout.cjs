// tests/ui/comfort-layout.cjs - the candidate page's comfort (issue 14, section 1):
// the focus stays on Start, Run, Submit and the admin's "Run check" while they work,
// and the result is read out by a polite live region; the timer, Finish, Run and
// Submit stay on screen at 1280x720 and 1024x768 whatever the length of the question
// and the results; the bars between the panes move by mouse and keyboard and are
// remembered; the custom input and the last results are per question and survive a
// reload; a page that no longer gets an answer about its run says so.
"use strict";
const { startTest: start, setCode, waitEnabled } = require("./harness.cjs");

const SLUG = "01-sensor-summary";
const ECHO_PY = "import sys\nsys.stdout.write(sys.stdin.read())\n";

async function setup(h, name, slugs) {
	const qs = [];
	for (const s of slugs || [SLUG]) qs.push(await h.bankQuestion(s));
	const inv = await h.invite(name, qs.map((q) => q.id), 60);
	return { qs, inv, cid: inv.candidate.candidate_id };
}

const focused = (page) => page.evaluate(() => {
	const a = document.activeElement;
	return a ? (a.id || a.tagName.toLowerCase() + (a.textContent ? ":" + a.textContent.trim().slice(0, 30) : "")) : "";
});

// Data boxes (pre) under root: none cuts its text off at the side, and each one
// that scrolls is focusable and named. Returns what was seen.
async function dataBoxes(h, page, root, what) {
	// the boxes see their size after a layout
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	const boxes = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} pre`)].filter((p) => p.offsetParent)
		.map((p) => ({ wide: p.scrollWidth > p.clientWidth + 1, tall: p.scrollHeight > p.clientHeight + 1,
			tab: p.tabIndex, name: p.getAttribute("aria-label") || "" })), root);
	h.assert(boxes.length > 0, `${what}: data boxes are shown`);
	const cut = boxes.filter((b) => b.wide);
	h.assert(cut.length === 0, `${what}: no data box runs out at the side: ${JSON.stringify(cut)}`);
	const unreachable = boxes.filter((b) => b.tall && (b.tab !== 0 || !b.name));
	h.assert(unreachable.length === 0, `${what}: every box that scrolls is focusable and named: ${JSON.stringify(unreachable)}`);
	return boxes;
}

// a question with a long statement and many sample tests with data: long results
async function longQuestion(h) {
	const para = "This paragraph makes the statement long enough to scroll. ".repeat(12);
	const tests = [];
	for (let i = 1; i <= 14; i++) {
		const input = Array.from({ length: 6 }, (_, k) => `line ${k + 1} of sample ${i}`).join("\n") + "\n";
		tests.push({ input, expected_output: input, is_sample: true, points: 1 });
	}
	const r = await h.admin("POST", "/api/admin/questions", {
		title: `Long echo ${Date.now().toString(36)}`, question: Array(25).fill(para).join("\n\n"),
		difficulty: "easy", tags: [], boiler_plate: {}, time_limit_ms: 2000, memory_limit_mb: 64, test_cases: tests,
	});
	h.assert(r.status === 200 || r.status === 201, `create the long question: ${r.status} ${r.text}`);
	return r.json.question;
}

// scroll the page and every scrollable pane to its end; then where the controls are
async function scrolledPlaces(page) {
	return page.evaluate(() => {
		window.scrollTo(0, document.documentElement.scrollHeight);
		for (const el of document.querySelectorAll("*")) {
			if (el.scrollHeight > el.clientHeight + 1) el.scrollTop = el.scrollHeight;
		}
		const inView = (id) => {
			const r = document.getElementById(id).getBoundingClientRect();
			return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
		};
		const out = {};
		for (const id of ["timer", "finish-btn", "run-btn", "submit-btn"]) out[id] = inView(id);
		out.scrolled = window.scrollY + [...document.querySelectorAll(".coding-lower, .coding, #problem")]
			.reduce((a, el) => a + el.scrollTop, 0);
		return out;
	});
}

async function bar(page, id) {
	return page.evaluate((i) => {
		const b = document.getElementById(i);
		return { now: Number(b.getAttribute("aria-valuenow")), role: b.getAttribute("role"), tab: b.tabIndex,
			problem: document.getElementById("problem").getBoundingClientRect().width,
			editor: document.getElementById("editor").getBoundingClientRect().height };
	}, id);
}

module.exports = [
	{
		name: "comfort: focus stays on Start, Run, Submit and Run check; the result is announced",
		fn: async (h) => {
			const { qs, inv } = await setup(h, "Focus Keeper");
			const page = await h.newPage();
			await page.goto(inv.invite_url);
			await page.waitForSelector("#view-preview:not([hidden])");
			await page.focus("#start-btn");
			await page.keyboard.press("Enter");
			await page.waitForSelector("#view-test:not([hidden])");
			await page.waitForFunction(() => document.activeElement && document.activeElement.id === "q-title", null, { timeout: 10000 })
				.catch(() => {});
			h.assert(await focused(page) === "q-title", `after Start the question's heading has the focus, not ${await focused(page)}`);

			await setCode(page, qs[0].solution["main.py"]);
			for (const [sel, done] of [["#run-btn", /Run \(Python[^)]*\): 2 of 2 sample tests passed/], ["#submit-btn", /Submission accepted/]]) {
				await page.focus(sel);
				await page.keyboard.press("Enter");
				h.assert(await focused(page) === sel.slice(1), `${sel} keeps the focus while it works, not ${await focused(page)}`);
				h.assert(await page.getAttribute(sel, "aria-disabled") === "true", `${sel} says it is busy`);
				// a second press while busy does nothing
				await page.keyboard.press("Enter");
				await waitEnabled(page, sel, 90000);
				const where = await focused(page);
				h.assert(where === sel.slice(1) || where === "results-title", `${sel}: the focus is on the button after the result, not ${where}`);
				const live = await page.evaluate(() => {
					const s = document.getElementById("results-status");
					return { role: s.getAttribute("role"), live: s.getAttribute("aria-live"), text: s.textContent };
				});
				h.assert((live.role === "status" || live.live === "polite") && done.test(live.text),
					`${sel}: the polite live region got the result: ${JSON.stringify(live)}`);
			}
			const r = await h.admin("GET", `/api/admin/candidates/${inv.candidate.candidate_id}`);
			h.assert((r.json.candidate.submissions || []).length === 1, "the second Enter while busy sent nothing");

			// the admin's Run check
			const admin = await h.newPage();
			await h.adminSignIn(admin);
			await admin.goto(`${h.base}/admin/#/questions/${encodeURIComponent(qs[0].id)}`);
			const run = admin.getByRole("button", { name: "Run check" });
			await run.waitFor({ timeout: 30000 });
			await admin.locator(".editor-check .cm-content").fill(qs[0].solution["main.py"]);
			await run.focus();
			await admin.keyboard.press("Enter");
			const during = await admin.evaluate(() => {
				const a = document.activeElement;
				return { tag: a.tagName, text: a.tagName === "BUTTON" ? a.textContent : "", busy: a.getAttribute("aria-disabled") };
			});
			h.assert(during.tag === "BUTTON" && /Checking/.test(during.text) && during.busy === "true",
				`Run check keeps the focus while it checks: ${JSON.stringify(during)}`);
			await run.waitFor({ timeout: 120000 });
			await admin.locator(".check-summary").waitFor();
			h.assert(await admin.evaluate(() => document.activeElement.textContent.trim() === "Run check"),
				`the focus is on Run check after the result, not ${await focused(admin)}`);
			const said = await admin.locator(".check-said").textContent();
			h.assert(/Check finished: Accepted, \d+ of \d+ tests passed/.test(said) &&
				await admin.locator(".check-said").getAttribute("role") === "status", `the result is announced: "${said}"`);
			await h.shot(admin, "comfort-admin-check-focus");
		},
	},
	{
		name: "comfort: timer, Finish, Run and Submit stay on screen at 1280x720 and 1024x768; panes resize and are remembered",
		fn: async (h) => {
			const q = await longQuestion(h);
			const inv = await h.invite("Layout Looker", [q.id], 60);
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, ECHO_PY);
			await page.fill("#custom-input", Array.from({ length: 40 }, (_, i) => `custom line ${i}`).join("\n"));
			await page.click("#run-btn");
			await waitEnabled(page, "#run-btn", 90000);
			h.assert(/14 of 14 sample tests passed/.test(await page.textContent("#results-status")), "the long run passed");

			for (const [width, height] of [[1280, 720], [1024, 768]]) {
				await page.setViewportSize({ width, height });
				await page.waitForTimeout(300);
				const at = await scrolledPlaces(page);
				h.assert(at.scrolled > 0, `${width}x${height}: something scrolled: ${JSON.stringify(at)}`);
				for (const id of ["timer", "finish-btn", "run-btn", "submit-btn"])
					h.assert(at[id], `${width}x${height}: #${id} is on screen after scrolling: ${JSON.stringify(at)}`);
				await page.screenshot({ path: require("path").join(h.root, "tests", "out", "ui", `comfort-layout-${width}x${height}.png`) });
			}

			await page.setViewportSize({ width: 1280, height: 720 });
			const boxes = await dataBoxes(h, page, "#results-body", "the candidate's results");
			h.assert(boxes.some((b) => b.tall), "the custom input's long output scrolls in its box");

			// the bar between the question and the code: a separator that the mouse drags
			const cols0 = await bar(page, "split-cols");
			h.assert(cols0.role === "separator" && cols0.tab === 0 && cols0.now > 0, `a focusable separator with its value: ${JSON.stringify(cols0)}`);
			const box = await page.locator("#split-cols").boundingBox();
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
			await page.mouse.down();
			await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2, { steps: 8 });
			await page.mouse.up();
			const cols1 = await bar(page, "split-cols");
			h.assert(cols1.now > cols0.now && cols1.problem > cols0.problem + 100,
				`dragging widens the question: ${JSON.stringify([cols0, cols1])}`);
			// ... and the keyboard moves the one between the editor and the results
			const rows0 = await bar(page, "split-rows");
			await page.focus("#split-rows");
			for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowUp");
			const rows1 = await bar(page, "split-rows");
			h.assert(rows1.now === rows0.now - 10 && rows1.editor < rows0.editor - 20,
				`ArrowUp makes the editor smaller: ${JSON.stringify([rows0, rows1])}`);

			await page.reload();
			await page.waitForSelector("#view-test:not([hidden])");
			const cols2 = await bar(page, "split-cols");
			const rows2 = await bar(page, "split-rows");
			h.assert(cols2.now === cols1.now && Math.abs(cols2.problem - cols1.problem) < 3, `the question's width is kept: ${JSON.stringify([cols1, cols2])}`);
			h.assert(rows2.now === rows1.now, `the editor's height is kept: ${JSON.stringify([rows1, rows2])}`);
			await h.shot(page, "comfort-layout-resized");
		},
	},
	{
		name: "comfort: custom input per question; input and results kept across a reload",
		fn: async (h) => {
			const { qs, inv } = await setup(h, "Input Keeper", [SLUG, "02-bracket-inspector"]);
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, qs[0].solution["main.py"]);
			await page.fill("#custom-input", "3\n1 2 3\n");
			await page.click("#run-btn");
			await waitEnabled(page, "#run-btn", 90000);
			const ran = await page.textContent("#results-status");
			h.assert(/2 of 2 sample tests passed/.test(ran), `the run passed: ${ran}`);

			await page.click(".q-item >> nth=1");
			h.assert(await page.inputValue("#custom-input") === "", "the second question has its own, empty, custom input");
			await page.fill("#custom-input", "(()\n");
			await page.click(".q-item >> nth=0");
			h.assert(await page.inputValue("#custom-input") === "3\n1 2 3\n", "the first question's custom input is back");

			await page.reload();
			await page.waitForSelector("#view-test:not([hidden])");
			await page.waitForFunction(() => /sample tests passed/.test(document.getElementById("results-status").textContent), null, { timeout: 10000 })
				.catch(() => {});
			h.assert(await page.textContent("#results-status") === ran, `the results are back after a reload: "${await page.textContent("#results-status")}"`);
			h.assert((await page.textContent(".custom-result")).includes("1 3 6 1"), "the custom input's output is back");
			h.assert(await page.inputValue("#custom-input") === "3\n1 2 3\n", "the custom input is back after a reload");
			await page.click(".q-item >> nth=1");
			h.assert(await page.inputValue("#custom-input") === "(()\n", "the second question's custom input is back too");
			h.assert(/Run your code/.test(await page.textContent("#results-status")), "the second question has no results");
		},
	},
	{
		name: "comfort: a run whose answer does not come is asked again, not left on Running…",
		fn: async (h) => {
			const { qs, inv } = await setup(h, "Old Tab");
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, qs[0].solution["main.py"]);

			// no answer about the run: the page says so and asks again
			await page.route("**/api/executions/**", () => { /* never answered */ });
			await page.click("#run-btn");
			await page.waitForFunction(() => /No answer from the server/.test(document.getElementById("results-status").textContent),
				null, { timeout: 60000 });
			await h.shot(page, "comfort-run-unanswered");
			await page.unroute("**/api/executions/**");
			await page.waitForFunction(() => /sample tests passed/.test(document.getElementById("results-status").textContent),
				null, { timeout: 90000 });
			await waitEnabled(page, "#run-btn");
		},
	},
	{
		name: "comfort: an old tab is not left on Running… when another tab takes the test over",
		fn: async (h) => {
			const { qs, inv } = await setup(h, "Older Tab");
			const page = await h.newPage();
			await start(page, inv);
			await setCode(page, qs[0].solution["main.py"]);
			// another tab takes the session over while this one follows a queued run
			await h.fillSlots(12);
			await page.click("#run-btn");
			await page.waitForFunction(() => /Queued|Running|Compiling|Starting/.test(document.getElementById("results-status").textContent),
				null, { timeout: 15000 });
			const other = await page.context().newPage();
			await other.goto(inv.invite_url);
			await other.waitForSelector("#view-test:not([hidden])");
			await page.waitForFunction(() => /stopped following your run/.test(document.getElementById("results-status").textContent),
				null, { timeout: 30000 });
			h.assert(/reload this page/.test(await page.textContent("#results-status")), "the old tab says how to continue");
			await h.shot(page, "comfort-old-tab");
			await other.waitForFunction(() => /sample tests passed/.test(document.getElementById("results-status").textContent),
				null, { timeout: 90000 });
		},
	},
	{
		name: "comfort: a hidden test's data box in the report wraps, and one that scrolls takes the focus",
		fn: async (h) => {
			const { inv } = await setup(h, `Long Data ${Date.now().toString(36)}`);
			const page = await h.newPage();
			await start(page, inv);
			// wrong on every test, with long lines and many of them
			await setCode(page, "import sys\nd = sys.stdin.read()\nprint(d * 3)\nprint('x' * 400)\nprint('\\n'.join(map(str, range(30))))\n");
			await page.click("#submit-btn");
			await waitEnabled(page, "#submit-btn", 90000);
			await dataBoxes(h, page, "#results-body", "the candidate's results");

			const admin = await h.newPage();
			await h.adminSignIn(admin);
			await admin.goto(`${h.base}/admin/#/candidates/${encodeURIComponent(inv.candidate.candidate_id)}`);
			const sub = admin.locator("details.submission").first();
			await sub.waitFor({ timeout: 30000 });
			await sub.locator("> summary").click();
			const hidden = sub.locator(".tests-result tbody tr", { hasText: "Hidden" }).first();
			await hidden.locator("details > summary").click();
			await dataBoxes(h, admin, ".tests-result details[open]", "a hidden test in the report");
			const box = hidden.locator("pre[tabindex='0']").first();
			await box.focus();
			await admin.keyboard.press("End");
			// the scroll may take a frame or two
			const scrolled = await box.evaluate((p) => new Promise((res) => {
				const t0 = Date.now();
				(function look() {
					if (p.scrollTop > 0 || Date.now() - t0 > 5000) res(p.scrollTop > 0);
					else requestAnimationFrame(look);
				})();
			}));
			h.assert(scrolled, "End scrolls the focused box");
			await hidden.screenshot({ path: require("path").join(h.root, "tests", "out", "ui", "comfort-hidden-test-data.png") });
		},
	},
];
