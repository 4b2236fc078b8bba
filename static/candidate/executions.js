// executions.js - a run or submit as the server queues it: sent with
// ?wait=false (202 once it is stored), then followed by polling
// GET /api/executions/:id until it ends. There is no deadline: a busy queue
// only makes the wait longer, and a lost connection is retried with a
// doubling delay while connection.js shows the banner.
//
// Each look at the execution gives up after POLL_ANSWER_MS without an answer
// (a connection that died without closing, after a laptop's sleep, would
// otherwise keep the page on "Running…" for good) and asks again.
//
// A session has one execution queued or running at a time; the server
// refuses another with 429 execution_in_progress, which is waited out
// (Retry-After) and sent again. The execution being followed is kept in
// localStorage, so a page closed and opened again follows it to its end.
//
// An execution ends in an outcome, { end, ... }:
//   done       result: what the waiting POST /proxy/execute answers
//   refused    res: a request() answer saying why it was not run
//   failed     the runner could not complete it (run it again)
//   cancelled  a run replaced by a submit
//   gone       the server does not know the execution (anymore)
//   stopped    this page may not follow it (its token was taken over)
import { errorCode, idPath, transient } from "../common/api.js";
import { sleep } from "../common/dom.js";
import { RETRY_FIRST_MS, RETRY_MAX_MS } from "./connection.js";

const POLL_MS = 700;          // running: progress shows test by test
const POLL_QUEUED_MAX_MS = 5000;
const POLL_PER_PLACE_MS = 10; // queued far back: a burst's pages ask less often
const POLL_ANSWER_MS = 15000; // a look that long without an answer is asked again

/* How long until the next look at an execution that is waiting or running. */
export function pollDelay(v) {
	if (v.status !== "queued" || !v.queue_position) return POLL_MS;
	return Math.min(POLL_QUEUED_MAX_MS, POLL_MS + v.queue_position * POLL_PER_PLACE_MS);
}
const BUSY_RETRY_S = 2;      // when a 429 names no Retry-After

// What the page says while an execution is waiting or running.
export function progressText(v) {
	if (v.status === "busy") return "Waiting for your previous run to finish…";
	if (v.status === "unanswered") return "No answer from the server about this run yet; asking again…";
	if (v.status === "queued") return v.queue_position ? "Queued (position " + v.queue_position + ")" : "Queued";
	const p = v.progress || {};
	if (p.stage === "compiling") return "Compiling…";
	if (p.stage === "running" && p.tests) return "Running test " + p.test + " of " + p.tests;
	return "Starting…";
}

/* The end of a followed execution as an outcome. */
function outcomeOf(v) {
	if (v.status === "done" && v.result) return { end: "done", result: v.result };
	if (v.status === "done") {
		// the judge refused the request: the error the waiting call would have sent
		const code = v.error && v.error.code;
		return { end: "refused", res: { status: code === "payload_too_large" ? 413 : 400, json: { error: v.error } } };
	}
	return { end: v.status === "cancelled" ? "cancelled" : "failed", error: v.error || null };
}

// session: session.js (call() reports lost and restored connections).
// candidateId: names the stored execution.
export function createExecutions({ session, candidateId }) {
	const storeKey = "ce-execution:" + candidateId;

	function store(rec) {
		try {
			if (rec) localStorage.setItem(storeKey, JSON.stringify(rec));
			else localStorage.removeItem(storeKey);
		} catch (e) { /* storage disabled: a reload will not pick the execution up */ }
	}

	function stored() {
		try {
			const rec = JSON.parse(localStorage.getItem(storeKey) || "null");
			return rec && typeof rec.execution_id === "string" && rec.question ? rec : null;
		} catch (e) {
			return null;
		}
	}

	/* POST ?wait=false until it is stored or refused; the 202's answer or { refused }. */
	async function send(body, view, persist) {
		let delay = RETRY_FIRST_MS;
		for (;;) {
			const res = await session.call("POST", "/proxy/execute?wait=false", body);
			if (res.status === 202 && res.json && res.json.execution_id) return res.json;
			if (res.status === 429 && errorCode(res) === "execution_in_progress") {
				view({ status: "busy" });
				await sleep((res.retryAfter || BUSY_RETRY_S) * 1000);
			} else if (persist && transient(res)) {
				await sleep(delay);
				delay = Math.min(delay * 2, RETRY_MAX_MS);
			} else {
				return { refused: res };
			}
		}
	}

	/* Poll the execution until it ends; view(v) sees it while it waits or runs. */
	async function follow(rec, view) {
		let delay = RETRY_FIRST_MS;
		for (;;) {
			const res = await session.call("GET", "/api/executions/" + idPath(rec.execution_id), undefined, POLL_ANSWER_MS);
			if (res.status === 200 && res.json) {
				delay = RETRY_FIRST_MS;
				if (res.json.status !== "queued" && res.json.status !== "running") {
					store(null);
					return outcomeOf(res.json);
				}
				view(res.json);
				await sleep(pollDelay(res.json));
			} else if (res.status === 404) {
				store(null);
				return { end: "gone" };
			} else if (res.status >= 400 && res.status < 500) {
				// kept: the page that holds the session now picks it up
				return { end: "stopped", res };
			} else {
				// unreachable or restarting: the job goes on, keep asking
				if (res.status === 0) view({ status: "unanswered" });
				await sleep(delay);
				delay = Math.min(delay * 2, RETRY_MAX_MS);
			}
		}
	}

	return {
		stored,
		follow,

		// Run body (a POST /proxy/execute body) to its end. hooks:
		//   view(v)        the execution waiting or running (progressText(v))
		//   accepted(rec)  the server stored it: { question, execution_id, mode, language }
		//   persist        retry while the service is unreachable (the end of
		//                  the test), instead of giving up at once
		async run(body, { view, accepted, persist }) {
			const sent = await send(body, view, persist);
			if (sent.refused) return { end: "refused", res: sent.refused };
			const rec = { question: body.question_id, execution_id: sent.execution_id, mode: body.mode, language: body.language };
			store(rec);
			if (accepted) accepted(rec);
			view(sent);
			return follow(rec, view);
		},
	};
}
