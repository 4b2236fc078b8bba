// common/format.js - dates, durations and sizes as the pages show them.

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function fmtDate(iso) {
	return iso ? dateFmt.format(new Date(iso)) : "—";
}

export function fmtTime(iso) {
	return iso ? timeFmt.format(new Date(iso)) : "—";
}

// 3725 s -> "1 h 2 min", 75 s -> "1 min 15 s"
export function fmtDuration(seconds) {
	const s = Math.max(0, Math.round(seconds));
	if (s < 60) return `${s} s`;
	if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
	const m = Math.floor(s / 60);
	return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
}

// 90 -> "1 hour 30 minutes", 45 -> "45 minutes": a test's length in words
export function fmtMinutes(minutes) {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	const parts = [];
	if (h) parts.push(h + (h === 1 ? " hour" : " hours"));
	if (m || !h) parts.push(m + (m === 1 ? " minute" : " minutes"));
	return parts.join(" ");
}

// A countdown: 3725 -> "1:02:05", 65 -> "1:05"
export function fmtClock(s) {
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const sec = s % 60;
	const mm = (h && m < 10 ? "0" : "") + m;
	const ss = (sec < 10 ? "0" : "") + sec;
	return (h ? h + ":" : "") + mm + ":" + ss;
}

// 0 means not measured (a program that never ran)
export function fmtBytes(n) {
	if (!n) return "—";
	if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
	return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

// A score as the judge gives it (fractions possible): 7 -> "7", 2.5 -> "2.5", 1/3 -> "0.33"
export function fmtScore(n) {
	const v = Number(n);
	if (!Number.isFinite(v)) return "0";
	return String(Math.round(v * 100) / 100);
}
