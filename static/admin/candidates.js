// candidates.js - the candidate list (status, score, CSV export) and the
// new-candidate form that ends with the invitation link to copy.
import { h, uid, field, loading, errorBox, busy, pager } from "../common/dom.js";
import { fmtDate, fmtDuration, fmtScore } from "../common/format.js";
import { api } from "./session.js";
import { announce, statusBadge, download } from "./ui.js";
import { difficultyBadge } from "./questions.js";

const METHOD_TEXT = {
	manual: "submitted by the candidate",
	auto: "completed automatically",
	timer_expired: "time ran out",
	tab_close: "tab closed and not reopened",
	heartbeat_timeout: "connection lost (no heartbeat)",
};

// The invitation link with a Copy button. Where the clipboard API is missing
// or refused (plain http on another host), the link is selected for Ctrl+C.
// label names the field ("Invitation link", "Reset link for ann").
export function inviteLinkBox(url, label) {
	const input = h("input", { type: "text", readonly: true, value: url, class: "mono invite-url" });
	const status = h("p", { class: "copy-status", role: "status" });
	const copy = h("button", { type: "button", class: "btn btn-primary" }, "Copy link");
	input.addEventListener("focus", () => input.select());
	copy.addEventListener("click", async () => {
		try {
			await navigator.clipboard.writeText(url);
			status.textContent = "Link copied to the clipboard.";
		} catch (e) {
			input.focus();
			input.select();
			status.textContent = "This browser did not allow copying. The link is selected: press Ctrl+C (⌘C on a Mac).";
		}
	});
	const f = field(label || "Invitation link", input);
	return h("div", { class: "invite-box" }, h("div", { class: "invite-row" }, f.field, copy), status);
}

// "completed · time ran out", "active · 32 min left"
export function statusDetail(c) {
	const s = c.session;
	if (!s) return "link not opened yet";
	if (s.status === "active") return `${fmtDuration(s.remaining_seconds)} left`;
	return METHOD_TEXT[s.completion_method] || s.completion_method || "";
}

// "Not started" until the candidate opens the test: a score of 0 / 14 would read as a result
export function scoreText(c) {
	return c.session ? `${fmtScore(c.score)} / ${fmtScore(c.max_score)}` : "Not started";
}

// the integrity signals as one number (what the list sorts by) and a tooltip with the parts
function flagsCell(c) {
	const g = c.integrity;
	if (!g || !c.session) return h("td", { class: "num" }, "—");
	const n = g.pastes + g.copies + g.focus_lost;
	return h("td", { class: "num", "data-flags": n,
		title: `${g.pastes} pastes (${g.pastes_from_outside} from outside), ${g.copies} copies, left the page ${g.focus_lost} times` }, String(n));
}

function candidateRow(c) {
	return h("tr", { "data-candidate-id": c.candidate_id },
		h("td", {}, h("a", { href: `#/candidates/${c.candidate_id}`, class: "row-title" }, c.name)),
		h("td", {}, c.email || "—"),
		h("td", {}, statusBadge(c.status), h("span", { class: "status-detail" }, statusDetail(c))),
		h("td", { class: "num nowrap", "data-score": c.session ? c.score : "" }, scoreText(c)),
		h("td", { class: "nowrap" }, c.session ? fmtDate(c.session.test_start_time) : "—"),
		flagsCell(c),
		h("td", { class: "nowrap" }, fmtDate(c.created_at)));
}

// the list's columns: [label, the server's sort key or null]
const COLUMNS = [["Name", "name"], ["Email", null], ["Status", "status"], ["Score", "score"],
	["Started", "started_at"], ["Integrity flags", "integrity"], ["Invited", "created_at"]];
const PER_PAGE = [25, 50, 100];
// names and statuses read A to Z, the rest newest, best or most flagged first (as the server)
const firstOrder = (sort) => (sort === "name" || sort === "status" ? "asc" : "desc");

