// recorder.js - what the page records for the recruiter besides the code: the
// editor's changes, for the report's player, and the integrity signals (pastes,
// copies out of the page, time away from the page). Both go with the next draft
// save (README "Playback and integrity signals"); the start screen says so.
//
// A change is [t, from, to, insert]: the characters from..to of the document
// before it replaced by insert, t the page's clock in epoch milliseconds. The
// code the editor shows when the candidate opens a question or a language (the
// starter, a restored draft) is recorded as a replacement of the whole document,
// [t, 0, WHOLE, code], so each question and language replays from empty.
const WHOLE = 10000000;              // past any document's end (the server's bound)
const MAX_GROUPS = 64, MAX_OPS = 5000, MAX_SIGNALS = 200;   // one save's bounds
const PASTE_TEXT_UNITS = 3333;       // UTF-16 units: at most 10,000 bytes of UTF-8
const AWAY_MIN_MS = 1000;            // shorter absences are not worth a line

// onRecord(): a signal waits for the next save (changes of the code ride with the
// save that the change itself makes; the code shown on opening a question waits
// for the next save, whenever it comes).
export function createRecorder({ onRecord }) {
	let groups = [];                  // [{ question_id, language, ops }] in order
	let signals = [];
	const reached = new Map();        // "question language" -> the text its changes reached
	let where = { question_id: null, language: null };
	let copied = "";                  // the text last copied inside the page
	let awaySince = 0;
	let full = false;                 // the session's budget is spent

	function groupFor(q, lang) {
		const last = groups[groups.length - 1];
		if (last && last.question_id === q && last.language === lang && last.ops.length < MAX_OPS) return last;
		const g = { question_id: q, language: lang, ops: [] };
		groups.push(g);
		return g;
	}

	function add(ops) {
		if (full || !where.question_id || !ops.length) return;
		const g = groupFor(where.question_id, where.language);
		g.ops.push(...ops);
	}

	function signal(s) {
		if (full) return;
		signals.push(s);
		onRecord();
	}

	function away() {
		if (!awaySince) awaySince = Date.now();
	}

	function back() {
		if (!awaySince || document.hidden) return;
		const ms = Date.now() - awaySince;
		const t = awaySince;
		awaySince = 0;
		if (ms >= AWAY_MIN_MS) signal({ kind: "focus_lost", t, seconds: Math.round(ms / 100) / 10 });
	}

	window.addEventListener("blur", away);
	window.addEventListener("focus", back);
	document.addEventListener("visibilitychange", () => (document.hidden ? away() : back()));
	for (const kind of ["copy", "cut"]) {
		document.addEventListener(kind, (e) => {
			const text = (e.clipboardData && e.clipboardData.getData("text/plain")) || String(window.getSelection() || "");
			if (!text) return;
			copied = text;
			signal({ kind: "copy", t: Date.now(), ...(where.question_id ? { question_id: where.question_id } : {}), chars: text.length });
		});
	}

	return {
		// The editor shows code for question q in language lang.
		shown(q, lang, code) {
			where = { question_id: q, language: lang };
			const key = q + " " + lang;
			if (reached.get(key) === code) return;
			reached.set(key, code);
			add([[Date.now(), 0, WHOLE, code]]);
		},

		// The candidate changed the code: the changes in order, and the text after them.
		changed(ops, text) {
			reached.set(where.question_id + " " + where.language, text);
			add(ops);
		},

		// A paste into the editor (call from its paste event).
		pasted(text) {
			if (!where.question_id || !text) return;
			const inside = text === copied;
			signal({ kind: "paste", t: Date.now(), question_id: where.question_id, chars: text.length, inside,
				...(inside ? {} : { text: text.slice(0, PASTE_TEXT_UNITS) }) });
		},

		// What the next save carries ({ edits, signals }, within one save's bounds),
		// taken off the queue; null when nothing waits.
		take() {
			if (!groups.length && !signals.length) return null;
			const batch = {};
			if (groups.length) batch.edits = groups.splice(0, MAX_GROUPS);
			if (signals.length) batch.signals = signals.splice(0, MAX_SIGNALS);
			return batch;
		},

		// The save failed: what it carried goes first in the next one.
		putBack(batch) {
			if (batch.edits) groups = batch.edits.concat(groups);
			if (batch.signals) signals = batch.signals.concat(signals);
		},

		// The server said the session's recording is full: record no more.
		stop() {
			full = true;
			groups = [];
			signals = [];
		},

		pending: () => groups.length > 0 || signals.length > 0,
	};
}
