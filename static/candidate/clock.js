// clock.js - the countdown. The server owns the clock: its remaining seconds
// set a local deadline (re-synced from every heartbeat). The page counts down
// to that deadline, warns at 10 and at 1 minute left, and calls for the end at
// the deadline itself: the candidate keeps every second, and the final
// auto-submit that follows is accepted within the server's grace period
// (SESSION_SUBMIT_GRACE_S, fcgi-app/session.h).
import { byId } from "../common/dom.js";
import { fmtClock } from "../common/format.js";
import { announce, setBanner } from "./views.js";

const WARN_10_MIN = 600;
const WARN_1_MIN = 60;
// onTimeUp(): the time is up; called on every tick from then on.
export function createClock({ onTimeUp }) {
	let deadline = 0;          // performance.now() value at which the time is up
	const warned = {};

	function secondsLeft() {
		return Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
	}

	function warn(text, cls) {
		setBanner("time-banner", cls, text);
		announce(text);
	}

	return {
		// Server time left -> local deadline. Small differences are rounding in
		// the server's whole seconds; ignoring them keeps the clock steady.
		sync(remaining, force) {
			if (typeof remaining !== "number") return;
			const d = performance.now() + remaining * 1000;
			if (force || Math.abs(d - deadline) > 1500) deadline = d;
		},

		// phase: "open", "ending" (locked while the last code goes in: the
		// clock still shows) or "closed" (the clock stands still)
		tick(phase) {
			if (phase === "closed") return;
			const left = secondsLeft();
			byId("timer").textContent = fmtClock(left);
			byId("timer-box").className = "timer-box" +
				(left <= WARN_1_MIN ? " timer-danger" : left <= WARN_10_MIN ? " timer-warn" : "");
			if (phase !== "open") return;
			if (left <= WARN_1_MIN && !warned[WARN_1_MIN]) {
				warned[WARN_1_MIN] = warned[WARN_10_MIN] = true;
				warn("1 minute left. When the time is up, your latest code is submitted automatically.", "banner-error");
			} else if (left <= WARN_10_MIN && !warned[WARN_10_MIN]) {
				warned[WARN_10_MIN] = true;
				warn("10 minutes left. Submit each question you want graded; your code is saved automatically.", "banner-warn");
			}
			if (left <= 0) onTimeUp();
		},

		showZero() {
			byId("timer").textContent = fmtClock(0);
		},

		// once the test has ended, the banner says how
		hide() {
			byId("timer-box").hidden = true;
		},
	};
}
