/* test.js - the candidate's test page.
 *
 * Flow: the invitation link (?invite=<token>) shows a preview and a Start
 * button; starting (or resuming an open session) gives a session token kept
 * in sessionStorage, so a reload resumes in the same tab. The workspace lists
 * the questions, shows one with its sample tests, and holds one editor whose
 * text is kept per question and per language ("drafts"). Drafts are saved to
 * the server (PUT .../progress, as pending_answers) and to localStorage.
 *
 * The server owns the clock: the countdown is re-synced from its
 * remaining_seconds on every heartbeat, and nothing is accepted after the end.
 *
 * Draft format stored in pending_answers:
 *   { "current_question": "<question uuid>",
 *     "updated_at": <ms since epoch, client clock>,
 *     "questions": { "<question uuid>": {
 *         "language": "python",
 *         "code_by_language": { "python": "...", "java": "..." },
 *         "submitted_digest": "<digest of language + code last submitted>" } } }
 */
(function () {
	'use strict';

	var HEARTBEAT_MS = 30000;
	var ACTIVITY_MIN_MS = 15000;
	var SAVE_DELAY_MS = 2000;
	var RETRY_FIRST_MS = 1000;
	var RETRY_MAX_MS = 30000;
	var WARN_10_MIN = 600;
	var WARN_1_MIN = 60;
	// The server refuses everything after the end, so the final submit starts
	// a few seconds early to reach it in time.
	var AUTO_SUBMIT_LEAD_S = 5;
	// keepalive requests (sent while the page unloads) are limited to 64 KiB
	var KEEPALIVE_MAX = 60000;

	var FALLBACK_LANGUAGES = [
		{ id: 'python', name: 'Python 3' }, { id: 'java', name: 'Java' },
		{ id: 'cpp', name: 'C++17' }, { id: 'c', name: 'C17' },
		{ id: 'javascript', name: 'JavaScript (Node.js)' }, { id: 'csharp', name: 'C#' }
	];

	var VERDICTS = {
		accepted: 'Passed',
		wrong_answer: 'Wrong answer',
		time_limit_exceeded: 'Time limit exceeded',
		memory_limit_exceeded: 'Memory limit exceeded',
		runtime_error: 'Runtime error',
		output_limit_exceeded: 'Output limit exceeded',
		compilation_error: 'Compilation error',
		internal_error: 'Internal error'
	};

	var state = {
		phase: 'loading',        // loading | preview | test | message
		invite: '',
		token: '',
		cid: '',
		name: '',
		languages: FALLBACK_LANGUAGES,
		questions: [],           // GET /api/questions, in test order
		details: {},             // question id -> GET /api/questions/:id question
		results: {},             // question id -> last run/submit response shown
		drafts: null,
		current: '',
		deadline: 0,             // performance.now() value at which the time is up
		warned: {},
		locked: false,
		ending: false,
		busy: false,
		dirty: false,
		saving: null,            // promise of the save in flight
		saveAgain: false,
		saveTimer: 0,
		lastActivity: 0
	};

	var editor = null;

	function $(id) { return document.getElementById(id); }

	function el(tag, cls, text) {
		var node = document.createElement(tag);
		if (cls) node.className = cls;
		if (text !== undefined && text !== null) node.textContent = text;
		return node;
	}

	function clear(node) {
		while (node.firstChild) node.removeChild(node.firstChild);
	}

	function sleep(ms) {
		return new Promise(function (resolve) { setTimeout(resolve, ms); });
	}

	/* Screen readers hear this once; clearing first makes a repeated message
	 * count as a change. */
	function announce(text) {
		var a = $('announcer');
		a.textContent = '';
		setTimeout(function () { a.textContent = text; }, 50);
	}

	/* ================= server calls ================= */

	function sessionPath(suffix) {
		return '/api/test-session/' + encodeURIComponent(state.cid) + (suffix ? '/' + suffix : '');
	}

	function errorCode(res) {
		return res.json && res.json.error ? res.json.error.code : '';
	}

	function errorMessage(res) {
		return res.json && res.json.error && res.json.error.message ? res.json.error.message : '';
	}

	/* The service is unreachable or restarting (not a refusal): worth retrying. */
	function transient(res) {
		return res.status === 0 || res.status === 502 || res.status === 504 ||
			(res.status === 503 && errorCode(res) !== 'sandbox_unavailable');
	}

	/* One request; never throws. status 0 means the request did not get through. */
	function request(method, path, body) {
		var opts = { method: method, headers: {}, cache: 'no-store' };
		if (body !== undefined) {
			opts.headers['Content-Type'] = 'application/json';
			opts.body = JSON.stringify(body);
		}
		if (state.token) opts.headers.Authorization = 'Bearer ' + state.token;
		return fetch(path, opts).then(function (r) {
			return r.text().then(function (text) {
				var json = null;
				try { json = JSON.parse(text); } catch (e) { json = null; }
				return { status: r.status, json: json };
			});
		}, function () {
			return { status: 0, json: null };
		});
	}

	/* A call made during the test: watches the connection and reacts to the
	 * session ending or the token being taken over by another tab. */
	function api(method, path, body) {
		return request(method, path, body).then(function (res) {
			if (state.phase !== 'test') return res;
			if (transient(res)) connectionLost();
			else connectionRestored();
			if (res.status === 401) tokenRevoked();
			else if (res.status === 409 && errorCode(res) === 'session_over') sessionOver();
			return res;
		});
	}

	/* ================= connection loss ================= */

	var conn = { down: false, delay: RETRY_FIRST_MS, nextAt: 0, timer: 0 };

	function connectionLost() {
		if (conn.down) return;
		conn.down = true;
		conn.delay = RETRY_FIRST_MS;
		$('conn-banner').hidden = false;
		renderSaveStatus();
		scheduleProbe();
	}

	function scheduleProbe() {
		clearTimeout(conn.timer);
		conn.nextAt = Date.now() + conn.delay;
		renderConnection();
		conn.timer = setTimeout(probe, conn.delay);
	}

	/* The heartbeat doubles as the probe: it also re-syncs the clock. */
	function probe() {
		$('conn-detail').textContent = 'Retrying now…';
		heartbeat().then(function () {
			if (!conn.down) return;
			conn.delay = Math.min(conn.delay * 2, RETRY_MAX_MS);
			scheduleProbe();
		});
	}

	function connectionRestored() {
		if (!conn.down) return;
		conn.down = false;
		clearTimeout(conn.timer);
		$('conn-banner').hidden = true;
		announce('Connection restored.');
		if (state.dirty) saveDrafts();
		renderSaveStatus();
	}

	function renderConnection() {
		if (!conn.down) return;
		var s = Math.max(0, Math.ceil((conn.nextAt - Date.now()) / 1000));
		$('conn-detail').textContent = s > 0 ? 'Trying again in ' + s + ' s.' : 'Retrying now…';
	}

	/* ================= views ================= */

	function showView(name) {
		state.phase = name === 'view-test' ? 'test' : name.replace('view-', '');
		['view-loading', 'view-message', 'view-preview', 'view-test'].forEach(function (id) {
			$(id).hidden = id !== name;
		});
		document.body.classList.toggle('in-test', name === 'view-test');
	}

	/* A full-page message. body: array of paragraphs. retry: optional function. */
	function showMessage(title, body, retry) {
		showView('view-message');
		$('msg-title').textContent = title;
		var b = $('msg-body');
		clear(b);
		body.forEach(function (p) { b.appendChild(el('p', '', p)); });
		$('msg-actions').hidden = !retry;
		$('msg-retry').onclick = retry || null;
		document.title = title + ' - Coding test';
		$('msg-title').setAttribute('tabindex', '-1');
		$('msg-title').focus();
	}

	function showUnreachable(retry) {
		showMessage('Cannot reach the test server', [
			'Check your internet connection, then press Try again.',
			'If this keeps happening, contact the recruiter who invited you.'
		], retry);
	}

	function setBanner(id, cls, text) {
		var b = $(id);
		b.className = 'banner ' + cls;
		b.textContent = text;
		b.hidden = !text;
	}

	/* ================= start ================= */

	function loadLanguages() {
		return request('GET', '/api/languages').then(function (res) {
			if (res.status === 200 && res.json && res.json.languages && res.json.languages.length)
				state.languages = res.json.languages;
		});
	}

	function knownLanguage(id) {
		return state.languages.some(function (l) { return l.id === id; });
	}

	function languageName(id) {
		for (var i = 0; i < state.languages.length; i++)
			if (state.languages[i].id === id) return state.languages[i].name;
		return id;
	}

	function storedSession() {
		try {
			var s = JSON.parse(sessionStorage.getItem('ce-session') || 'null');
			return s && s.invite === state.invite ? s : null;
		} catch (e) {
			return null;
		}
	}

	function storeSession() {
		try {
			sessionStorage.setItem('ce-session', JSON.stringify({
				invite: state.invite, token: state.token, candidate_id: state.cid
			}));
		} catch (e) { /* private mode: a reload will resume through the invitation */ }
	}

	function boot() {
		var m = /[?&]invite=([0-9a-f]{64})(?:&|$)/.exec(location.search);
		if (!m) {
			showMessage('This page needs your invitation link', [
				'Open the link from your invitation email; it ends with “?invite=” and a long code.',
				'If the link does not work, ask the recruiter who invited you to send a new one.'
			]);
			return;
		}
		state.invite = m[1];
		showView('view-loading');
		Promise.all([loadLanguages(), request('POST', '/api/invitation', { invite_token: state.invite })])
			.then(function (r) { return openInvitation(r[1]); });
	}

	function openInvitation(res) {
		if (transient(res)) return showUnreachable(boot);
		if (res.status !== 200) return showInvalidInvitation();
		var inv = res.json.invitation;
		state.cid = inv.candidate_id;
		state.name = inv.name || '';
		$('who').textContent = state.name;
		return resumeFromTab().then(function (resumed) {
			if (resumed) return;
			if (!inv.session_status) return showPreview(inv);
			if (inv.session_status === 'active') return startSession();
			return showFinishedMessage(inv.session_status);
		});
	}

	/* A reload of this tab keeps using its token, if it still works (also
	 * for a finished test, which then shows read-only). Resolves to whether
	 * it did. */
	function resumeFromTab() {
		var saved = storedSession();
		if (!saved || saved.candidate_id !== state.cid) return Promise.resolve(false);
		state.token = saved.token;
		return request('GET', sessionPath()).then(function (res) {
			if (res.status === 200) {
				enterTest(res.json.session);
				return true;
			}
			state.token = '';
			if (!transient(res)) sessionStorage.removeItem('ce-session');
			return false;
		});
	}

	function showInvalidInvitation() {
		showMessage('This invitation link is not valid', [
			'Check that you opened the whole link from your invitation email.',
			'If it still does not work, ask the recruiter who invited you to send a new one.'
		]);
	}

	function showFinishedMessage(status) {
		var title = status === 'abandoned' ? 'This test was closed' : 'This test is finished';
		var text = status === 'abandoned'
			? 'The test was left without a connection for too long and has been closed. Your saved code was kept. Contact the recruiter if you think this is a mistake.'
			: 'Your answers have been recorded. Thank you! The recruiter will get back to you.';
		showMessage(title, [text, 'You can close this tab.']);
	}

	function showPreview(inv) {
		showView('view-preview');
		$('pv-name').textContent = inv.name ? ', ' + inv.name : '';
		var n = inv.question_count;
		$('pv-count').textContent = n + (n === 1 ? ' question' : ' questions');
		$('pv-duration').textContent = formatDuration(inv.test_duration_minutes);
		$('pv-langs').textContent = state.languages.map(function (l) { return l.name; }).join(', ');
		$('start-btn').onclick = startSession;
		$('pv-title').setAttribute('tabindex', '-1');
		$('pv-title').focus();
	}

	function formatDuration(minutes) {
		var h = Math.floor(minutes / 60), m = minutes % 60, parts = [];
		if (h) parts.push(h + (h === 1 ? ' hour' : ' hours'));
		if (m || !h) parts.push(m + (m === 1 ? ' minute' : ' minutes'));
		return parts.join(' ');
	}

	function startSession() {
		var btn = $('start-btn');
		btn.disabled = true;
		btn.textContent = 'Starting…';
		$('start-error').textContent = '';
		return request('POST', '/api/test-session', { invite_token: state.invite }).then(function (res) {
			btn.disabled = false;
			btn.textContent = 'Start test';
			if (res.status === 200) {
				state.token = res.json.session_token;
				state.cid = res.json.session.candidate_id;
				storeSession();
				return enterTest(res.json.session);
			}
			if (res.status === 409) return showFinishedMessage('completed');
			if (res.status === 401) return showInvalidInvitation();
			var why = transient(res) ? 'Could not reach the server. Check your connection and try again.'
				: 'The test could not start (' + (errorMessage(res) || 'error ' + res.status) + '). Try again in a moment.';
			if (state.phase === 'preview') $('start-error').textContent = why;
			else showUnreachable(boot);
		});
	}

	/* ================= entering the workspace ================= */

	function enterTest(session) {
		showView('view-loading');
		return loadQuestions().then(function (ok) {
			if (!ok) return showUnreachable(boot);
			showView('view-test');
			$('session-bar').hidden = false;
			document.title = 'Coding test';
			syncClock(session.remaining_seconds, true);
			restoreDrafts(session.pending_answers);
			createEditor();
			renderQuestionList();
			openQuestion(state.drafts.current_question, false);
			if (session.status === 'active') {
				startSignals();
				heartbeat();
			} else {
				lockFinished(session.status, session.completion_method);
			}
			tick();
			setInterval(tick, 500);
		});
	}

	/* The list, then every question's details: the editor needs each one's
	 * starter code, and the final auto-submit needs all of them. */
	function loadQuestions() {
		return request('GET', '/api/questions').then(function (res) {
			if (res.status !== 200) return false;
			state.questions = res.json.questions;
			return Promise.all(state.questions.map(function (q) {
				return request('GET', '/api/questions/' + encodeURIComponent(q.id)).then(function (r) {
					if (r.status !== 200) return false;
					state.details[q.id] = r.json.question;
					return true;
				});
			})).then(function (all) { return all.every(Boolean); });
		});
	}

	/* ================= drafts ================= */

	function localKey() { return 'ce-drafts:' + state.cid; }

	function readLocalDrafts() {
		try { return JSON.parse(localStorage.getItem(localKey()) || 'null'); } catch (e) { return null; }
	}

	function saveLocal() {
		try {
			localStorage.setItem(localKey(), JSON.stringify(state.drafts));
		} catch (e) { /* storage full or disabled: the server copy remains */ }
	}

	function validDrafts(d) {
		return d && typeof d === 'object' && d.questions && typeof d.questions === 'object';
	}

	/* The server copy, unless this browser holds a newer one (its last save
	 * did not get through before the page closed). */
	function restoreDrafts(server) {
		var local = readLocalDrafts();
		var d = validDrafts(server) ? server : null;
		if (validDrafts(local) && (!d || (local.updated_at || 0) > (d.updated_at || 0))) {
			d = local;
			state.dirty = true;
		}
		d = d || { questions: {} };
		if (!state.details[d.current_question]) d.current_question = state.questions.length ? state.questions[0].id : '';
		state.drafts = d;
		if (state.dirty) scheduleSave();
	}

	function draftFor(id) {
		var q = state.drafts.questions[id];
		if (!q || typeof q !== 'object') {
			q = state.drafts.questions[id] = { language: preferredLanguage(), code_by_language: {} };
		}
		if (!q.code_by_language) q.code_by_language = {};
		return q;
	}

	/* A new question opens in the language the candidate used last. */
	function preferredLanguage() {
		var cur = state.drafts.questions[state.current];
		if (cur && cur.language) return cur.language;
		return state.languages[0].id;
	}

	function starterFor(id, lang) {
		var bp = state.details[id] && state.details[id].boiler_plate;
		return bp && typeof bp[lang] === 'string' ? bp[lang] : '';
	}

	function codeFor(id, lang) {
		var c = draftFor(id).code_by_language[lang];
		return typeof c === 'string' ? c : starterFor(id, lang);
	}

	/* Code the candidate wrote (not just the starter) in the question's language. */
	function ownCode(id) {
		var d = state.drafts.questions[id];
		if (!d || !d.code_by_language) return null;
		var c = d.code_by_language[d.language];
		if (typeof c !== 'string' || !c.trim() || c.trim() === starterFor(id, d.language).trim()) return null;
		return { language: d.language, code: c };
	}

	/* FNV-1a: enough to tell whether this exact code was already submitted. */
	function digest(lang, code) {
		var s = lang + '\u0000' + code, h = 0x811c9dc5;
		for (var i = 0; i < s.length; i++) {
			h ^= s.charCodeAt(i);
			h = Math.imul(h, 0x01000193) >>> 0;
		}
		return s.length + ':' + h.toString(16);
	}

	function draftsChanged() {
		state.drafts.updated_at = Date.now();
		state.dirty = true;
		saveLocal();
		scheduleSave();
		renderSaveStatus();
	}

	function scheduleSave() {
		clearTimeout(state.saveTimer);
		if (state.locked) return;   // the end saves once more itself
		state.saveTimer = setTimeout(saveDrafts, SAVE_DELAY_MS);
	}

	/* PUT the drafts; one request at a time, the latest state wins. */
	function saveDrafts() {
		clearTimeout(state.saveTimer);
		if (state.saving) {
			state.saveAgain = true;
			return state.saving;
		}
		if (!state.dirty || state.phase !== 'test') return Promise.resolve();
		state.dirty = false;
		renderSaveStatus('Saving…');
		state.saving = api('PUT', sessionPath('progress'), { pending_answers: state.drafts }).then(function (res) {
			state.saving = null;
			if (res.status !== 200) state.dirty = true;
			renderSaveStatus();
			if (state.saveAgain) {
				state.saveAgain = false;
				if (res.status === 200) return saveDrafts();
			}
		});
		return state.saving;
	}

	function renderSaveStatus(text) {
		var s = $('save-status');
		if (text) s.textContent = text;
		else if (state.locked) s.textContent = '';
		else if (!state.dirty) s.textContent = 'All changes saved';
		else if (conn.down) s.textContent = 'Offline: changes kept in this browser';
		else s.textContent = 'Unsaved changes';
	}

	/* ================= question list ================= */

	function progressOf(id) {
		var q = questionById(id);
		return (q && q.progress) || { attempts: 0, best_score: 0, max_score: 0, solved: false };
	}

	function questionById(id) {
		for (var i = 0; i < state.questions.length; i++)
			if (state.questions[i].id === id) return state.questions[i];
		return null;
	}

	/* not started / attempted / solved, with the best score once submitted */
	function statusOf(id) {
		var p = progressOf(id);
		var score = p.attempts > 0 ? p.best_score + '/' + p.max_score + ' pts' : '';
		if (p.solved) return { label: 'Solved', score: score, cls: 'badge-ok' };
		if (p.attempts > 0 || state.results[id] || ownCode(id)) return { label: 'Attempted', score: score, cls: 'badge-warn' };
		return { label: 'Not started', score: '', cls: 'badge-neutral' };
	}

	function renderQuestionList() {
		var list = $('qlist');
		clear(list);
		state.questions.forEach(function (q, i) {
			var st = statusOf(q.id);
			var li = el('li');
			var b = el('button', 'q-item');
			b.type = 'button';
			b.setAttribute('data-qid', q.id);
			if (q.id === state.current) b.setAttribute('aria-current', 'true');
			b.appendChild(el('span', 'q-num', String(i + 1)));
			var main = el('span', 'q-main');
			main.appendChild(el('span', 'q-name', q.title));
			var badge = el('span', 'badge ' + st.cls, st.label + (st.score ? ' · ' + st.score : ''));
			main.appendChild(badge);
			b.appendChild(main);
			b.addEventListener('click', function () { openQuestion(q.id, true); });
			li.appendChild(b);
			list.appendChild(li);
		});
	}

	/* Refresh scores from the server (the best submission counts). */
	function refreshProgress() {
		return api('GET', '/api/questions').then(function (res) {
			if (res.status !== 200) return;
			res.json.questions.forEach(function (fresh) {
				var q = questionById(fresh.id);
				if (q) q.progress = fresh.progress;
			});
			renderQuestionList();
		});
	}

	/* ================= question and editor ================= */

	function createEditor() {
		if (editor) return;
		editor = CEEditor.create($('editor'), {
			language: state.languages[0].id,
			doc: '',
			label: 'Solution code',
			onChange: onEditorChange
		});
		var sel = $('lang-select');
		clear(sel);
		state.languages.forEach(function (l) {
			var o = el('option', '', l.name);
			o.value = l.id;
			sel.appendChild(o);
		});
		sel.addEventListener('change', function () { switchLanguage(sel.value); });
		$('run-btn').addEventListener('click', function () { execute('run'); });
		$('submit-btn').addEventListener('click', function () { execute('submit'); });
		$('finish-btn').addEventListener('click', openFinishDialog);
	}

	function onEditorChange(text) {
		if (state.locked || !state.current) return;
		var d = draftFor(state.current);
		var wasOwn = !!ownCode(state.current);
		d.code_by_language[d.language] = text;
		draftsChanged();
		if (wasOwn !== !!ownCode(state.current)) renderQuestionList();
	}

	function openQuestion(id, byUser) {
		var q = state.details[id];
		if (!q) return;
		var d = draftFor(id);   // before switching: a new draft takes the current question's language
		state.current = id;
		if (state.drafts.current_question !== id) {
			state.drafts.current_question = id;
			if (byUser) draftsChanged();
		}
		if (!knownLanguage(d.language)) d.language = state.languages[0].id;
		$('lang-select').value = d.language;
		editor.setLanguage(d.language);
		editor.setValue(codeFor(id, d.language));
		renderProblem(q);
		renderQuestionList();
		renderResults();
		if (byUser) $('q-title').focus();
	}

	function switchLanguage(lang) {
		if (state.locked) return;
		var d = draftFor(state.current);
		d.language = lang;
		editor.setLanguage(lang);
		editor.setValue(codeFor(state.current, lang));
		draftsChanged();
		renderQuestionList();
	}

	function renderProblem(q) {
		$('q-title').textContent = q.title;
		var meta = [];
		if (q.difficulty) meta.push('Difficulty: ' + q.difficulty);
		if (q.time_limit_ms) meta.push('Time limit: ' + (q.time_limit_ms / 1000) + ' s per test');
		if (q.memory_limit_mb) meta.push('Memory: ' + q.memory_limit_mb + ' MB');
		if (q.total_tests) meta.push(q.total_tests + ' tests');
		$('q-meta').textContent = meta.join(' · ');
		var desc = $('q-desc');
		clear(desc);
		desc.appendChild(CEMarkdown.render(withoutTitleHeading(q.description || '', q.title)));
		renderSamples(q.test_cases || []);
		$('problem').scrollTop = 0;
	}

	/* Descriptions often open with "# <title>", which the page already shows. */
	function withoutTitleHeading(text, title) {
		var m = /^\s*#\s+(.*)\n/.exec(text);
		return m && m[1].trim() === String(title).trim() ? text.slice(m[0].length) : text;
	}

	function renderSamples(tests) {
		var box = $('q-samples');
		clear(box);
		if (!tests.length) {
			box.appendChild(el('p', 'muted', 'This question has no sample tests.'));
			return;
		}
		tests.forEach(function (t, i) {
			var fig = el('div', 'sample');
			fig.appendChild(el('h4', '', 'Sample ' + (i + 1)));
			var grid = el('div', 'io-grid');
			grid.appendChild(ioBlock('Input', t.input));
			grid.appendChild(ioBlock('Expected output', t.expected_output));
			fig.appendChild(grid);
			box.appendChild(fig);
		});
	}

	function ioBlock(label, text, cls) {
		var div = el('div', 'io' + (cls ? ' ' + cls : ''));
		div.appendChild(el('div', 'io-label', label));
		var pre = el('pre', '', text === '' ? '' : text);
		if (text === '' || text === null || text === undefined) {
			pre.textContent = '(empty)';
			pre.className = 'empty';
		}
		div.appendChild(pre);
		return div;
	}

	/* ================= run and submit ================= */

	function setBusy(mode) {
		state.busy = !!mode;
		var run = $('run-btn'), sub = $('submit-btn');
		setButton(run, mode === 'run' ? 'Running…' : 'Run', mode === 'run');
		setButton(sub, mode === 'submit' ? 'Submitting…' : 'Submit', mode === 'submit');
		run.disabled = sub.disabled = !!mode || state.locked;
		$('results').setAttribute('aria-busy', mode ? 'true' : 'false');
	}

	function setButton(btn, label, spinning) {
		clear(btn);
		if (spinning) {
			var s = el('span', 'spinner');
			s.setAttribute('aria-hidden', 'true');
			btn.appendChild(s);
		}
		btn.appendChild(document.createTextNode(label));
	}

	function execute(mode) {
		if (state.busy || state.locked || !state.current) return Promise.resolve();
		var id = state.current, d = draftFor(id), code = editor.getValue();
		if (!code.trim()) {
			setResultsStatus('Write some code first, then run it.', 'text-error');
			return Promise.resolve();
		}
		setBusy(mode);
		setResultsStatus(mode === 'run' ? 'Running your code on the sample tests…'
			: 'Submitting: running your code on all tests…');
		saveDrafts();
		var body = { language: d.language, code: code, question_id: id, mode: mode };
		var custom = $('custom-input').value;
		if (mode === 'run' && custom !== '') body.custom_input = custom;
		return runOnServer(id, body).then(function (res) {
			setBusy(null);
			if (res.status === 200 || state.locked) return;
			setResultsStatus(executeError(res), 'text-error');
		});
	}

	/* POST /proxy/execute and record the outcome; shared by Run, Submit and
	 * the automatic submit at the end. */
	function runOnServer(id, body) {
		return api('POST', '/proxy/execute', body).then(function (res) {
			if (res.status !== 200) return res;
			state.results[id] = { mode: body.mode, language: body.language, data: res.json };
			if (body.mode === 'submit') recordSubmission(id, body, res.json);
			if (id === state.current) renderResults(true);
			renderQuestionList();
			return res;
		});
	}

	function recordSubmission(id, body, data) {
		draftFor(id).submitted_digest = digest(body.language, body.code);
		draftsChanged();
		var q = questionById(id);
		if (q) {
			var p = progressOf(id), s = data.summary || {};
			q.progress = {
				attempts: p.attempts + 1,
				best_score: Math.max(p.best_score, s.score || 0),
				max_score: s.max_score || p.max_score,
				solved: p.solved || data.status === 'accepted'
			};
		}
		refreshProgress();
	}

	function executeError(res) {
		if (transient(res)) return 'Could not reach the server. Your code is saved in this browser; run it again once the connection is back.';
		switch (res.status) {
		case 503: return 'The code runner is busy or restarting. Wait a few seconds, then try again.';
		case 429: return 'Too many runs in a short time. Wait a few seconds, then try again.';
		case 413: return 'Your code or input is too large. Make it smaller and try again.';
		case 401: case 409: return 'The test session is no longer open; see the message at the top of the page.';
		default: return 'The server did not accept this run: ' + (errorMessage(res) || 'error ' + res.status) + '.';
		}
	}

	function setResultsStatus(text, cls) {
		var s = $('results-status');
		s.className = 'results-status ' + (cls || '');
		s.textContent = text;
	}

	function renderResults(justFinished) {
		var body = $('results-body');
		clear(body);
		var r = state.results[state.current];
		if (!r) {
			setResultsStatus('Run your code to see the results here.', 'muted');
			return;
		}
		var data = r.data;
		setResultsStatus(summaryText(r), data.status === 'accepted' ? 'text-ok' : 'text-error');
		if (data.compile && data.compile.output) {
			body.appendChild(el('h4', '', data.compile.status === 'ok' ? 'Compiler warnings' : 'Compiler errors'));
			body.appendChild(el('pre', 'stderr', data.compile.output));
		}
		if (data.results && data.results.length) body.appendChild(resultsTable(data.results));
		if (data.custom) body.appendChild(customResult(data.custom));
		if (justFinished) $('results').scrollIntoView({ block: 'nearest' });
	}

	function summaryText(r) {
		var data = r.data, s = data.summary || {};
		var lang = languageName(r.language);
		if (r.mode === 'submit') {
			var head = data.status === 'accepted' ? 'Submission accepted' : 'Submission: ' + verdict(data.status);
			return head + ' (' + lang + '): ' + s.passed + ' of ' + s.total_tests + ' tests passed, score ' +
				s.score + '/' + s.max_score + '.';
		}
		if (!s.total_tests) return 'Run finished (' + lang + ').';
		return 'Run (' + lang + '): ' + s.passed + ' of ' + s.total_tests + ' sample tests passed' +
			(data.status === 'accepted' ? '.' : '; first problem: ' + verdict(data.status) + '.');
	}

	function verdict(status) {
		return VERDICTS[status] || String(status || 'unknown').replace(/_/g, ' ');
	}

	function resultsTable(results) {
		var table = el('table', 'results-table');
		var head = el('thead'), tr = el('tr');
		['Test', 'Verdict', 'Time', 'Memory'].forEach(function (h) {
			var th = el('th', '', h);
			th.scope = 'col';
			tr.appendChild(th);
		});
		head.appendChild(tr);
		table.appendChild(head);
		var tbody = el('tbody');
		results.forEach(function (t, i) {
			var row = el('tr', t.passed ? 'pass' : 'fail');
			var name = el('th', '', (t.hidden ? 'Hidden test ' : 'Test ') + (i + 1));
			name.scope = 'row';
			row.appendChild(name);
			var v = el('td', 'verdict ' + (t.passed ? 'text-ok' : 'text-error'));
			v.appendChild(el('span', 'mark', t.passed ? '✓ ' : '✗ '));
			v.lastChild.setAttribute('aria-hidden', 'true');
			v.appendChild(document.createTextNode(verdict(t.status) + exitDetail(t)));
			row.appendChild(v);
			// after a compilation error nothing ran: the compiler output says it all
			var ran = t.status !== 'compilation_error';
			row.appendChild(el('td', 'num', ran ? formatMs(t.execution_time_ms) : '–'));
			row.appendChild(el('td', 'num', ran ? formatBytes(t.memory_usage_bytes) : '–'));
			tbody.appendChild(row);
			if (!t.hidden && ran) tbody.appendChild(detailRow(t));
		});
		table.appendChild(tbody);
		return table;
	}

	function exitDetail(t) {
		if (t.status !== 'runtime_error') return '';
		if (t.signal) return ' (signal ' + t.signal + ')';
		if (t.exit_code) return ' (exit code ' + t.exit_code + ')';
		return '';
	}

	/* A visible test's data: input, expected and actual output, stderr. */
	function detailRow(t) {
		var row = el('tr', 'detail');
		var td = el('td');
		td.colSpan = 4;
		var grid = el('div', 'io-grid io-grid-3');
		grid.appendChild(ioBlock('Input', t.input));
		grid.appendChild(ioBlock('Expected output', t.expected_output));
		grid.appendChild(ioBlock('Your output' + (t.output_truncated ? ' (cut short)' : ''), t.output,
			t.passed ? '' : 'io-wrong'));
		td.appendChild(grid);
		if (t.error) td.appendChild(ioBlock('Errors (stderr)', t.error, 'io-stderr'));
		row.appendChild(td);
		return row;
	}

	function customResult(c) {
		var box = el('div', 'custom-result');
		box.appendChild(el('h4', '', 'Custom input'));
		var facts = [c.status === 'ok' ? 'Ran' : verdict(c.status)];
		if (c.execution_time_ms !== undefined) facts.push(formatMs(c.execution_time_ms));
		if (c.memory_usage_bytes !== undefined) facts.push(formatBytes(c.memory_usage_bytes));
		box.appendChild(el('p', 'muted', facts.join(' · ')));
		var grid = el('div', 'io-grid');
		grid.appendChild(ioBlock('Input', c.input));
		grid.appendChild(ioBlock('Output' + (c.output_truncated ? ' (cut short)' : ''), c.output));
		box.appendChild(grid);
		if (c.error) box.appendChild(ioBlock('Errors (stderr)', c.error, 'io-stderr'));
		return box;
	}

	function formatMs(ms) {
		return typeof ms === 'number' ? ms + ' ms' : '–';
	}

	function formatBytes(b) {
		if (typeof b !== 'number' || b <= 0) return '–';
		return (b / 1048576).toFixed(1) + ' MB';
	}

	/* ================= timer ================= */

	/* Server time left -> local deadline. Small differences are rounding in
	 * the server's whole seconds; ignoring them keeps the clock steady. */
	function syncClock(remaining, force) {
		if (typeof remaining !== 'number') return;
		var deadline = performance.now() + remaining * 1000;
		if (force || Math.abs(deadline - state.deadline) > 1500) state.deadline = deadline;
	}

	function secondsLeft() {
		return Math.max(0, Math.ceil((state.deadline - performance.now()) / 1000));
	}

	function formatClock(s) {
		var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
		var mm = (h && m < 10 ? '0' : '') + m, ss = (sec < 10 ? '0' : '') + sec;
		return (h ? h + ':' : '') + mm + ':' + ss;
	}

	function tick() {
		renderConnection();
		if (state.phase !== 'test') return;
		if (state.locked && !state.ending) return;
		var left = secondsLeft();
		var t = $('timer');
		t.textContent = formatClock(left);
		$('timer-box').className = 'timer-box' + (left <= WARN_1_MIN ? ' timer-danger' : left <= WARN_10_MIN ? ' timer-warn' : '');
		if (state.locked) return;
		if (left <= WARN_1_MIN && !state.warned[WARN_1_MIN]) {
			state.warned[WARN_1_MIN] = state.warned[WARN_10_MIN] = true;
			warn('1 minute left. When the time is up, your latest code is submitted automatically.', 'banner-error');
		} else if (left <= WARN_10_MIN && !state.warned[WARN_10_MIN]) {
			state.warned[WARN_10_MIN] = true;
			warn('10 minutes left. Submit each question you want graded; your code is saved automatically.', 'banner-warn');
		}
		if (left <= AUTO_SUBMIT_LEAD_S) timeUp();
	}

	function warn(text, cls) {
		setBanner('time-banner', cls, text);
		announce(text);
	}

	/* ================= session signals ================= */

	function startSignals() {
		setInterval(heartbeat, HEARTBEAT_MS);
		document.addEventListener('keydown', activity, true);
		document.addEventListener('click', activity, true);
		document.addEventListener('visibilitychange', function () {
			if (document.visibilityState === 'visible') heartbeat();
		});
		window.addEventListener('pageshow', function (e) {
			if (e.persisted) heartbeat();   // back from the page cache: say we are here again
		});
		window.addEventListener('pagehide', leaving);
	}

	function heartbeat() {
		if (state.locked) return Promise.resolve();
		return api('PUT', sessionPath('heartbeat')).then(function (res) {
			if (res.status === 200) syncClock(res.json.remaining_seconds);
		});
	}

	function activity() {
		var now = Date.now();
		if (state.locked || now - state.lastActivity < ACTIVITY_MIN_MS) return;
		state.lastActivity = now;
		api('PUT', sessionPath('activity')).then(function (res) {
			if (res.status === 200) syncClock(res.json.remaining_seconds);
		});
	}

	/* Tab closing or navigating away: keep the drafts, tell the server. The
	 * server waits a grace period before calling the session abandoned, so a
	 * reload or a quick return resumes it. */
	function leaving() {
		if (state.phase !== 'test' || state.locked) return;
		saveLocal();
		var body = JSON.stringify({ pending_answers: state.drafts });
		if (state.dirty && body.length < KEEPALIVE_MAX) {
			fetch(sessionPath('progress'), {
				method: 'PUT', keepalive: true, body: body,
				headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + state.token }
			}).catch(function () { /* the local copy is restored next time */ });
		}
		if (navigator.sendBeacon) {
			navigator.sendBeacon(sessionPath('abandon') + '?token=' + encodeURIComponent(state.token),
				JSON.stringify({ completion_method: 'tab_close' }));
		}
	}

	/* ================= the end ================= */

	/* Read-only from here on. The finish dialog closes unless it is the one
	 * finishing the test. */
	function lock(keepDialog) {
		state.locked = true;
		if (!keepDialog && $('finish-dialog').open) $('finish-dialog').close();
		if (editor) editor.setReadOnly(true);
		['run-btn', 'submit-btn', 'finish-btn', 'lang-select', 'custom-input'].forEach(function (id) {
			$(id).disabled = true;
		});
		clearTimeout(state.saveTimer);
		clearTimeout(conn.timer);
		document.body.classList.add('locked');
	}

	/* Submit every question whose latest code has not been submitted yet. */
	function submitPending() {
		return Promise.all(state.questions.map(function (q) {
			var own = ownCode(q.id);
			if (!own || draftFor(q.id).submitted_digest === digest(own.language, own.code)) return null;
			return runOnServer(q.id, { language: own.language, code: own.code, question_id: q.id, mode: 'submit' });
		}));
	}

	function pendingCount() {
		return state.questions.filter(function (q) {
			var own = ownCode(q.id);
			return own && draftFor(q.id).submitted_digest !== digest(own.language, own.code);
		}).length;
	}

	function timeUp() {
		if (state.ending || state.locked) return;
		state.ending = true;
		lock();
		setBanner('state-banner', 'banner-warn', 'Time is up. Submitting your latest code…');
		announce('Time is up. Your latest code is being submitted.');
		submitPending().then(saveDrafts).then(function () {
			return request('PUT', sessionPath('complete'), { completion_method: 'timer_expired' });
		}).then(function () {
			state.ending = false;
			$('timer').textContent = formatClock(0);
			var text = 'Time is up. Your test has ended and your latest code was submitted. You can close this tab.';
			setBanner('state-banner', 'banner-info', text);
			setBanner('time-banner', '', '');
			announce(text);
			renderSaveStatus();
		});
	}

	/* The server says the session is over (time, or finished elsewhere). */
	function sessionOver() {
		if (state.locked) return;
		lock();
		request('GET', sessionPath()).then(function (res) {
			var s = res.status === 200 ? res.json.session : {};
			lockFinished(s.status || 'completed', s.completion_method);
		});
	}

	function lockFinished(status, method) {
		lock();
		$('timer-box').hidden = true;   // the banner says how it ended
		var text;
		if (status === 'abandoned') text = 'This test was closed because the page was away for too long. Your saved code is shown read-only.';
		else if (method === 'timer_expired') text = 'Time is up. The test has ended; your code is shown read-only. You can close this tab.';
		else if (method === 'manual') text = 'You have finished the test. Your code is shown read-only. You can close this tab.';
		else text = 'This test has ended. Your code is shown read-only. You can close this tab.';
		setBanner('time-banner', '', '');
		setBanner('state-banner', 'banner-info', text);
		announce(text);
		renderSaveStatus();
	}

	/* Another tab started or resumed the session: its token replaced ours. */
	function tokenRevoked() {
		if (state.locked) return;
		lock();
		var text = 'This test is now open in another tab or window, and only the newest one can save. ' +
			'Continue there, or reload this page to continue here.';
		setBanner('state-banner', 'banner-warn', text);
		announce(text);
		renderSaveStatus();
	}

	/* ---- finishing by hand ---- */

	function openFinishDialog() {
		if (state.locked) return;
		var n = pendingCount();
		$('fd-pending').textContent = n
			? n + (n === 1 ? ' question has' : ' questions have') + ' code you have not submitted; finishing submits it for you.'
			: 'All your code has been submitted.';
		$('fd-error').textContent = '';
		var dlg = $('finish-dialog');
		dlg.showModal();
		$('fd-cancel').focus();
	}

	function finishTest() {
		var confirmBtn = $('fd-confirm'), cancel = $('fd-cancel');
		confirmBtn.disabled = cancel.disabled = true;
		setButton(confirmBtn, 'Finishing…', true);
		state.ending = true;
		lock(true);
		return submitPending().then(saveDrafts).then(completeWithRetry).then(function (res) {
			state.ending = false;
			confirmBtn.disabled = cancel.disabled = false;
			setButton(confirmBtn, 'Finish test', false);
			$('finish-dialog').close();
			if (res.status === 200 || res.status === 409) {
				lockFinished('completed', 'manual');
				$('state-banner').focus();
			} else {
				unlockAfterFailedFinish(res);
			}
		});
	}

	/* Finishing must not be lost to a short outage: retry while it is one. */
	function completeWithRetry() {
		var delay = RETRY_FIRST_MS;
		function attempt() {
			return request('PUT', sessionPath('complete'), { completion_method: 'manual' }).then(function (res) {
				if (!transient(res)) return res;
				connectionLost();
				return sleep(delay).then(function () {
					delay = Math.min(delay * 2, RETRY_MAX_MS);
					return attempt();
				});
			});
		}
		return attempt();
	}

	function unlockAfterFailedFinish(res) {
		state.locked = false;
		document.body.classList.remove('locked');
		editor.setReadOnly(false);
		['finish-btn', 'lang-select', 'custom-input'].forEach(function (id) { $(id).disabled = false; });
		setBusy(null);
		setBanner('state-banner', 'banner-error', 'The test could not be finished (' +
			(errorMessage(res) || 'error ' + res.status) + '). Try Finish test again.');
		if (res.status === 401) tokenRevoked();
	}

	function initDialog() {
		$('fd-cancel').addEventListener('click', function () { $('finish-dialog').close(); });
		$('fd-confirm').addEventListener('click', finishTest);
		$('finish-dialog').addEventListener('close', function () {
			if (!state.locked) $('finish-btn').focus();
		});
		// Escape closes the dialog, except while the test is being finished.
		$('finish-dialog').addEventListener('cancel', function (e) {
			if (state.ending) e.preventDefault();
		});
		$('conn-retry').addEventListener('click', function () {
			clearTimeout(conn.timer);
			probe();
		});
		$('state-banner').setAttribute('tabindex', '-1');
	}

	document.addEventListener('DOMContentLoaded', function () {
		initDialog();
		boot();
	});
})();
