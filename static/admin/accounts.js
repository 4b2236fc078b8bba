// accounts.js - the owner's page of accounts: each account's role and state, a
// new account with the invitation link to hand over, disable and enable, and a
// password reset that gives a new link. Nobody types another's password.
import { idPath } from "../common/api.js";
import { h, field, loading, errorBox, busy, confirmDialog } from "../common/dom.js";
import { fmtDate } from "../common/format.js";
import { api } from "./session.js";
import { announce } from "./ui.js";
import { inviteLinkBox } from "./candidates.js";

const ROLES = [
	{ id: "reviewer", label: "Reviewer: reads jobs and reports, writes notes and ratings" },
	{ id: "recruiter", label: "Recruiter: also questions, jobs, tests and invitations" },
	{ id: "owner", label: "Owner: also accounts and the audit trail" },
];

const USERNAME_RE = /^[A-Za-z0-9._@-]{1,64}$/;

function stateBadge(a) {
	const [look, text] = a.disabled ? ["error", "disabled"] : a.has_password ? ["ok", "active"] : ["warn", "link not used yet"];
	return h("span", { class: `badge badge-${look}`, "data-state": text }, text);
}

export async function accountsView(ctx) {
	ctx.title("Accounts");
	const linkSlot = h("div");
	const body = h("div", {}, loading("Loading the accounts…"));
	ctx.root.append(h("div", { class: "page-head" }, h("h1", {}, "Accounts")), linkSlot, body);

	let list = (await api.get("/api/admin/accounts")).accounts;
	if (!ctx.alive) return;

	const tbody = h("tbody");
	const table = h("table", { class: "table accounts-table" },
		h("caption", { class: "visually-hidden" }, "Accounts"),
		h("thead", {}, h("tr", {},
			["Username", "Name", "Email", "Role", "State", "Created"].map((c) => h("th", { scope: "col" }, c)),
			h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Actions")))),
		tbody);

	// a new or reset link, shown above the list until the next one
	function showLink(r, what) {
		const a = r.account;
		const heading = h("h2", { tabindex: -1, id: "account-link-title" },
			what === "invite" ? `Invitation link for ${a.username}` : `Reset link for ${a.username}`);
		linkSlot.replaceChildren(h("section", { class: "card invitation", "aria-labelledby": heading.id },
			heading,
			h("p", {}, `Send this link to ${a.name || a.username}. It sets the password of `
				+ `${a.username}, works once and expires in ${r.link_expires_in_hours} hours.`),
			inviteLinkBox(r.link_url, what === "invite" ? "Invitation link" : "Reset link")));
		heading.focus();
	}

	function row(a) {
		const toggle = h("button", { type: "button", class: `btn btn-small ${a.disabled ? "" : "btn-danger-quiet"}`,
			"aria-label": `${a.disabled ? "Enable" : "Disable"} ${a.username}` }, a.disabled ? "Enable" : "Disable");
		const reset = h("button", { type: "button", class: "btn btn-small", "aria-label": `Reset the password of ${a.username}` },
			"Reset the password");
		toggle.addEventListener("click", () => setDisabled(a, !a.disabled, toggle));
		reset.addEventListener("click", () => resetPassword(a, reset));
		return h("tr", { "data-account-id": a.id, "data-username": a.username },
			h("th", { scope: "row", class: "row-title" }, a.username),
			h("td", {}, a.name || "—"),
			h("td", {}, a.email || "—"),
			h("td", {}, a.role),
			h("td", {}, stateBadge(a)),
			h("td", { class: "nowrap" }, fmtDate(a.created_at)),
			h("td", { class: "actions" }, toggle, reset));
	}

	function show(focusId, focusLabel) {
		tbody.replaceChildren(...list.map(row));
		if (focusId === undefined) return;
		const again = tbody.querySelector(`tr[data-account-id="${focusId}"] button[aria-label^="${focusLabel}"]`);
		if (again) again.focus();
	}

	async function setDisabled(a, disabled, button) {
		if (disabled && !(await confirmDialog(`Disable ${a.username}?`,
			`${a.username} is signed out at once and cannot sign in until enabled again. Their notes and history stay.`,
			"Disable account"))) return;
		try {
			const r = await busy(button, disabled ? "Disabling…" : "Enabling…",
				() => api.put(`/api/admin/accounts/${idPath(a.id)}`, { disabled }));
			list = list.map((x) => (x.id === a.id ? r.account : x));
			show(a.id, disabled ? "Enable" : "Disable");
			announce(`${a.username} is ${disabled ? "disabled" : "enabled"}.`);
		} catch (e) {
			announce(e.message, "error");
		}
	}

	async function resetPassword(a, button) {
		if (!(await confirmDialog(`Reset the password of ${a.username}?`,
			"You get a new link to send them. Their older links stop working; their password works until the new link is used.",
			"Make a reset link", "primary"))) return;
		try {
			const r = await busy(button, "Resetting…", () => api.post(`/api/admin/accounts/${idPath(a.id)}/reset`));
			showLink(r, "reset");
			announce(`Reset link made for ${a.username}.`);
		} catch (e) {
			announce(e.message, "error");
		}
	}

	// the new-account form
	const username = field("Username", h("input", { type: "text", maxlength: 64, autocomplete: "off", required: true,
		autocapitalize: "none", spellcheck: "false" }), "Letters, digits and . _ @ -; what they sign in with.");
	const name = field("Full name", h("input", { type: "text", maxlength: 200, autocomplete: "off" }));
	const email = field("Email", h("input", { type: "email", maxlength: 200, autocomplete: "off" }));
	const role = field("Role", h("select", { value: "recruiter" }, ROLES.map((r) => h("option", { value: r.id }, r.label))));
	const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Create account");
	const status = h("div");
	const form = h("form", { class: "card account-form", novalidate: true, "aria-labelledby": "new-account-title" },
		h("h2", { id: "new-account-title" }, "New account"),
		h("div", { class: "grid-account" }, username.field, name.field, email.field, role.field),
		status, h("div", { class: "form-actions" }, submit));
	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		const data = { username: username.control.value.trim(), name: name.control.value.trim(),
			email: email.control.value.trim(), role: role.control.value };
		username.setError(USERNAME_RE.test(data.username) ? "" : "Enter 1 to 64 letters, digits or . _ @ -.");
		email.setError(!data.email || email.control.checkValidity() ? "" : "Enter a valid email address, or leave it empty.");
		const bad = form.querySelector("[aria-invalid=true]");
		if (bad) {
			bad.focus();
			return;
		}
		status.replaceChildren();
		try {
			const r = await busy(submit, "Creating…", () => api.post("/api/admin/accounts", data));
			list = [...list, r.account];
			show();
			form.reset();
			role.control.value = "recruiter";
			showLink(r, "invite");
			announce(`Account ${r.account.username} created.`);
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
			if (err.code === "username_taken") username.control.focus();
		}
	});

	body.replaceChildren(form, h("h2", {}, "All accounts"), table);
	show();
}
