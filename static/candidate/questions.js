// questions.js - the questions of the test: loaded once with every one's
// details (the editor needs each one's starter code, the final auto-submit
// all of them), the list with each one's status and best score, and the
// statement with its sample tests: a function question's signature and typed
// examples, an interactive question's transcripts, a PDF statement's link.
import { idPath } from "../common/api.js";
import { byId, h, setChildren } from "../common/dom.js";
import { fmtScore } from "../common/format.js";
import { argumentsOf, signatureLine } from "../common/signature.js";
import { ioBlock } from "./results.js";

/* Descriptions often open with "# <title>", which the page already shows. */
function withoutTitleHeading(text, title) {
	const m = /^\s*#\s+(.*)\n/.exec(text);
	return m && m[1].trim() === String(title).trim() ? text.slice(m[0].length) : text;
}

/* A function question's sample: each argument with its type, then the value returned. */
function functionSample(sig, t) {
	const args = argumentsOf(sig, t.input);
	if (!args) return h("div", { class: "io-grid" }, ioBlock("Arguments", t.input), ioBlock("Returns", t.expected_output));
	const types = new Map((sig.params || []).map((p) => [p.name, p.type]));
	return h("dl", { class: "example" },
		args.map(([name, value]) => h("div", { class: "example-row" },
			h("dt", {}, h("code", {}, name), " ", h("span", { class: "arg-type" }, types.get(name))),
			h("dd", {}, h("pre", { tabindex: 0 }, value)))),
		h("div", { class: "example-row example-return" },
			h("dt", {}, "returns ", h("span", { class: "arg-type" }, sig.returns)),
			h("dd", {}, h("pre", { tabindex: 0 }, String(t.expected_output || "").trim()))));
}

function renderSamples(q) {
	const tests = q.test_cases || [];
	const box = byId("q-samples");
	if (!tests.length) {
		setChildren(box, h("p", { class: "muted" }, "This question has no sample tests."));
		return;
	}
	const fn = q.kind === "function" && q.signature;
	setChildren(box, tests.map((t, i) => h("div", { class: "sample" },
		h("h4", {}, (fn ? "Example " : "Sample ") + (i + 1)),
		fn ? functionSample(q.signature, t)
			: t.interaction
				? h("div", {}, t.input ? ioBlock("Input", t.input) : null,
					ioBlock("Interaction (lines starting with > are your program's, < the judge's)", t.interaction, "io-interaction"))
				: h("div", { class: "io-grid" }, ioBlock("Input", t.input), ioBlock("Expected output", t.expected_output)))));
}

/* The function to write, above the statement. */
function renderSignature(q) {
	const box = byId("q-signature");
	const sig = q.kind === "function" ? q.signature : null;
	box.hidden = !sig;
	if (!sig) {
		box.replaceChildren();
		return;
	}
	setChildren(box,
		h("div", { class: "sig-label" }, "Write this function"),
		h("pre", { class: "sig-line" }, h("code", {}, signatureLine(sig))),
		h("p", { class: "sig-note" }, "Your code defines it; it does not read input or print the answer. "
			+ "The tests call it with the arguments shown in the examples."));
}

