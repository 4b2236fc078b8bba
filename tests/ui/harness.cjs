// tests/ui/harness.cjs - what the browser scenarios share: a private stack (nginx,
// the ce-fcgi pool, an embedded PostgreSQL, the sandbox) started with conf/service.sh,
// one headless Debian Chromium driven by playwright-core, an HTTP client for set-up
// through the API, screenshots, assertions.
//
// Scenario files (tests/ui/*.cjs other than this one) export
//   module.exports = [{ name: "...", fn: async (h) => { ... } }, ...]
// and tests/ui_test.cjs runs them in order against one stack.
"use strict";
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "tests", "out");
const SHOTS = path.join(OUT, "ui");
const PORT = Number(process.env.UI_TEST_PORT || 18190);
const VAR = path.join(OUT, process.env.UI_TEST_PORT ? `var-ui-${PORT}` : "var-ui");
const GRACE = 20;                 // seconds a closed tab has to come back before it counts as abandoned
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const h = {
	root: ROOT,
	base: `http://127.0.0.1:${PORT}`,
	grace: GRACE,
	adminPassword: "ui-" + crypto.randomBytes(18).toString("base64url"),
	adminToken: null,
	browser: null,
	pages: [],
	failures: [],            // console errors and page errors seen, by scenario
	current: "",
};

// conf/service.sh with this stack's environment; its output goes to a log file
// (it leaves nginx holding its stdout, so a pipe would never close)
function service(cmd) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (!/^(DATABASE_URL|CE_|EXEC_RATE|EXEC_BURST)/.test(k)) env[k] = v;
	}
	Object.assign(env, {
		PORT: String(PORT), TLS_PORT: "0", VAR_DIR: VAR, ADMIN_PASSWORD: h.adminPassword,
		CE_ABANDON_GRACE: String(GRACE), CE_HEARTBEAT_TIMEOUT: "3600", POOL_SIZE: "4",
		EXEC_RATE: "50", EXEC_BURST: "100",
	});
	const log = fs.openSync(path.join(OUT, `ui-service-${cmd}.log`), "w");
	const r = spawnSync("sh", [path.join(ROOT, "conf", "service.sh"), cmd],
		{ cwd: ROOT, env, stdio: ["ignore", log, log], timeout: 300000 });
	fs.closeSync(log);
	return r.status;
}

h.sleep = (ms) => new Promise((res) => setTimeout(res, ms));

h.assert = (cond, message) => {
	if (!cond) throw new Error("assertion failed: " + message);
};

// one request through nginx; body is JSON-encoded unless it is a string
h.api = async (method, p, body, token) => {
	const headers = {};
	if (token) headers.Authorization = `Bearer ${token}`;
	let data;
	if (body !== undefined && body !== null) {
		data = typeof body === "string" ? body : JSON.stringify(body);
		headers["Content-Type"] = "application/json";
	}
	const r = await fetch(h.base + p, { method, headers, body: data });
	const text = await r.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch (e) {
		json = null;
	}
	return { status: r.status, json, text, headers: r.headers };
};

h.admin = (method, p, body) => h.api(method, p, body, h.adminToken);

// a bank question by its directory name (sql/questions/NN-slug), with the ids the
// database gave it and its reference solutions
h.bankQuestion = async (slug) => {
	const dir = path.join(ROOT, "sql", "questions", slug);
	const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
	const r = await h.admin("GET", "/api/admin/questions");
	const q = r.json.questions.find((x) => x.title === meta.title);
	h.assert(q, `bank question ${slug} is loaded`);
	const sol = {};
	for (const f of fs.readdirSync(path.join(dir, "solution"))) sol[f] = fs.readFileSync(path.join(dir, "solution", f), "utf8");
	return { ...q, meta, solution: sol, dir };
};

