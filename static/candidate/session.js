// session.js - the candidate's session with the server: the invitation token
// from the link, the session token (kept in sessionStorage, so that a reload of
// the tab resumes in it), and the calls made for the session: start, resume,
// heartbeat, activity, complete, and the abandon beacon when the tab closes.
//
// Two kinds of call: request() just answers; call() is for the workspace and,
// once watch() has given it hooks, reports what each answer means for the test:
// the connection lost or back, the token taken over by another tab (401), the
// session over on the server's side (409 session_over).
import { request, send, transient, errorCode, idPath } from "../common/api.js";

const STORE_KEY = "ce-session";
const HEARTBEAT_MS = 30000;
const ACTIVITY_MIN_MS = 15000;
// keepalive requests (sent while the page unloads) are limited to 64 KiB
const KEEPALIVE_MAX = 60000;

export function createSession(invite) {
	let token = "";
	let cid = "";
	let hooks = null;        // set by watch()
	let lastActivity = 0;

	function path(suffix) {
		return "/api/test-session/" + idPath(cid) + (suffix ? "/" + suffix : "");
	}

	// timeout: ms to wait for an answer before counting it as not through (0: no limit)
	function plain(method, p, body, timeout) {
		return request(method, p, { body, token, timeout });
	}

	async function call(method, p, body, timeout) {
		const res = await plain(method, p, body, timeout);
		if (!hooks) return res;
		if (transient(res)) hooks.lost();
		else hooks.restored();
		if (res.status === 401) hooks.revoked();
		else if (res.status === 409 && errorCode(res) === "session_over") hooks.over();
		return res;
	}

	function stored() {
		try {
			const s = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
			return s && s.invite === invite ? s : null;
		} catch (e) {
			return null;
		}
	}

	function store() {
		try {
			sessionStorage.setItem(STORE_KEY, JSON.stringify({ invite, token, candidate_id: cid }));
		} catch (e) { /* private mode: a reload will resume through the invitation */ }
	}

	function forget() {
		try {
			sessionStorage.removeItem(STORE_KEY);
		} catch (e) { /* nothing was stored */ }
	}

	// hooks: { lost(), restored(), revoked(), over(), remaining(seconds),
	//          isLocked(), unload() -> the drafts to send as the tab closes, or null }
	function watch(h) {
		hooks = h;
	}

	function heartbeat() {
		if (!hooks || hooks.isLocked()) return Promise.resolve();
		return call("PUT", path("heartbeat")).then((res) => {
			if (res.status === 200) hooks.remaining(res.json.remaining_seconds);
		});
	}

	function activity() {
		const now = Date.now();
		if (hooks.isLocked() || now - lastActivity < ACTIVITY_MIN_MS) return;
		lastActivity = now;
		call("PUT", path("activity")).then((res) => {
			if (res.status === 200) hooks.remaining(res.json.remaining_seconds);
		});
	}

	// Tab closing or navigating away: keep the drafts, tell the server. The
	// server waits a grace period before calling the session abandoned, so a
	// reload or a quick return resumes it.
	function leaving() {
		if (hooks.isLocked()) return;
		const body = hooks.unload();
		if (body !== null && body.length < KEEPALIVE_MAX) {
			// the local copy is restored next time if this does not get through
			send("PUT", path("progress"), { body, token, keepalive: true });
		}
		if (navigator.sendBeacon) {
			navigator.sendBeacon(path("abandon") + "?token=" + encodeURIComponent(token),
				JSON.stringify({ completion_method: "tab_close" }));
		}
	}

	// The signals of an active session: a heartbeat every 30 s and on coming
	// back to the page, throttled activity, the beacon on leaving.
	function startSignals() {
		setInterval(heartbeat, HEARTBEAT_MS);
		document.addEventListener("keydown", activity, true);
		document.addEventListener("click", activity, true);
		document.addEventListener("visibilitychange", () => {
			if (document.visibilityState === "visible") heartbeat();
		});
		window.addEventListener("pageshow", (e) => {
			if (e.persisted) heartbeat();   // back from the page cache: say we are here again
		});
		window.addEventListener("pagehide", leaving);
	}

	return {
		path,
		request: plain,
		call,
		watch,
		heartbeat,
		startSignals,
		candidateId: () => cid,

		invitation: () => plain("POST", "/api/invitation", { invite_token: invite }),

		setCandidate(id) {
			cid = id;
		},

		// A reload of this tab keeps using its token, if it still works (also
		// for a finished test, which then shows read-only). Resolves to the
		// answer, { session, test }, or null.
		async resume() {
			const saved = stored();
			if (!saved || saved.candidate_id !== cid) return null;
			token = saved.token;
			const res = await plain("GET", path());
			if (res.status === 200) return res.json;
			token = "";
			if (!transient(res)) forget();
			return null;
		},

		// POST /api/test-session; a 200 gives this tab the session token (and
		// says again what the test allows: { session, session_token, test }).
		async start() {
			const res = await plain("POST", "/api/test-session", { invite_token: invite });
			if (res.status === 200) {
				token = res.json.session_token;
				cid = res.json.session.candidate_id;
				store();
			}
			return res;
		},

		read: () => plain("GET", path()),
		// A file behind the session token (a PDF statement): the Response, or null offline.
		file: (p) => send("GET", p, { token }),
		complete: (method) => plain("PUT", path("complete"), { completion_method: method }),
	};
}