export async function candidatesView(ctx) {
	ctx.title("Candidates");
	const exportBtn = h("button", { type: "button", class: "btn" }, "Export CSV");
	exportBtn.addEventListener("click", () => download(exportBtn, "/api/admin/export/scores.csv", "scores.csv"));
	ctx.root.append(h("div", { class: "page-head" }, h("h1", {}, "Candidates"),
		h("div", { class: "head-actions" }, exportBtn,
			ctx.mayWrite ? h("a", { class: "btn", href: "#/candidates/bulk" }, "Invite from CSV") : null,
			ctx.mayWrite ? h("a", { class: "btn btn-primary", href: "#/candidates/new" }, "New candidate") : null)));

	// the server sorts, filters and pages (GET /api/admin/candidates)
	const q = { q: "", status: "", from: "", until: "", sort: "created_at", order: "desc", page: 1, per_page: 25 };
	const search = field("Search", h("input", { type: "search", placeholder: "Name or email", maxlength: 100 }));
	const status = h("select", {}, h("option", { value: "" }, "All"),
		["invited", "active", "completed", "abandoned"].map((v) => h("option", { value: v }, v)));
	const from = field("Invited from", h("input", { type: "date" }));
	const until = field("Invited until", h("input", { type: "date" }));
	const perPage = h("select", {}, PER_PAGE.map((n) => h("option", { value: String(n) }, String(n))));
	const count = h("p", { class: "muted", "aria-live": "polite" });
	const out = h("div", {}, loading("Loading candidates…"));
	const pages = pager("Pages of candidates", (step) => {
		q.page += step;
		load();
	});

	function header() {
		return h("tr", {}, COLUMNS.map(([label, key]) => {
			if (!key) return h("th", { scope: "col" }, label);
			const on = q.sort === key;
			const b = h("button", { type: "button", class: "sort-btn", "data-sort": key },
				label, h("span", { class: "sort-mark", "aria-hidden": "true" }, on ? (q.order === "asc" ? " ▲" : " ▼") : ""));
			b.addEventListener("click", () => {
				q.order = on ? (q.order === "asc" ? "desc" : "asc") : firstOrder(key);
				q.sort = key;
				q.page = 1;
				load(key);
			});
			return h("th", { scope: "col", "aria-sort": on ? (q.order === "asc" ? "ascending" : "descending") : null }, b);
		}));
	}

	let seq = 0;
	// refocus: the sort button to give the focus back to once the table is new
	async function load(refocus) {
		const mine = ++seq;
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(q)) if (v !== "") params.set(k, String(v));
		let r;
		try {
			r = await api.get(`/api/admin/candidates?${params}`);
		} catch (e) {
			if (mine === seq && ctx.alive) out.replaceChildren(errorBox(e.message));
			return;
		}
		if (mine !== seq || !ctx.alive) return;
		const filtered = q.q || q.status || q.from || q.until;
		count.textContent = `${r.total} candidate${r.total === 1 ? "" : "s"}${filtered ? " match" + (r.total === 1 ? "es" : "") : ""}`;
		pages.show(r.page, Math.max(1, Math.ceil(r.total / r.per_page)));
		if (!r.candidates.length) {
			out.replaceChildren(h("p", { class: "empty" }, r.total ? "No candidates on this page."
				: filtered ? "No candidate matches. Change the search, the status or the dates."
					: "No candidates yet. Use “New candidate” to invite the first one."));
			return;
		}
		out.replaceChildren(h("table", { class: "table candidates-table" },
			h("caption", { class: "visually-hidden" }, "Candidates; the column buttons sort the list"),
			h("thead", {}, header()),
			h("tbody", {}, r.candidates.map(candidateRow))));
		if (refocus) out.querySelector(`[data-sort="${refocus}"]`).focus();
	}

	// a filter changed: back to the first page
	function refilter() {
		const bad = from.control.value && until.control.value && from.control.value > until.control.value;
		until.setError(bad ? "The last day comes after the first." : "");
		if (bad) return;
		Object.assign(q, { q: search.control.value.trim(), status: status.value, from: from.control.value, until: until.control.value,
			per_page: Number(perPage.value), page: 1 });
		load();
	}
	for (const c of [status, from.control, until.control, perPage]) c.addEventListener("change", refilter);
	let typing = 0;
	search.control.addEventListener("input", () => {
		clearTimeout(typing);
		typing = setTimeout(refilter, 300);
	});
	ctx.root.append(h("div", { class: "filters", role: "search", "aria-label": "Filter candidates" },
		search.field, field("Status", status).field, from.field, until.field, field("Per page", perPage).field, count), out, pages.nav);
	await load();
}

// A checkbox list of the bank with a filter; the order of ticking is the test's order.
export function questionPicker(bank) {
	const order = [];
	const filter = h("input", { type: "search", placeholder: "Filter by title or tag" });
	const legendCount = h("span", { class: "muted" });
	const orderList = h("ol", { class: "pick-order" });
	const summary = h("div", { class: "pick-summary" },
		h("p", { class: "field-hint" }, "Test order (the order you ticked them in):"), orderList);
	const items = bank.map((q) => {
		const box = h("input", { type: "checkbox", value: q.id, id: uid("pick") });
		box.addEventListener("change", () => {
			if (box.checked) order.push(q);
			else order.splice(order.indexOf(q), 1);
			update();
		});
		const li = h("li", { class: "pick-item" }, box,
			h("label", { for: box.id }, h("span", { class: "pick-title" }, q.title), " ",
				difficultyBadge(q.difficulty), " ",
				h("span", { class: "muted" }, (q.tags || []).join(", "))));
		return { q, li };
	});
	function update() {
		legendCount.textContent = ` (${order.length} selected)`;
		orderList.replaceChildren(...order.map((q) => h("li", {}, q.title)));
		summary.hidden = !order.length;
	}
	filter.addEventListener("input", () => {
		const t = filter.value.trim().toLowerCase();
		for (const { q, li } of items) {
			li.hidden = !!t && !q.title.toLowerCase().includes(t) && !(q.tags || []).some((x) => x.toLowerCase().includes(t));
		}
	});
	update();
	const fs = h("fieldset", { class: "picker" },
		h("legend", {}, "Questions", legendCount),
		field("Filter the bank", filter).field,
		h("ul", { class: "pick-list" }, items.map((i) => i.li)),
		summary);
	return { element: fs, selected: () => order.map((q) => q.id), focus: () => filter.focus() };
}

