// report.js - one candidate: overview, session actions (extend, reopen, new
// link, delete), the notes and ratings, per question the best score with the
// best-scoring and the last submission, every submission with its per-test
// verdicts, the session timeline, and the printable report.
import { idPath } from "../common/api.js";
import { h, field, loading, busy, dialog, confirmDialog, dataBox } from "../common/dom.js";
import { fmtDate, fmtTime, fmtDuration, fmtBytes } from "../common/format.js";
import { loadLanguages } from "../common/languages.js";
import { canDiff, diffView } from "../common/diff.js";
import { verdictBadge } from "../common/verdicts.js";
import { api } from "./session.js";
import { announce, statusBadge, codeView } from "./ui.js";
import { inviteLinkBox, mailStatus, statusDetail, scoreText } from "./candidates.js";
import { difficultyBadge } from "./questions.js";
import { timelineLines } from "./timeline.js";
import { notesSection } from "./notes.js";
import { playbackSection } from "./playback.js";

function overview(c) {
	const s = c.session;
	const items = [
		["Status", [statusBadge(c.status), h("span", { class: "status-detail" }, statusDetail(c))]],
		["Score", h("strong", { class: "total-score" }, scoreText(c))],
		["Email", c.email || "—"],
		["Test length", `${c.test_duration_minutes} min`],
		["Invited", fmtDate(c.created_at)],
		["Started", s ? fmtDate(s.test_start_time) : "not yet"],
	];
	if (s && s.status === "active") items.push(["Ends", `${fmtDate(s.ends_at)} (${fmtDuration(s.remaining_seconds)} left)`]);
	if (s && s.completed_at) {
		items.push(["Ended", fmtDate(s.completed_at)],
			["Time used", fmtDuration((Date.parse(s.completed_at) - Date.parse(s.test_start_time)) / 1000)]);
	}
	// recorded and shown, never acted on
	const g = c.integrity;
	if (g) {
		const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
		items.push(["Integrity signals", h("span", { class: "integrity" },
			`${n(g.pastes, "paste", "pastes")} (${n(g.paste_chars, "character", "characters")}, ${g.pastes_from_outside} from outside the page), `
			+ `${n(g.copies, "copy", "copies")} out of the page, left the page ${n(g.focus_lost, "time", "times")} (${fmtDuration(g.focus_lost_seconds)})`)]);
	}
	return h("dl", { class: "overview" }, items.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));
}

// One submission's code under its label; its view is made once the page is on screen.
function submissionCode(kind, label, s, title, langs, editors) {
	const codeBox = h("div", { class: "editor-box code-view" });
	editors.push(codeView(codeBox, s.language, s.code, `${label} for ${title}`));
	return h("div", { class: "q-code", "data-submission": kind },
		h("p", { class: "muted" }, h("strong", {}, label), `: ${langs.name(s.language)}, ${s.score} ${s.score === 1 ? "point" : "points"}, submitted ${fmtDate(s.created_at)} `,
			verdictBadge(s.status)), codeBox);
}

// The best score of each question of the test, the best-scoring submission (which sets
// it) and, when another came after it, the last one.
function questionResults(c, langs, editors) {
	return c.questions.map((q, i) => {
		const best = q.best_score ?? null;
		const codes = !q.best ? [h("p", { class: "muted" }, "No submission for this question.")]
			: q.last_is_best ? [submissionCode("best last", "Best-scoring and last submission", q.best, q.title, langs, editors)]
			: [submissionCode("best", "Best-scoring submission (it sets the score)", q.best, q.title, langs, editors),
				submissionCode("last", "Last submission", q.last, q.title, langs, editors)];
		return h("article", { class: "card q-result", "data-question-id": q.id },
			h("div", { class: "q-result-head" },
				h("h3", {}, `${i + 1}. ${q.title}`), difficultyBadge(q.difficulty),
				h("p", { class: "best-score" }, "Best score ",
					h("strong", { "data-best-score": best === null ? "" : best }, best === null ? "—" : `${best} / ${q.max_score}`))),
			codes);
	});
}

// of: which test, for the name of a box that scrolls
function ioBlock(label, text, wide, of) {
	if (text === undefined || text === null) return null;
	return h("div", { class: wide ? "io io-wide" : "io" }, h("h4", {}, label),
		text === "" ? h("pre", { class: "mono" }, "(empty)") : dataBox(text, label + (of || ""), { class: "mono" }));
}

