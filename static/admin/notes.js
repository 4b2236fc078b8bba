// notes.js - the notes on a candidate's report: every note with its author,
// time and rating, oldest first, and a form to add one with an optional
// rating. Every role may write notes.
import { idPath } from "../common/api.js";
import { h, field, errorBox, busy, uid } from "../common/dom.js";
import { fmtDate } from "../common/format.js";
import { api } from "./session.js";
import { announce } from "./ui.js";

export const RATINGS = [
	{ id: "strong_no", label: "Strong no", look: "error" },
	{ id: "no", label: "No", look: "warn" },
	{ id: "mixed", label: "Mixed", look: "neutral" },
	{ id: "yes", label: "Yes", look: "info" },
	{ id: "strong_yes", label: "Strong yes", look: "ok" },
];

function ratingBadge(n) {
	const r = RATINGS.find((x) => x.id === n.rating);
	return h("span", { class: `badge badge-${r ? r.look : "neutral"}`, "data-rating": n.rating }, n.rating_label || (r ? r.label : n.rating));
}

function noteItem(n) {
	return h("li", { class: "note", "data-note-id": n.id },
		h("p", { class: "note-head" },
			h("strong", {}, n.author_name ? `${n.author_name} (${n.author})` : n.author), " · ",
			h("time", { datetime: n.created_at }, fmtDate(n.created_at)),
			n.rating ? [" · ", ratingBadge(n)] : null),
		h("p", { class: "pre-text note-text" }, n.text));
}

// The notes section of candidate id, starting with notes (the detail's list).
export function notesSection(id, notes) {
	const list = h("ol", { class: "notes" }, notes.map(noteItem));
	const none = h("p", { class: "muted", hidden: notes.length > 0 }, "No notes yet.");
	const rating = field("Rating", h("select", {}, h("option", { value: "" }, "No rating"),
		RATINGS.map((r) => h("option", { value: r.id }, r.label))), "Optional.");
	const text = field("Note", h("textarea", { rows: 4, maxlength: 10000, class: "wide-text" }),
		"What you saw in the code and the session; the other reviewers read it.");
	const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Add note");
	const status = h("div");
	const formTitle = uid("note");
	const form = h("form", { class: "note-form", novalidate: true, "aria-labelledby": formTitle },
		h("h3", { id: formTitle }, "Add a note"), rating.field, text.field, status, h("div", { class: "form-actions" }, submit));
	form.addEventListener("submit", async (e) => {
		e.preventDefault();
		const body = { text: text.control.value.trim() };
		if (rating.control.value) body.rating = rating.control.value;
		text.setError(body.text ? "" : "Write the note first.");
		if (!body.text) {
			text.control.focus();
			return;
		}
		status.replaceChildren();
		try {
			const r = await busy(submit, "Adding…", () => api.post(`/api/admin/candidates/${idPath(id)}/notes`, body));
			list.append(noteItem(r.note));
			none.hidden = true;
			form.reset();
			announce(r.note.rating ? `Note added with the rating ${r.note.rating_label}.` : "Note added.");
		} catch (err) {
			status.replaceChildren(errorBox(err.message));
		}
	});
	return h("section", { class: "card notes-section", "aria-labelledby": "notes-title" },
		h("h2", { id: "notes-title" }, "Notes and ratings"), none, list, form);
}
