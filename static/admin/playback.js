// playback.js - on the report, what the candidate's editor recorded: a player
// per question that shows the code as it was at any moment (play, pause, speed,
// a scrubber with markers for runs, submits, pastes, copies and time away from
// the page); and, beside it, the other candidates whose last submission to the
// question shares code with this one's, side by side with the shared lines marked.
import { idPath } from "../common/api.js";
import { h, field, uid } from "../common/dom.js";
import { fmtTime, fmtDuration } from "../common/format.js";
import { api } from "./session.js";
import { codeView } from "./ui.js";

const SPEEDS = [1, 2, 5, 10, 30];
const MAX_STEP_MS = 600;             // a long pause plays as this, at speed 1

const MARKER_TEXT = {
	run: () => "Ran the code",
	submit: (d) => `Submitted (${d.status ? d.status.replace(/_/g, " ") : "?"}, ${d.score ?? 0} ${d.score === 1 ? "point" : "points"})`,
	paste: (d) => `Pasted ${d.chars} characters${d.inside ? " copied inside the page" : " from outside the page"}`,
	copy: (d) => `Copied ${d.chars} characters out of the page`,
	focus_lost: (d) => `Left the page for ${fmtDuration(d.seconds)}`,
};

// The documents (one per language) after the first n edits, and the language of the nth.
function replay(edits, n) {
	const docs = {};
	let lang = edits.length ? edits[0].language : null;
	for (let i = 0; i < n; i++) {
		const e = edits[i];
		const doc = docs[e.language] || "";
		const to = Math.min(e.to, doc.length);
		docs[e.language] = doc.slice(0, Math.min(e.from, doc.length)) + e.insert + doc.slice(to);
		lang = e.language;
	}
	return { text: lang ? docs[lang] || "" : "", lang };
}

// The player of one question's recording p (the playback API's answer).
function player(p, editors) {
	const edits = p.edits;
	const box = h("div", { class: "editor-box code-view" });
	const view = codeView(box, edits.length ? edits[0].language : "python", "", `Code of ${p.title} as it was`);
	editors.push(view);
	const slider = h("input", { type: "range", min: "0", max: String(edits.length), value: "0", step: "1",
		class: "scrubber", "aria-label": "Position in the recording" });
	const when = h("span", { class: "muted playback-when", "aria-live": "off" });
	const play = h("button", { type: "button", class: "btn" }, "Play");
	const speedId = uid("speed");
	const speed = h("select", { id: speedId }, SPEEDS.map((s) => h("option", { value: String(s) }, `${s}×`)));
	const start = edits.length ? edits[0].t : 0;
	const end = edits.length ? edits[edits.length - 1].t : 0;
	let at = 0, timer = 0;

	// the position of time t on the scrubber: the edits made by then
	const indexOf = (t) => {
		let i = 0;
		while (i < edits.length && edits[i].t <= t) i++;
		return i;
	};
	function show(n) {
		at = n;
		slider.value = String(n);
		const r = replay(edits, n);
		if (r.lang) view.setLanguage(r.lang);
		view.setValue(r.text);
		const t = n ? edits[n - 1].t : start;
		when.textContent = edits.length ? `${fmtTime(new Date(t).toISOString())} · ${fmtDuration((t - start) / 1000)} in · change ${n} of ${edits.length}` : "";
	}
	function stop() {
		clearTimeout(timer);
		timer = 0;
		play.textContent = "Play";
	}
	function step() {
		// the page moved on, or the recording reached its end
		if (!slider.isConnected || at >= edits.length) return stop();
		show(at + 1);
		const gap = at < edits.length ? edits[at].t - edits[at - 1].t : 0;
		timer = setTimeout(step, Math.min(gap, MAX_STEP_MS) / Number(speed.value));
	}
	play.addEventListener("click", () => {
		if (timer) return stop();
		if (at >= edits.length) show(0);
		play.textContent = "Pause";
		step();
	});
	slider.addEventListener("input", () => {
		stop();
		show(Number(slider.value));
	});

	const span = Math.max(1, end - start);
	const ticks = h("div", { class: "scrubber-marks", "aria-hidden": "true" },
		p.markers.filter((m) => m.t >= start && m.t <= end).map((m) =>
			h("span", { class: `mark mark-${m.kind}`, style: `left: ${(100 * (m.t - start)) / span}%`, title: m.kind })));
	const list = h("ol", { class: "markers" }, p.markers.map((m) => {
		const b = h("button", { type: "button", class: "btn btn-link", "data-kind": m.kind },
			`${fmtTime(new Date(m.t).toISOString())} ${(MARKER_TEXT[m.kind] || (() => m.kind))(m.detail || {})}`);
		b.addEventListener("click", () => {
			stop();
			show(indexOf(m.t));
		});
		return h("li", {}, b);
	}));
	show(edits.length);
	return {
		element: h("div", { class: "player", "data-question-id": p.question_id },
			edits.length ? [h("div", { class: "player-controls" }, play, field("Speed", speed).field, when),
				h("div", { class: "scrubber-wrap" }, slider, ticks), box]
				: h("p", { class: "muted" }, "Nothing was recorded for this question."),
			p.markers.length ? [h("h3", {}, "What happened"), list] : null),
		stop,
	};
}

