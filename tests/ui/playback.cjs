// tests/ui/playback.cjs - what the recruiter sees of how the code was written: one
// candidate types, pastes from outside, leaves the page and submits while the page
// records it; another hands in the first one's code with every name changed. The
// first one's report counts the signals, replays the code at any moment with markers
// for the paste, the time away and the submit, and shows the two as a flagged pair,
// side by side with the shared lines marked.
"use strict";

const sfx = Date.now().toString(36);
const HEAD = "import sys\n\ndef main():\n    data = sys.stdin.read().split()\n";
const PASTED = [
	"    k = int(data[0])",
	"    counts = {}",
	"    for word in data[1:]:",
	"        word = word.lower().strip('.,;:!?')",
	"        if not word:",
	"            continue",
	"        counts[word] = counts.get(word, 0) + 1",
	"    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))",
	"    for word, count in ranked[:k]:",
	"        print(word, count)",
	"",
	"main()",
	"",
].join("\n");
const RENAMED = [
	"# counting words",
	"import sys",
	"",
	"",
	"def solve():",
	"    tokens = sys.stdin.read().split()",
	"    top = int(tokens[0])",
	"    freq = {}",
	"    for w in tokens[1:]:",
	"        w = w.lower().strip(\".,;:!?-\")",
	"        if not w:",
	"            continue",
	"        freq[w] = freq.get(w, 0) + 1",
	"",
	"    order = sorted(freq.items(), key=lambda p: (-p[1], p[0]))",
	"    for w, c in order[:top]:",
	"        print(w, c)",
	"",
	"solve()",
	"",
].join("\n");

async function submit(page) {
	await page.click("#submit-btn");
	await require("./harness.cjs").waitEnabled(page, "#submit-btn");
}

async function saved(page) {
	await page.waitForFunction(() => document.getElementById("save-status").textContent === "All changes saved",
		null, { timeout: 20000 });
}

module.exports = [
	{
		name: "playback: the report replays the code, lists the signals and flags a renamed copy",
		fn: async (h) => {
			const cq = await h.admin("POST", "/api/admin/questions", {
				title: `Top words ${sfx}`, question: "Print the k most frequent words.", difficulty: "easy",
				test_cases: [{ input: "2\nthe cat the dog the cat\n", expected_output: "the 3\ncat 2\n", is_sample: true, points: 1 }],
			});
			h.assert(cq.status === 201, `question: ${cq.text}`);
			const qid = cq.json.question.id;
			const ann = await h.invite(`Ann Typist ${sfx}`, [qid]);
			const ben = await h.invite(`Ben Copier ${sfx}`, [qid]);

			// Ann types the head, pastes the rest from outside the page, leaves the page, submits
			const a = await h.newPage();
			await h.startTest(a, ann);
			await a.click(".cm-content");
			await a.keyboard.press("Control+a");
			await a.keyboard.press("Delete");
			// line by line, as typing goes (a multi-character insert: no auto-indent, no closing brackets)
			for (const line of HEAD.split("\n").slice(0, -1)) await a.keyboard.insertText(line + "\n");
			await a.evaluate((text) => {
				const dt = new DataTransfer();
				dt.setData("text/plain", text);
				document.querySelector(".cm-content").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
			}, PASTED);
			const code = await a.evaluate(() => window.CEEditor.textOf(document.querySelector(".cm-content")));
			h.assert(code === HEAD + PASTED, `the editor holds the typed head and the paste: ${JSON.stringify(code)}`);
			await a.evaluate(() => window.dispatchEvent(new Event("blur")));
			await h.sleep(1300);
			await a.evaluate(() => window.dispatchEvent(new Event("focus")));
			await submit(a);
			await saved(a);

			// Ben hands in Ann's code with every name changed
			const b = await h.newPage();
			await h.startTest(b, ben);
			await h.setCode(b, RENAMED);
			await submit(b);
			await saved(b);

			const page = await h.newPage();
			await h.adminSignIn(page);
			await page.goto(`${h.base}/admin/#/candidates/${ann.candidate.candidate_id}`);
			await page.getByRole("heading", { level: 1, name: `Ann Typist ${sfx}` }).waitFor();
			const signals = await page.locator(".overview .integrity").textContent();
			h.assert(/^1 paste \(\d+ characters, 1 from outside the page\), 0 copies out of the page, left the page 1 time/.test(signals),
				`the integrity counts: ${signals}`);

			const player = page.locator(".player");
			await player.waitFor();
			const slider = player.locator("input.scrubber");
			const max = Number(await slider.getAttribute("max"));
			h.assert(max >= 5, `the recording has the changes: ${max}`);
			const shown = () => player.locator(".cm-content").evaluate((el) => window.CEEditor.textOf(el));
			h.assert(await shown() === HEAD + PASTED, "at its end the player shows the submitted code");
			await slider.fill("1");
			h.assert(!(await shown()).includes("ranked"), "near its start, code written later is not there yet");
			const kinds = await player.locator(".markers [data-kind]").evaluateAll((els) => els.map((e) => e.dataset.kind));
			for (const k of ["paste", "focus_lost", "submit"]) h.assert(kinds.includes(k), `a ${k} marker: ${kinds}`);
			await player.locator(".markers [data-kind=paste]").click();
			const before = await shown();
			h.assert(before.startsWith("import sys") && !before.includes("counts"), `at the paste: the typed head only: ${JSON.stringify(before)}`);
			// play it through at 30x
			await slider.fill("0");
			await player.getByLabel("Speed").selectOption("30");
			await player.getByRole("button", { name: "Play" }).click();
			await page.waitForFunction((m) => document.querySelector(".player input.scrubber").value === String(m), max, { timeout: 30000 });
			h.assert(await shown() === HEAD + PASTED, "played to the end, the code is the submitted one");

			// the pair, side by side
			const pair = page.locator(`.similar-pair[data-other="${ben.candidate.candidate_id}"]`);
			await pair.waitFor();
			const head = await pair.locator("p").first().textContent();
			const pct = Number((/(\d+)% shared/.exec(head) || [])[1]);
			h.assert(pct >= 80, `a renamed copy is flagged high: ${head}`);
			const sides = pair.locator("ol.code-lines");
			h.assert(await sides.nth(0).locator("li.shared").count() >= 8, "Ann's shared lines are marked");
			h.assert(await sides.nth(1).locator("li.shared").count() >= 8, "Ben's shared lines are marked");
			await pair.scrollIntoViewIfNeeded();
			await h.shot(page, "admin-playback");
		},
	},
];