function testRow(r, i) {
	const of = ` of test ${i + 1}`;
	const shown = [ioBlock("Input", r.input, false, of), ioBlock("Expected output", r.expected_output, false, of),
		ioBlock("Output", r.output, false, of), ioBlock("Error", r.error, true, of)].filter(Boolean);
	return h("tr", {},
		h("th", { scope: "row", class: "num" }, i + 1),
		h("td", {}, r.hidden ? "Hidden" : "Sample"),
		h("td", {}, verdictBadge(r.status)),
		h("td", { class: "num" }, `${r.passed ? r.points : 0} / ${r.points}`),
		h("td", { class: "num nowrap" }, r.execution_time_ms === undefined ? "—" : `${r.execution_time_ms} ms`),
		h("td", { class: "num nowrap" }, fmtBytes(r.memory_usage_bytes)),
		h("td", {}, shown.length ? h("details", {}, h("summary", {}, "Data"), h("div", { class: "io-grid" }, shown),
			!r.passed && canDiff(r.expected_output, r.output) ? diffView(r.expected_output, r.output, { actual: "the output" }) : null)
			: r.hidden ? h("span", { class: "muted" }, "hidden test: data not kept") : "—"));
}

function submission(s, n, langs, editors) {
	const codeBox = h("div", { class: "editor-box code-view" });
	const det = h("details", { class: "submission", "data-submission-id": s.submission_id },
		h("summary", {},
			h("span", { class: "sub-n" }, `#${n}`),
			h("span", { class: "sub-time" }, fmtTime(s.created_at)),
			h("span", { class: "sub-q" }, s.question_title),
			h("span", {}, langs.name(s.language)),
			verdictBadge(s.status),
			h("span", { class: "nowrap" }, `${s.passed} / ${s.total} tests`),
			h("span", { class: "nowrap sub-score" }, `${s.score} / ${s.max_score} points`)),
		h("div", { class: "submission-body" },
			h("table", { class: "table tests-result" },
				h("caption", { class: "visually-hidden" }, `Verdict per test of submission ${n}`),
				h("thead", {}, h("tr", {}, ["#", "Kind", "Verdict", "Points", "Time", "Memory", "Data"]
					.map((c) => h("th", { scope: "col" }, c)))),
				h("tbody", {}, (s.results || []).map(testRow))),
			s.compile && s.compile.output ? [h("h4", {}, "Compiler output"), h("pre", { class: "mono" }, s.compile.output)] : null,
			h("h4", {}, "Code"), codeBox));
	// editors only for the submissions opened: a long test can have dozens
	det.addEventListener("toggle", () => {
		if (det.open && !codeBox.firstChild) editors.push(codeView(codeBox, s.language, s.code, `Code of submission ${n}`));
	});
	return det;
}

function timeline(c) {
	const lines = timelineLines(c.timeline || []);
	if (!lines.length) return h("p", { class: "muted" }, "Nothing yet: the candidate has not opened the link.");
	const beats = (c.events || []).filter((e) => e.kind === "heartbeat").length;
	const gaps = lines.filter((l) => l.kind === "heartbeat_gap").length;
	return [
		h("p", { class: "muted" }, `${beats} heartbeat${beats === 1 ? "" : "s"} received; `
			+ `${gaps ? `${gaps} gap${gaps === 1 ? "" : "s"}` : "no gaps"} in the connection.`),
		h("ol", { class: "timeline" }, lines.map((l) => h("li", { "data-kind": l.kind },
			h("time", { datetime: l.at }, fmtTime(l.at)), h("span", {}, l.text)))),
	];
}

// Ask for minutes; resolves to a number or null.
async function askMinutes(c, reopen) {
	const input = h("input", { type: "number", min: 1, max: 1440, value: reopen ? "30" : "15" });
	const f = field(reopen ? "Minutes to give" : "Extra minutes", input,
		reopen ? "The test reopens now with this much time (at least 5 minutes); the candidate uses the same link."
			: "Added to the current end time.");
	const ok = (n) => Number.isInteger(n) && n >= 1 && n <= 1440;
	const v = await dialog({
		title: reopen ? `Reopen the test of ${c.name}` : `Extend the test of ${c.name}`,
		body: f.field,
		actions: [{ label: "Cancel", value: "cancel" }, { label: reopen ? "Reopen test" : "Extend time", value: "ok", kind: "primary" }],
		check: () => (ok(Number(input.value)) ? null : "Enter a whole number of minutes from 1 to 1440."),
	});
	return v === "ok" ? Number(input.value) : null;
}

