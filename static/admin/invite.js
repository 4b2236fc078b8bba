// invite.js - invitations to a test: one candidate (name, email) or many
// pasted as CSV (name,email a line), the links sent by e-mail when asked; what
// became of each row (created with its link to copy and its e-mail, already
// invited, invalid and why).
import { idPath } from "../common/api.js";
import { h, field, errorBox, busy } from "../common/dom.js";
import { api } from "./session.js";
import { announce } from "./ui.js";

const RESULT_TEXT = { created: "created", already_invited: "already invited", invalid: "invalid" };
const RESULT_LOOK = { created: "ok", already_invited: "warn", invalid: "error" };

// Copy text, or say how to when the browser refuses (plain http on another host).
async function copy(text, status, fallbackInput) {
	try {
		await navigator.clipboard.writeText(text);
		status.textContent = "Copied to the clipboard.";
	} catch (e) {
		if (fallbackInput) {
			fallbackInput.focus();
			fallbackInput.select();
		}
		status.textContent = "This browser did not allow copying. Select the text and press Ctrl+C (⌘C on a Mac).";
	}
}

export function summaryText(r) {
	const parts = [`${r.created} created`];
	if (r.already_invited) parts.push(`${r.already_invited} already invited`);
	if (r.invalid) parts.push(`${r.invalid} invalid`);
	return parts.join(", ");
}

// The answer of an invitation: the counts, a row each, the links.
export function resultView(r) {
	const status = h("p", { class: "copy-status", role: "status" });
	const links = r.rows.filter((x) => x.status === "created");
	const all = links.map((x) => `${x.name},${x.email},${x.invite_url}`).join("\n");
	const copyAll = h("button", { type: "button", class: "btn" }, "Copy all links");
	copyAll.addEventListener("click", () => copy(`name,email,link\n${all}\n`, status, null));
	const heading = h("h3", { tabindex: -1, class: "invite-summary" }, summaryText(r));
	const rows = r.rows.map((x) => {
		let link = "—";
		if (x.invite_url) {
			const input = h("input", { type: "text", readonly: true, value: x.invite_url, class: "mono invite-url",
				"aria-label": `Invitation link for ${x.name}` });
			input.addEventListener("focus", () => input.select());
			const btn = h("button", { type: "button", class: "btn btn-small", "aria-label": `Copy the link for ${x.name}` }, "Copy");
			btn.addEventListener("click", () => copy(x.invite_url, status, input));
			link = h("div", { class: "invite-row" }, input, btn);
		}
		return h("tr", { "data-status": x.status, "data-email": x.email },
			h("td", { class: "num" }, x.row),
			h("td", {}, x.name || "—"),
			h("td", {}, x.email || "—"),
			h("td", {}, h("span", { class: `badge badge-${RESULT_LOOK[x.status] || "neutral"}` }, RESULT_TEXT[x.status] || x.status),
				x.reason ? h("span", { class: "status-detail" }, x.reason) : null,
				x.mail ? h("span", { class: "status-detail", "data-mail": x.mail.status },
					x.mail.status === "sent" ? "e-mail sent" : `e-mail ${x.mail.status}${x.mail.error ? `: ${x.mail.error}` : ""}`) : null),
			h("td", {}, link));
	});
	const box = h("div", { class: "invite-result" }, heading,
		links.length ? h("p", {}, "Send each candidate their own link; anyone with a link can take the test.") : null,
		h("table", { class: "table invite-rows" },
			h("caption", { class: "visually-hidden" }, "Invitation rows"),
			h("thead", {}, h("tr", {}, ["Row", "Name", "Email", "Result", "Link"].map((c) => h("th", { scope: "col" }, c)))),
			h("tbody", {}, rows)),
		links.length > 1 ? h("div", { class: "form-actions" }, copyAll) : null, status);
	return { box, heading };
}