export async function newCandidateView(ctx) {
	ctx.title("New candidate");
	const body = h("div", {}, loading("Loading the question bank…"));
	ctx.root.append(h("div", { class: "page-head" },
		h("div", {}, h("a", { href: "#/candidates", class: "back-link" }, "← Candidates"), h("h1", {}, "New candidate"))),
		body);
	const bank = (await api.get("/api/admin/questions")).questions;
	if (!ctx.alive) return;
	if (!bank.length) {
		body.replaceChildren(h("p", { class: "empty" }, "The question bank is empty. ",
			h("a", { href: "#/questions/new" }, "Write a question"), " first, then invite candidates to it."));
		return;
	}

	const name = field("Name", h("input", { type: "text", maxlength: 200, autocomplete: "off", required: true }));
	const email = field("Email", h("input", { type: "email", maxlength: 200, autocomplete: "off" }),
		"Optional, unless the link goes out by e-mail.");
	const sendBox = h("input", { type: "checkbox" });
	const sendLabel = h("label", { class: "check" }, sendBox, "Send the invitation link by e-mail");
	const minutes = field("Duration (minutes)", h("input", { type: "number", min: 1, max: 1440, value: "60" }),
		"1 to 1440. The clock starts when the candidate starts the test.");
	const picker = questionPicker(bank);
	const pickErr = h("p", { class: "field-error", role: "alert", hidden: true });
	picker.element.addEventListener("change", () => {
		if (picker.selected().length) pickErr.hidden = true;
	});
	const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Create and get the link");
	const status = h("div");
	const form = h("form", { class: "card candidate-form", novalidate: true },
		h("div", { class: "grid-candidate" }, name.field, email.field, minutes.field),
		sendLabel, picker.element, pickErr, status,
		h("div", { class: "form-actions" }, submit, h("a", { class: "btn", href: "#/candidates" }, "Cancel")));

	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		const data = {
			name: name.control.value.trim(),
			email: email.control.value.trim(),
			test_duration_minutes: Number(minutes.control.value),
			question_ids: picker.selected(),
		};
		if (sendBox.checked) data.send_email = true;
		const d = data.test_duration_minutes;
		name.setError(data.name ? "" : "Enter the candidate's name.");
		email.setError(sendBox.checked && !data.email ? "Enter the email address the link goes to."
			: !data.email || email.control.checkValidity() ? "" : "Enter a valid email address, or leave it empty.");
		minutes.setError(Number.isInteger(d) && d >= 1 && d <= 1440 ? "" : "Enter a whole number of minutes from 1 to 1440.");
		pickErr.textContent = data.question_ids.length ? "" : "Tick at least one question for the test.";
		pickErr.hidden = !!data.question_ids.length;
		const bad = form.querySelector("[aria-invalid=true]");
		if (bad || !data.question_ids.length) {
			if (bad) bad.focus();
			else picker.focus();
			return;
		}
		try {
			const r = await busy(submit, "Creating…", () => api.post("/api/admin/candidates", data));
			showInvitation(body, r);
			announce(`Invitation created for ${r.candidate.name}.`);
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
		}
	});
	body.replaceChildren(form);
}

// What became of the invitation e-mail, as a sentence; null when none was asked for.
export function mailStatus(mail, name) {
	if (!mail) return null;
	if (mail.status === "sent") return h("p", { class: "mail-status", role: "status" }, `The link was e-mailed to ${mail.to}.`);
	if (mail.status === "disabled")
		return h("p", { class: "mail-status", role: "status" }, `E-mail is not set up on this server: send the link to ${name} yourself.`);
	return h("p", { class: "mail-status field-error", role: "alert" },
		`The e-mail to ${mail.to || name} could not be sent (${mail.error || "unknown error"}). `
		+ "Send the link yourself, or send it again from the candidate's page.");
}

function showInvitation(body, r) {
	const c = r.candidate;
	const n = (c.question_ids || []).length;
	const heading = h("h2", { tabindex: -1, id: "inv-title" }, `Invitation for ${c.name}`);
	body.replaceChildren(h("section", { class: "card invitation", "aria-labelledby": "inv-title" },
		heading,
		h("p", {}, `${r.mail && r.mail.status === "sent" ? "The link below" : "Send this link to " + c.name + ". It"} `
			+ `opens a ${c.test_duration_minutes}-minute test with ${n} `
			+ `question${n === 1 ? "" : "s"}. Anyone with the link can take the test, so send it privately.`),
		mailStatus(r.mail, c.name),
		inviteLinkBox(r.invite_url),
		h("div", { class: "form-actions" },
			h("a", { class: "btn", href: `#/candidates/${c.candidate_id}` }, "Open the candidate's page"),
			h("a", { class: "btn", href: "#/candidates" }, "All candidates"))));
	heading.focus();
}