// Fetch the server-rendered report with the admin header and show it in a new
// tab. The tab is opened during the click, before the fetch, since browsers
// block windows opened later.
async function openPrintable(id, button) {
	const w = window.open("", "_blank");
	if (w) {
		w.opener = null;
		w.document.title = "Loading the report…";
		w.document.body.textContent = "Loading the report…";
	}
	try {
		const { blob } = await busy(button, "Opening…", () => api.file(`/api/admin/candidates/${idPath(id)}/report`, "report.html"));
		// the blob URL stays valid while this page is open, so the report tab can be reloaded
		const url = URL.createObjectURL(blob);
		if (w) w.location.href = url;
		else announce("Your browser blocked the new tab. Allow pop-ups for this site and try again.", "error");
	} catch (e) {
		if (w) w.close();
		announce(e.message, "error");
	}
}

// The report of candidate id; reached from job jobId's pipeline, it leads back there.
export async function reportView(ctx, id, jobId) {
	ctx.title("Candidate report");
	const heading = h("h1", {}, "Candidate report");
	const printBtn = h("button", { type: "button", class: "btn btn-primary" }, "Printable report");
	printBtn.addEventListener("click", () => openPrintable(id, printBtn));
	const body = h("div", {}, loading("Loading the report…"));
	const inviteSlot = h("div");
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, jobId ? h("a", { href: `#/jobs/${jobId}`, class: "back-link" }, "← Job")
			: h("a", { href: "#/candidates", class: "back-link" }, "← Candidates"), heading),
		h("div", { class: "head-actions" }, printBtn)), inviteSlot, body);

	let editors = [];
	const dropEditors = () => {
		for (const e of editors) e.destroy();
		editors = [];
	};
	ctx.onLeave(dropEditors);

	async function load(focusAction) {
		const [langs, res] = await Promise.all([loadLanguages(), api.get(`/api/admin/candidates/${idPath(id)}`)]);
		const c = res.candidate;
		if (!ctx.alive) return;
		dropEditors();
		heading.textContent = c.name;
		ctx.title(`${c.name}: report`);
		body.replaceChildren(
			h("div", { class: "report-top" },
				h("section", { class: "card", "aria-labelledby": "ov-title" }, h("h2", { id: "ov-title" }, "Overview"), overview(c)),
				h("section", { class: "card", "aria-labelledby": "sess-title" }, h("h2", { id: "sess-title" }, "Session"),
					sessionActions(c))),
			h("section", { "aria-labelledby": "qr-title" }, h("h2", { id: "qr-title" }, "Questions"), questionResults(c, langs, editors)),
			notesSection(id, c.notes || []),
			playbackSection(c, editors),
			h("section", { class: "card", "aria-labelledby": "sub-title" },
				h("h2", { id: "sub-title" }, `Submissions (${c.submissions.length})`),
				c.submissions.length
					? h("div", { class: "submissions" }, c.submissions.map((s, i) => submission(s, i + 1, langs, editors)))
					: h("p", { class: "muted" }, "No submissions yet.")),
			h("section", { class: "card", "aria-labelledby": "tl-title" }, h("h2", { id: "tl-title" }, "Session timeline"),
				timeline(c)));
		const again = focusAction && body.querySelector(`[data-action="${focusAction}"]`);
		if (again) again.focus();
	}

	function sessionActions(c) {
		const s = c.session;
		const act = (label, action, fn, kind) => {
			const b = h("button", { type: "button", class: `btn ${kind || ""}`, "data-action": action }, label);
			b.addEventListener("click", () => fn(b));
			return b;
		};
		const note = !s ? "The candidate has not opened the link yet. A new link replaces the old one."
			: s.status === "active" ? "The test is running. You can give more time."
				: "The test is over. Reopening gives the candidate more time with the same link.";
		if (!ctx.mayWrite) return h("p", { class: "muted" }, s ? `The test is ${s.status}.` : "The candidate has not opened the link yet.");
		const mail = !c.mail ? null : c.mail.status === "sent"
			? h("p", { class: "muted mail-status" }, `Invitation e-mail: sent to ${c.mail.to}, ${fmtDate(c.mail.sent_at)}.`)
			: h("p", { class: "mail-status field-error" },
				`Invitation e-mail: not sent to ${c.mail.to} (${c.mail.error || "unknown error"}), ${fmtDate(c.mail.updated_at)}.`);
		return [
			h("p", { class: "muted" }, note),
			mail,
			h("div", { class: "button-row" },
				s && s.status === "active" ? act("Extend time…", "extend", () => changeTime(c, false)) : null,
				s && s.status !== "active" ? act("Reopen test…", "reopen", () => changeTime(c, true)) : null,
				act("Show invitation link", "link", (b) => showLink(c, b)),
				act("New invitation link…", "invite", (b) => reinvite(c, b)),
				c.email ? act("Send the link by e-mail…", "mail", (b) => resend(c, b)) : null,
				act("Delete candidate…", "delete", () => remove(c), "btn-danger-quiet")),
		];
	}

	async function changeTime(c, reopen) {
		const minutes = await askMinutes(c, reopen);
		if (minutes === null) return;
		try {
			await api.put(`/api/admin/candidates/${idPath(id)}`, reopen ? { reopen: true, extend_minutes: minutes } : { extend_minutes: minutes });
			announce(reopen ? `Reopened for ${minutes} minutes.` : `Extended by ${minutes} minutes.`);
			// either way the session is running now: the next thing to offer is more time
			await load("extend");
		} catch (e) {
			announce(e.message, "error");
		}
	}

	// the current link, made again by the server (README, "Invitation links")
	async function showLink(c, button) {
		let box;
		try {
			const r = await busy(button, "Loading…", () => api.get(`/api/admin/candidates/${idPath(id)}/link`));
			box = [h("p", {}, `${c.name}'s current link. Anyone with it can take the test, so send it privately.`),
				inviteLinkBox(r.invite_url)];
		} catch (e) {
			if (e.code !== "no_link") {
				announce(e.message, "error");
				return;
			}
			box = [h("p", { class: "link-unavailable" }, "This link cannot be shown again: it was made before links were kept. "
				+ "Make a new link with “New invitation link…”; the new one can be shown at any time.")];
		}
		inviteSlot.replaceChildren(h("section", { class: "card invitation", "aria-labelledby": "link-title" },
			h("h2", { id: "link-title", tabindex: -1 }, "Invitation link"), box));
		(inviteSlot.querySelector(".invite-box button") || inviteSlot.querySelector("h2")).focus();
	}

	async function reinvite(c, button) {
		if (!(await confirmDialog("Create a new invitation link?",
			`The link ${c.name} has now stops working. Send them the new one.`, "Create new link", "primary"))) return;
		try {
			const r = await busy(button, "Creating…", () => api.post(`/api/admin/candidates/${idPath(id)}/invite`));
			inviteSlot.replaceChildren(h("section", { class: "card invitation", "aria-label": "New invitation link" },
				h("h2", {}, "New invitation link"), inviteLinkBox(r.invite_url)));
			inviteSlot.querySelector("button").focus();
			announce("New invitation link created; the old one no longer works.");
		} catch (e) {
			announce(e.message, "error");
		}
	}

	async function resend(c, button) {
		if (!(await confirmDialog("E-mail a new invitation link?",
			`A new link goes to ${c.email}; the link ${c.name} has now stops working.`, "Send", "primary"))) return;
		try {
			const r = await busy(button, "Sending…", () => api.post(`/api/admin/candidates/${idPath(id)}/mail`));
			inviteSlot.replaceChildren(h("section", { class: "card invitation", "aria-label": "New invitation link" },
				h("h2", {}, "New invitation link"), mailStatus(r.mail, c.name), inviteLinkBox(r.invite_url)));
			inviteSlot.querySelector("button").focus();
			announce(r.mail.status === "sent" ? `The new link was e-mailed to ${r.mail.to}.`
				: "The e-mail could not be sent; the new link is shown here.", r.mail.status === "sent" ? "" : "error");
		} catch (e) {
			announce(e.message, "error");
		}
	}

	async function remove(c) {
		if (!(await confirmDialog("Delete this candidate?",
			`${c.name}, their session and all their submissions will be deleted. This cannot be undone.`, "Delete candidate"))) return;
		try {
			await api.del(`/api/admin/candidates/${idPath(id)}`);
			announce(`Deleted ${c.name}.`);
			ctx.go("#/candidates");
		} catch (e) {
			announce(e.message, "error");
		}
	}

	await load();
}