// The invitation forms of test (as GET /api/admin/tests/:id gives it);
// onInvited() runs after candidates were invited.
export function inviteSection(test, onInvited) {
	const path = `/api/admin/tests/${idPath(test.id)}/invitations`;
	const out = h("div");
	const show = (r) => {
		const v = resultView(r);
		out.replaceChildren(v.box);
		v.heading.focus();
		announce(`Invitations: ${summaryText(r)}.`);
		if (r.created) onInvited();
	};

	// for both forms: each created candidate's link also goes out by e-mail
	const sendBox = h("input", { type: "checkbox" });
	const sendLabel = h("label", { class: "check" }, sendBox, "Send each new candidate the link by e-mail");
	const name = field("Candidate name", h("input", { type: "text", maxlength: 200, autocomplete: "off" }));
	const email = field("Candidate email", h("input", { type: "email", maxlength: 200, autocomplete: "off" }));
	const one = h("button", { type: "submit", class: "btn btn-primary" }, "Invite");
	const oneStatus = h("div");
	const oneForm = h("form", { class: "invite-one", novalidate: true, "aria-label": "Invite one candidate" },
		h("h3", {}, "One candidate"), h("div", { class: "grid-invite" }, name.field, email.field), oneStatus,
		h("div", { class: "form-actions" }, one));
	oneForm.addEventListener("submit", async (e) => {
		e.preventDefault();
		const data = { name: name.control.value.trim(), email: email.control.value.trim() };
		if (sendBox.checked) data.send_email = true;
		name.setError(data.name ? "" : "Enter the candidate's name.");
		email.setError(data.email && email.control.checkValidity() ? "" : "Enter the candidate's email address.");
		const bad = oneForm.querySelector("[aria-invalid=true]");
		if (bad) {
			bad.focus();
			return;
		}
		oneStatus.replaceChildren();
		try {
			const r = await busy(one, "Inviting…", () => api.post(path, data));
			show({ created: 1, already_invited: 0, invalid: 0,
				rows: [{ row: 1, name: r.candidate.name, email: r.candidate.email, status: "created", invite_url: r.invite_url,
					mail: r.mail }] });
			oneForm.reset();
		} catch (err) {
			oneStatus.replaceChildren(errorBox(err.message));
		}
	});

	const csv = field("Candidates as CSV", h("textarea", { rows: 6, class: "mono wide-text", spellcheck: "false",
		placeholder: "name,email\nAnn Lee,ann@example.com\nBo Chen,bo@example.com" }),
	"One candidate a line: name,email. A first line name,email is skipped; quote a name that holds a comma. At most 1000 lines.");
	const many = h("button", { type: "submit", class: "btn btn-primary" }, "Invite all");
	const manyStatus = h("div");
	const manyForm = h("form", { class: "invite-many", novalidate: true, "aria-label": "Invite candidates from CSV" },
		h("h3", {}, "Many from CSV"), csv.field, manyStatus, h("div", { class: "form-actions" }, many));
	manyForm.addEventListener("submit", async (e) => {
		e.preventDefault();
		const text = csv.control.value;
		csv.setError(text.trim() ? "" : "Paste at least one line: name,email.");
		if (!text.trim()) {
			csv.control.focus();
			return;
		}
		manyStatus.replaceChildren();
		try {
			const r = await busy(many, "Inviting…", () => api.post(path, sendBox.checked ? { csv: text, send_email: true } : { csv: text }));
			show(r);
			if (r.created) csv.control.value = "";
		} catch (err) {
			manyStatus.replaceChildren(errorBox(err.message));
		}
	});

	return h("section", { class: "card invite-section", "aria-labelledby": "invite-title" },
		h("h2", { id: "invite-title" }, "Invite candidates"),
		h("p", { class: "muted" }, "Candidates are invited to the current version of the test. Send each link yourself, "
			+ "or tick the box and the service e-mails it (when the server is set up for mail)."),
		sendLabel,
		h("div", { class: "invite-forms" }, oneForm, manyForm), out);
}