// a candidate invited to the given questions: {candidate, invite_token, invite_url}
h.invite = async (name, questionIds, minutes) => {
	const r = await h.admin("POST", "/api/admin/candidates", {
		name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`,
		question_ids: questionIds, test_duration_minutes: minutes || 60,
	});
	h.assert(r.status === 201 || r.status === 200, `create candidate: ${r.status} ${r.text}`);
	return r.json;
};

// Every slot of the live judge hosts busy for about `seconds` with a sleeping
// /execute job (added with ?wait=false), so that what is added next waits in the
// queue. Resolves to the execution ids once they all run.
h.fillSlots = async (seconds) => {
	const slots = (await h.api("GET", "/health")).json.slots;
	h.assert(slots > 0, "the judge hosts have slots");
	const job = {
		language: "python", code: `import time\ntime.sleep(${seconds})\nprint(1)\n`,
		test_cases: [{ input: "", expected_output: "1" }], timeout: seconds + 5,
	};
	const ids = [];
	for (let i = 0; i < slots; i++) {
		const r = await h.api("POST", "/execute?wait=false", job);
		h.assert(r.status === 202, `a slow /execute job is queued: ${r.status} ${r.text}`);
		ids.push(r.json.execution_id);
	}
	const deadline = Date.now() + 20000;
	while ((await h.api("GET", "/health")).json.slots_busy < slots) {
		h.assert(Date.now() < deadline, "the slow jobs start within 20 s");
		await h.sleep(50);
	}
	return ids;
};

// a fresh browser context (own cookies and storage) at 1280x720
h.newPage = async (opts = {}) => {
	const ctx = await h.browser.newContext({
		viewport: { width: 1280, height: 720 }, ...opts,
	});
	const page = await ctx.newPage();
	const who = h.current;
	page.on("pageerror", (e) => h.failures.push(`${who}: page error: ${e.message}`));
	page.on("console", (m) => {
		if (m.type() === "error" && !/Failed to load resource/.test(m.text()))
			h.failures.push(`${who}: console error: ${m.text()}`);
	});
	h.pages.push(page);
	return page;
};

// the recruiter pages, signed in as the first admin, on the question bank
h.adminSignIn = async (page) => {
	await page.goto(`${h.base}/admin/`);
	await page.getByLabel("Username").fill("admin");
	await page.getByLabel("Password").fill(h.adminPassword);
	await page.getByRole("button", { name: "Sign in" }).click();
	await page.getByRole("heading", { level: 1, name: "Question bank" }).waitFor();
};

// the bank question the candidate's scenarios use, and an answer to it that runs but is wrong
h.sensor = {
	slug: "01-sensor-summary",
	wrongPy: [
		"import sys",
		"d = sys.stdin.read().split()",
		"a = [int(x) for x in d[1:1 + int(d[0])]]",
		"print(min(a), max(a), sum(a), 0)",   // the last number is wrong
		"",
	].join("\n"),
};

// the candidate's page: through the preview to the workspace
h.startTest = async (page, inv) => {
	await page.goto(inv.invite_url);
	await page.waitForSelector("#view-preview:not([hidden])");
	await page.click("#start-btn");
	await page.waitForSelector("#view-test:not([hidden])");
};

// A button that takes clicks again: neither disabled nor aria-disabled (a busy
// control keeps its focus, so it says it is busy with aria-disabled="true").
h.enabledSelector = (sel) => `${sel}:not([disabled]):not([aria-disabled="true"])`;
h.waitEnabled = (page, sel, timeout) => page.waitForSelector(h.enabledSelector(sel), { timeout: timeout || 60000 });

// replace the editor's text as a paste would (typing would trigger auto-indent)
h.setCode = async (page, text) => {
	await page.click(".cm-content");
	await page.keyboard.press("Control+a");
	await page.keyboard.insertText(text);
};

h.shot = async (page, name) => {
	fs.mkdirSync(SHOTS, { recursive: true });
	const file = path.join(SHOTS, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
};

h.start = async () => {
	fs.mkdirSync(OUT, { recursive: true });
	fs.rmSync(SHOTS, { recursive: true, force: true });
	service("stop");                         // a leftover of an earlier run
	fs.rmSync(VAR, { recursive: true, force: true });
	if (service("start") !== 0)
		throw new Error("service.sh start failed; see tests/out/ui-service-start.log");
	const deadline = Date.now() + 60000;
	for (;;) {
		try {
			if ((await h.api("GET", "/health")).status === 200) break;
		} catch (e) { /* not listening yet */ }
		if (Date.now() > deadline) throw new Error("the service did not become healthy in 60 s");
		await h.sleep(500);
	}
	const r = await h.api("POST", "/api/admin/login", { username: "admin", password: h.adminPassword });
	h.assert(r.status === 200 && r.json.token, `admin login: ${r.text}`);
	h.adminToken = r.json.token;
	// headless, no sandbox (we run as root), no network of its own; playwright gives
	// every launch a fresh temporary user-data dir
	h.browser = await chromium.launch({
		executablePath: CHROMIUM, headless: true,
		args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps"],
	});
};

h.stop = async () => {
	if (h.browser) await h.browser.close().catch(() => {});
	h.browser = null;
	service("stop");
};

h.closePages = async () => {
	for (const p of h.pages.splice(0)) await p.context().close().catch(() => {});
};

module.exports = h;