// session: for request() (loading) and call() (refreshing during the test).
export function createQuestions(session) {
	let list = [];               // GET /api/questions, in test order
	const details = new Map();   // question id -> GET /api/questions/:id question

	function byQid(id) {
		return list.find((q) => q.id === id) || null;
	}

	function progressOf(id) {
		const q = byQid(id);
		return (q && q.progress) || { attempts: 0, best_score: 0, max_score: 0, solved: false };
	}

	/* not started / attempted / solved, with the best score once submitted */
	function statusOf(id, touched) {
		const p = progressOf(id);
		// the best submission counts: a later, lower one does not lower it
		const score = p.attempts > 0 ? "best " + fmtScore(p.best_score) + "/" + fmtScore(p.max_score) + " pts" : "";
		if (p.solved) return { label: "Solved", score, cls: "badge-ok" };
		if (p.attempts > 0 || touched(id)) return { label: "Attempted", score, cls: "badge-warn" };
		return { label: "Not started", score: "", cls: "badge-neutral" };
	}

	/* The PDF statement's link: fetched with the session token, opened as a blob. */
	function renderPdf(q) {
		const p = byId("q-pdf");
		p.hidden = !q.has_statement_pdf;
		if (!q.has_statement_pdf) {
			p.replaceChildren();
			return;
		}
		const note = h("span", { class: "pdf-note", role: "status" });
		const btn = h("button", { type: "button", class: "btn-link pdf-link" }, "Open the statement (PDF)");
		btn.addEventListener("click", async () => {
			const w = window.open("", "_blank");
			note.textContent = "Opening…";
			const res = await session.file("/api/questions/" + idPath(q.id) + "/statement.pdf");
			if (!res || !res.ok) {
				if (w) w.close();
				note.textContent = "The PDF could not be opened" + (res ? " (error " + res.status + ")" : "") + ". Try again.";
				return;
			}
			const url = URL.createObjectURL(await res.blob());
			if (w) {
				w.location.href = url;
				note.textContent = "";
			} else {
				// a blocked pop-up: a link the candidate opens
				note.replaceChildren(h("a", { href: url, target: "_blank", rel: "noopener", download: "statement.pdf" }, "Download the PDF"));
			}
		});
		setChildren(p, btn, " ", note);
	}

	return {
		has: (id) => details.has(id),
		// a function question's signature, or null
		signature(id) {
			const q = details.get(id);
			return q && q.kind === "function" && q.signature ? q.signature : null;
		},
		first: () => (list.length ? list[0].id : ""),
		ids: () => list.map((q) => q.id),

		starter(id, lang) {
			const q = details.get(id);
			const bp = q && q.boiler_plate;
			return bp && typeof bp[lang] === "string" ? bp[lang] : "";
		},

		// The list, then every question's details; resolves to whether all came.
		async load() {
			const res = await session.request("GET", "/api/questions");
			if (res.status !== 200) return false;
			list = res.json.questions;
			const all = await Promise.all(list.map(async (q) => {
				const r = await session.request("GET", "/api/questions/" + idPath(q.id));
				if (r.status !== 200) return false;
				details.set(q.id, r.json.question);
				return true;
			}));
			return all.every(Boolean);
		},

		// Scores from the server (the best submission counts); resolves to
		// whether they came.
		async refresh() {
			const res = await session.call("GET", "/api/questions");
			if (res.status !== 200) return false;
			for (const fresh of res.json.questions) {
				const q = byQid(fresh.id);
				if (q) q.progress = fresh.progress;
			}
			return true;
		},

		// A submission's outcome, counted at once (refresh() confirms it).
		recordSubmission(id, data) {
			const q = byQid(id);
			if (!q) return;
			const p = progressOf(id);
			const s = data.summary || {};
			q.progress = {
				attempts: p.attempts + 1,
				best_score: Math.max(p.best_score, s.score || 0),
				max_score: s.max_score || p.max_score,
				solved: p.solved || data.status === "accepted",
			};
		},

		// current: the open question. touched(id): the candidate has run it or
		// written code for it. onOpen(id): a question was picked.
		renderList(current, touched, onOpen) {
			setChildren(byId("qlist"), list.map((q, i) => {
				const st = statusOf(q.id, touched);
				return h("li", {}, h("button", {
					type: "button", class: "q-item", "data-qid": q.id,
					"aria-current": q.id === current ? "true" : null, onclick: () => onOpen(q.id),
				},
				h("span", { class: "q-num" }, String(i + 1)),
				h("span", { class: "q-main" },
					h("span", { class: "q-name" }, q.title),
					h("span", { class: "badge " + st.cls }, st.label + (st.score ? " · " + st.score : "")))));
			}));
		},

		renderProblem(id) {
			const q = details.get(id);
			byId("q-title").textContent = q.title;
			const meta = [];
			if (q.difficulty) meta.push("Difficulty: " + q.difficulty);
			if (q.time_limit_ms) meta.push("Time limit: " + (q.time_limit_ms / 1000) + " s per test");
			if (q.memory_limit_mb) meta.push("Memory: " + q.memory_limit_mb + " MB");
			if (q.total_tests) meta.push(q.total_tests + " tests");
			byId("q-meta").textContent = meta.join(" · ");
			renderSignature(q);
			renderPdf(q);
			setChildren(byId("q-desc"), window.CEMarkdown.render(withoutTitleHeading(q.description || "", q.title)));
			renderSamples(q);
			byId("problem").scrollTop = 0;
		},
	};
}