// Lines of code as a list, the lines of ranges ([[from, to]]) marked.
function markedCode(code, ranges, label) {
	const marked = (n) => ranges.some(([a, b]) => n >= a && n <= b);
	return h("ol", { class: "code-lines", "aria-label": label },
		code.split("\n").map((line, i) => h("li", marked(i + 1) ? { class: "shared", "data-shared": "" } : {}, line || " ")));
}

// The pairs of this candidate's last submission to question q with others' (similarity API).
function similarPairs(candidateId, res) {
	return res.pairs.filter((p) => p.a.candidate_id === candidateId || p.b.candidate_id === candidateId).map((p) => {
		const mine = p.a.candidate_id === candidateId ? "a" : "b";
		const other = mine === "a" ? "b" : "a";
		const ranges = (side) => p.matches.map((m) => [m[`${side}_from`], m[`${side}_to`]]);
		return h("div", { class: "similar-pair", "data-other": p[other].candidate_id },
			h("p", {}, h("strong", {}, `${Math.round(p.score * 100)}% shared`), ` with `,
				h("a", { href: `#/candidates/${p[other].candidate_id}` }, p[other].name),
				` (${p.shared} fingerprints, ${p.language})`),
			h("div", { class: "side-by-side" },
				h("div", {}, h("h4", {}, "This candidate"), markedCode(p[mine].code, ranges(mine), "This candidate's last submission")),
				h("div", {}, h("h4", {}, p[other].name), markedCode(p[other].code, ranges(other), `${p[other].name}'s last submission`))));
	});
}

// The section: a tab per question of the test.
export function playbackSection(c, editors) {
	const body = h("div", {});
	const pick = h("select", { id: uid("pbq") }, c.questions.map((q) => h("option", { value: q.id }, q.title)));
	let current = null;
	async function load() {
		if (current) current.stop();
		const q = pick.value;
		body.replaceChildren(h("p", { class: "muted" }, "Loading the recording…"));
		try {
			const [pb, sim] = await Promise.all([
				api.get(`/api/admin/candidates/${idPath(c.candidate_id)}/playback?question_id=${encodeURIComponent(q)}`),
				api.get(`/api/admin/questions/${idPath(q)}/similarity`)]);
			current = player(pb.playback, editors);
			const pairs = similarPairs(c.candidate_id, sim);
			body.replaceChildren(current.element, h("h3", {}, "Similar submissions"),
				...(pairs.length ? pairs : [h("p", { class: "muted" }, "No other candidate's last submission shares half of its code or more.")]));
		} catch (e) {
			body.replaceChildren(h("p", { class: "field-error" }, e.message));
		}
	}
	pick.addEventListener("change", load);
	if (c.questions.length) load();
	return h("section", { class: "card", "aria-labelledby": "pb-title" },
		h("h2", { id: "pb-title" }, "Code playback"),
		c.questions.length > 1 ? field("Question", pick).field : null,
		c.questions.length ? body : h("p", { class: "muted" }, "No questions."));
}
