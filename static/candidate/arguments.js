// arguments.js - the custom input, per question: the plain text a program
// reads, or for a function question one typed field per parameter (int,
// double, bool, string, arrays as JSON), each checked in the page with a
// message beside it, and sent as the JSON object of the arguments.
// Each question keeps its own input, in this browser's localStorage, so that
// a reload or another question does not lose it.
import { byId, h, uid } from "../common/dom.js";
import { exampleJson, fieldJson, parseType } from "../common/signature.js";

function hintOf(type) {
	const t = parseType(type);
	if (t.depth) return `a JSON array, e.g. ${exampleJson(type)}`;
	return { int: "a whole number, e.g. 42", double: "a number, e.g. 3.14", bool: "true or false",
		string: "any text, sent as it is" }[t.base] || "";
}

function loadInputs(storeKey) {
	try {
		const v = JSON.parse(localStorage.getItem(storeKey) || "null");
		return v && typeof v === "object" && !Array.isArray(v) ? v : {};
	} catch (e) {
		return {};
	}
}

// storeKey: the localStorage key of this session's inputs,
// { question id: { text: "...", args: { param name: text } } }.
export function createArguments(storeKey) {
	const box = byId("custom-fields");
	const plain = byId("custom-input");
	const inputs = loadInputs(storeKey);
	let current = "";            // the question on screen
	let shown = null;            // { id, sig, fields: [{ param, input, error }] }

	function inputOf(id) {
		const v = inputs[id];
		if (v && typeof v === "object") {
			if (typeof v.text !== "string") v.text = "";
			if (!v.args || typeof v.args !== "object") v.args = {};
			return v;
		}
		return (inputs[id] = { text: "", args: {} });
	}

	function keep() {
		try {
			localStorage.setItem(storeKey, JSON.stringify(inputs));
		} catch (e) { /* storage full or disabled: kept while the page is open */ }
	}

	plain.addEventListener("input", () => {
		if (!current) return;
		inputOf(current).text = plain.value;
		keep();
	});

	function clearErrors() {
		if (!shown) return;
		for (const f of shown.fields) {
			f.error.textContent = "";
			f.error.hidden = true;
			f.input.removeAttribute("aria-invalid");
		}
	}

	return {
		// Show question id's fields (sig: its signature), or hide them (sig null).
		show(id, sig) {
			current = id;
			plain.value = inputOf(id).text;
			box.hidden = !sig;
			plain.hidden = !!sig;
			byId("custom-label").textContent = sig ? "Custom arguments" : "Custom input";
			byId("custom-hint").textContent = sig ? "(optional; Run shows what your function returns for them)"
				: "(optional; Run shows what your program prints for it)";
			if (!sig) {
				shown = null;
				box.replaceChildren();
				return;
			}
			const kept = inputOf(id).args;
			const fields = (sig.params || []).map((p) => {
				const inputId = uid("arg");
				const hint = h("span", { class: "field-hint", id: `${inputId}-hint` }, hintOf(p.type));
				const error = h("span", { class: "field-error", id: `${inputId}-err`, hidden: true });
				const multi = parseType(p.type).depth > 0 || parseType(p.type).base === "string";
				const input = h(multi ? "textarea" : "input", {
					id: inputId, class: "arg-input", spellcheck: "false", rows: multi ? 1 : null,
					type: multi ? null : "text", value: kept[p.name] || "", "data-param": p.name,
					"aria-describedby": `${inputId}-hint ${inputId}-err`,
				});
				input.addEventListener("input", () => {
					kept[p.name] = input.value;
					keep();
					error.hidden = true;
					input.removeAttribute("aria-invalid");
				});
				return {
					param: p, input, error,
					element: h("div", { class: "arg-field" },
						h("label", { for: inputId }, h("code", {}, p.name), " ", h("span", { class: "arg-type" }, p.type)),
						input, hint, error),
				};
			});
			const disabled = box.disabled;
			box.replaceChildren(h("legend", { class: "visually-hidden" }, "Custom arguments"), ...fields.map((f) => f.element));
			box.disabled = disabled;
			shown = { id, sig, fields };
		},

		// The custom input to send: { json } (the arguments' JSON object text),
		// { none: true } when every field is empty, or { error } after marking
		// the fields to fix.
		read() {
			if (!shown) return { none: true };
			clearErrors();
			if (shown.fields.every((f) => f.input.value.trim() === "")) return { none: true };
			const parts = [];
			let first = null;
			for (const f of shown.fields) {
				const r = fieldJson(f.param.name, f.param.type, f.input.value);
				if (r.error) {
					f.error.textContent = r.error;
					f.error.hidden = false;
					f.input.setAttribute("aria-invalid", "true");
					if (!first) first = f;
					continue;
				}
				parts.push(`${JSON.stringify(f.param.name)}: ${r.json}`);
			}
			if (first) {
				first.input.focus();
				return { error: "Fix the custom arguments first: " + first.error.textContent + "." };
			}
			return { json: `{${parts.join(", ")}}` };
		},
	};
}
