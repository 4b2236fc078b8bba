// drafts.js - the candidate's code, kept per question and per language, and
// saved twice: to localStorage at once, and to the server (PUT .../progress,
// as pending_answers) 2 s after the last change, one request at a time. On
// entering the test the server copy is used, unless this browser holds a newer
// one (its last save did not get through before the page closed).
//
// Format stored in pending_answers:
//   { "current_question": "<question uuid>",
//     "updated_at": <ms since epoch, client clock>,
//     "questions": { "<question uuid>": {
//         "language": "python",
//         "code_by_language": { "python": "...", "java": "..." },
//         "submitted_digest": "<digest of language + code last submitted>" } } }
import { byId } from "../common/dom.js";

const SAVE_DELAY_MS = 2000;

/* FNV-1a: enough to tell whether this exact code was already submitted. */
function digest(lang, code) {
	const s = lang + "\u0000" + code;
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return s.length + ":" + h.toString(16);
}

function valid(d) {
	return d && typeof d === "object" && d.questions && typeof d.questions === "object";
}

// candidateId: names the local copy. questions: has(id), first(), starter(id, lang).
// languages: the catalog of the languages the test allows; a draft in another one
// (saved before the test changed, or by hand) opens in the first of them, and its
// code in the other language is kept but never offered or submitted.
// upload(drafts): the PUT, resolving to { status }.
// isLocked(), isOffline(): for what the save status says.
export function createDrafts({ candidateId, questions, languages, upload, isLocked, isOffline }) {
	const localKey = "ce-drafts:" + candidateId;
	let drafts = { questions: {} };
	let dirty = false;
	let saving = null;         // the save in flight
	let saveAgain = false;
	let saveTimer = 0;

	function readLocal() {
		try {
			return JSON.parse(localStorage.getItem(localKey) || "null");
		} catch (e) {
			return null;
		}
	}

	function saveLocal() {
		try {
			localStorage.setItem(localKey, JSON.stringify(drafts));
		} catch (e) { /* storage full or disabled: the server copy remains */ }
	}

	function restore(server) {
		const local = readLocal();
		let d = valid(server) ? server : null;
		if (valid(local) && (!d || (local.updated_at || 0) > (d.updated_at || 0))) {
			d = local;
			dirty = true;
		}
		d = d || { questions: {} };
		if (!questions.has(d.current_question)) d.current_question = questions.first();
		for (const q of Object.values(d.questions)) {
			if (q && typeof q === "object" && !languages.has(q.language)) q.language = languages.list[0].id;
		}
		drafts = d;
		if (dirty) scheduleSave();
	}

	/* A new question opens in the language the candidate used last. */
	function preferredLanguage() {
		const cur = drafts.questions[drafts.current_question];
		if (cur && languages.has(cur.language)) return cur.language;
		return languages.list[0].id;
	}

	function draftFor(id) {
		let q = drafts.questions[id];
		if (!q || typeof q !== "object") {
			q = drafts.questions[id] = { language: preferredLanguage(), code_by_language: {} };
		}
		if (!q.code_by_language) q.code_by_language = {};
		return q;
	}

	function codeFor(id, lang) {
		const c = draftFor(id).code_by_language[lang];
		return typeof c === "string" ? c : questions.starter(id, lang);
	}

	/* Code the candidate wrote (not just the starter) in the question's language. */
	function ownCode(id) {
		const d = drafts.questions[id];
		if (!d || !d.code_by_language || !languages.has(d.language)) return null;
		const c = d.code_by_language[d.language];
		if (typeof c !== "string" || !c.trim() || c.trim() === questions.starter(id, d.language).trim()) return null;
		return { language: d.language, code: c };
	}

	function changed() {
		drafts.updated_at = Date.now();
		dirty = true;
		saveLocal();
		scheduleSave();
		renderStatus();
	}

	function scheduleSave() {
		clearTimeout(saveTimer);
		if (isLocked()) return;   // the end saves once more itself
		saveTimer = setTimeout(save, SAVE_DELAY_MS);
	}

	/* PUT the drafts; one request at a time, the latest state wins. */
	function save() {
		clearTimeout(saveTimer);
		if (saving) {
			saveAgain = true;
			return saving;
		}
		if (!dirty) return Promise.resolve();
		dirty = false;
		renderStatus("Saving…");
		saving = upload(drafts).then((res) => {
			saving = null;
			if (res.status !== 200) dirty = true;
			renderStatus();
			if (saveAgain) {
				saveAgain = false;
				if (res.status === 200) return save();
			}
		});
		return saving;
	}

	function renderStatus(text) {
		const s = byId("save-status");
		if (text) s.textContent = text;
		else if (isLocked()) s.textContent = "";
		else if (!dirty) s.textContent = "All changes saved";
		else if (isOffline()) s.textContent = "Offline: changes kept in this browser";
		else s.textContent = "Unsaved changes";
	}

	return {
		restore,
		draftFor,
		codeFor,
		ownCode,
		save,
		renderStatus,

		current: () => drafts.current_question,

		// Make id the question on screen; returns the language its draft is in.
		// A move the candidate made counts as a change to save.
		open(id, byUser) {
			const d = draftFor(id);   // before switching: a new draft takes the current question's language
			if (drafts.current_question !== id) {
				drafts.current_question = id;
				if (byUser) changed();
			}
			if (!languages.has(d.language)) d.language = languages.list[0].id;
			return d.language;
		},

		setCode(id, text) {
			const d = draftFor(id);
			d.code_by_language[d.language] = text;
			changed();
		},

		setLanguage(id, lang) {
			draftFor(id).language = lang;
			changed();
		},

		markSubmitted(id, lang, code) {
			draftFor(id).submitted_digest = digest(lang, code);
			changed();
		},

		// The submit was stored but could not be judged: it counts as not submitted.
		clearSubmitted(id) {
			delete draftFor(id).submitted_digest;
			changed();
		},

		// The questions (of ids, in that order) whose latest own code has not
		// been submitted: [{ id, language, code }].
		unsubmitted(ids) {
			const out = [];
			for (const id of ids) {
				const own = ownCode(id);
				if (own && draftFor(id).submitted_digest !== digest(own.language, own.code)) out.push({ id, ...own });
			}
			return out;
		},

		// Save now (Ctrl+S), after any save in flight: true once the server
		// holds everything, and the status says "Saved".
		async saveNow() {
			await save();
			while (saving) await saving;
			renderStatus(dirty ? null : "Saved");
			return !dirty;
		},

		saveIfDirty() {
			if (dirty) save();
		},

		// Something else the save carries waits (recorder.js): save soon.
		touch() {
			dirty = true;
			scheduleSave();
		},

		cancelSave() {
			clearTimeout(saveTimer);
		},

		// The tab is closing: keep a local copy; the body of a last PUT if the
		// server's copy is behind, else null.
		unload() {
			saveLocal();
			return dirty ? JSON.stringify({ pending_answers: drafts }) : null;
		},
	};
}
