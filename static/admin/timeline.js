// timeline.js - the server's session timeline (start, activity, tab closes,
// heartbeat gaps, runs, the integrity signals, the end) turned into the lines the recruiter reads;
// a tab closed and back within seconds reads as one "Page reloaded".
import { fmtDuration, fmtTime } from "../common/format.js";

const END_TEXT = {
	manual: "Test submitted by the candidate",
	auto: "Test completed automatically",
	timer_expired: "Time ran out: the test was closed",
	tab_close: "Abandoned: the tab was closed and did not come back",
	heartbeat_timeout: "Abandoned: the connection was lost (no heartbeat)",
};

function text(e) {
	switch (e.kind) {
	case "start": return "Test started";
	case "resume": return "Came back (page reopened or reconnected)";
	case "tab_close": return "Tab closed";
	case "heartbeat_gap": return `Heartbeat gap: no heartbeat for ${fmtDuration(e.gap_seconds)} before this one`;
	case "extended": return "Time extended by a recruiter";
	case "reopened": return "Test reopened by a recruiter";
	case "run": return "Ran the code";
	case "paste": return `Pasted ${e.detail.chars} characters${e.detail.inside ? " copied inside the page" : " from outside the page"}`;
	case "copy": return `Copied ${e.detail.chars} characters out of the page`;
	case "focus_lost": return `Left the page for ${fmtDuration(e.detail.seconds)}`;
	case "end": {
		const method = e.detail && e.detail.method;
		return `${END_TEXT[method] || "Test ended"} (completion method: ${method || "unknown"})`;
	}
	default: return e.kind;
	}
}

// A tab closed and opened again this soon was reloaded, not left.
const RELOAD_SECONDS = 10;

// The index of the "resume" that ends the tab close at i as a reload, or -1.
function reloadEnd(timeline, i) {
	const t = Date.parse(timeline[i].at);
	for (let j = i + 1; j < timeline.length; j++) {
		const e = timeline[j];
		if (Date.parse(e.at) - t > RELOAD_SECONDS * 1000) return -1;
		if (e.kind === "resume") return j;
		// the page's own signals may arrive in between; anything else ends the search
		if (e.kind !== "activity" && e.kind !== "focus_lost") return -1;
	}
	return -1;
}

// timeline: the API's [{ kind, at, detail, gap_seconds }] in time order.
// Returns [{ at, kind, text }], with each run of activity events as one line
// (the server records at most one a minute; a long test has dozens).
export function timelineLines(timeline) {
	const lines = [];
	let run = null;
	for (let i = 0; i < timeline.length; i++) {
		const e = timeline[i];
		const back = e.kind === "tab_close" ? reloadEnd(timeline, i) : -1;
		if (back >= 0) {
			// a close and a return within seconds is a reload: one neutral line, not a warning
			run = null;
			const secs = (Date.parse(timeline[back].at) - Date.parse(e.at)) / 1000;
			lines.push({ at: e.at, kind: "reload",
				text: `Page reloaded (back after ${secs < 1 ? "less than a second" : fmtDuration(secs)})` });
			i = back;
			continue;
		}
		if (e.kind !== "activity") {
			run = null;
			lines.push({ at: e.at, kind: e.kind, text: text(e) });
			continue;
		}
		if (!run) {
			run = { at: e.at, kind: "activity", count: 0 };
			lines.push(run);
		}
		run.count++;
		run.text = run.count === 1 ? "Working (keyboard or mouse activity)"
			: `Working until ${fmtTime(e.at)} (activity in ${run.count} different minutes)`;
	}
	return lines;
}
