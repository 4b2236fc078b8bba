// common/verdicts.js - the one table of verdict labels: the candidate's results
// and the recruiter's reports name a status the same way.
import { h } from "./dom.js";

const VERDICTS = {
	accepted: "Accepted",
	wrong_answer: "Wrong answer",
	time_limit_exceeded: "Time limit exceeded",
	memory_limit_exceeded: "Memory limit exceeded",
	runtime_error: "Runtime error",
	output_limit_exceeded: "Output limit exceeded",
	compilation_error: "Compilation error",
	internal_error: "Internal error",
	skipped: "Skipped",
};

// "wrong_answer" -> "Wrong answer"; a status this table does not know is
// shown as it is, without underscores.
export function verdictLabel(status) {
	if (!status) return "—";
	return VERDICTS[status] || String(status).replace(/_/g, " ");
}

// A verdict badge; data-verdict carries the raw code for styling and tests.
export function verdictBadge(status) {
	const look = status === "accepted" ? "badge-ok" : status === "skipped" ? "badge-neutral" : "badge-error";
	return h("span", { class: `badge ${look}`, "data-verdict": status || "" }, verdictLabel(status));
}
