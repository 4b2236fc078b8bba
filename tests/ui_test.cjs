// tests/ui_test.cjs - the pages in a real browser: Debian's Chromium, driven by
// playwright-core, against a private stack (see tests/ui/harness.cjs).
//
//   make all && NODE_PATH=build/npm/node_modules node tests/ui_test.cjs [filter]
//
// Runs every scenario of tests/ui/*.cjs whose name contains the filter; screenshots
// go to tests/out/ui/.  The last line is "ui: N passed, M failed".
"use strict";
const fs = require("fs");
const path = require("path");
const h = require("./ui/harness.cjs");

const SCENARIO_TIMEOUT_MS = 240000;

function scenarios(filter) {
	const dir = path.join(__dirname, "ui");
	const all = [];
	for (const f of fs.readdirSync(dir).sort()) {
		if (!f.endsWith(".cjs") || f === "harness.cjs") continue;
		for (const s of require(path.join(dir, f))) all.push(s);
	}
	// admin first: the candidate scenarios do not depend on it, the report check does
	const order = (s) => (s.name.startsWith("admin") ? 0 : s.name.startsWith("candidate") ? 1 : 2);
	return all.filter((s) => !filter || s.name.includes(filter)).sort((a, b) => order(a) - order(b));
}

function withTimeout(p, ms, what) {
	let timer;
	return Promise.race([p, new Promise((_, rej) => {
		timer = setTimeout(() => rej(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
	})]).finally(() => clearTimeout(timer));
}

async function main() {
	const list = scenarios(process.argv[2]);
	let passed = 0, failed = 0;
	const stopOnSignal = () => h.stop().finally(() => process.exit(130));
	process.on("SIGINT", stopOnSignal);
	process.on("SIGTERM", stopOnSignal);
	try {
		const t0 = Date.now();
		await h.start();
		console.log(`stack and browser up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
		for (const s of list) {
			h.current = s.name;
			const before = h.failures.length;
			const t = Date.now();
			try {
				await withTimeout(s.fn(h), SCENARIO_TIMEOUT_MS, s.name);
				const errs = h.failures.slice(before);
				if (errs.length) throw new Error("the page reported errors:\n  " + errs.join("\n  "));
				passed++;
				console.log(`ok   ${s.name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
			} catch (e) {
				failed++;
				console.log(`FAIL ${s.name} (${((Date.now() - t) / 1000).toFixed(1)} s)\n  ${e.stack || e}`);
				for (const [i, p] of h.pages.entries()) {
					await h.shot(p, `failed-${s.name.replace(/[^a-z0-9]+/gi, "-")}-${i}`).catch(() => {});
				}
			}
			await h.closePages();
		}
	} catch (e) {
		failed++;
		console.log(`FAIL set-up\n  ${e.stack || e}`);
	} finally {
		await h.stop();
	}
	if (list.length === 0) {
		failed++;
		console.log("FAIL no scenario matched");
	}
	console.log(`ui: ${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

main();
