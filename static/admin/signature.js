// signature.js - the question form's function signature: the text form in a
// textarea, Preview (POST /api/admin/signature) with the generated stub of each
// language in tabs, and the JSON form that the question saves ("signature",
// null when the text is empty).
import { h, uid, field, busy } from "../common/dom.js";
import { signatureText, signatureLine } from "../common/signature.js";
import { api } from "./session.js";

const PLACEHOLDER = "function: twoSum\nparams: nums int[], target int\nreturns: int[]";

// initial: the question's signature (JSON form) or null. langs: the catalog.
// onChange(sig): the signature in effect changed (null: none, or not previewed yet).
// useStubs(stubs): the "Use as starter code" button.
// Returns { element, text(), current(), resolve(), destroy() }.
export function signatureEditor(initial, langs, onChange, useStubs) {
	const area = h("textarea", { class: "mono signature-input", rows: 3, spellcheck: "false",
		value: signatureText(initial), placeholder: PLACEHOLDER });
	const f = field("Signature", area, "Types: int, double, bool, string, and arrays of them: T[] and T[][]. "
		+ "Leave empty for a question that reads its input and prints its output.");
	const preview = h("button", { type: "button", class: "btn" }, "Preview");
	const status = h("div", { class: "signature-status", "aria-live": "polite" });
	const stubsBox = h("div", { class: "signature-stubs", hidden: true });
	let editor = null;
	let stubs = null;
	// the last text the server read, and what it made of it
	let read = initial && initial.function ? { text: area.value.trim(), sig: initial } : { text: "", sig: null };

	function effective() {
		if (!area.value.trim()) return null;
		return area.value.trim() === read.text ? read.sig : undefined;
	}

	function showStubs(all) {
		stubs = all || null;
		const ids = stubs ? Object.keys(stubs).filter((k) => typeof stubs[k] === "string") : [];
		stubsBox.hidden = ids.length === 0;
		if (!ids.length) return;
		const panelId = uid("stub");
		const panel = h("div", { class: "editor-box editor-stub", role: "tabpanel", id: panelId });
		const tabs = ids.map((l) => h("button", { type: "button", role: "tab", class: "tab", id: `${panelId}-${l}`,
			"aria-controls": panelId, "data-lang": l, title: langs.name(l) }, langs.shortName(l)));
		if (editor) editor.destroy();
		editor = window.CEEditor.create(panel, { language: ids[0], doc: stubs[ids[0]], readOnly: true,
			label: "Generated stub" });
		const select = (l, focus) => {
			editor.setLanguage(l);
			editor.setValue(stubs[l]);
			for (const t of tabs) {
				const on = t.dataset.lang === l;
				t.setAttribute("aria-selected", String(on));
				t.tabIndex = on ? 0 : -1;
				if (on && focus) t.focus();
			}
			panel.setAttribute("aria-labelledby", `${panelId}-${l}`);
			editor.view.contentDOM.setAttribute("aria-label", `Generated stub, ${langs.name(l)}`);
		};
		const tablist = h("div", { role: "tablist", class: "tabs", "aria-label": "Stub language" }, tabs);
		tablist.addEventListener("click", (e) => {
			const t = e.target.closest("[role=tab]");
			if (t) select(t.dataset.lang, false);
		});
		tablist.addEventListener("keydown", (e) => {
			const cur = ids.indexOf(tabs.find((t) => t.getAttribute("aria-selected") === "true").dataset.lang);
			const next = { ArrowRight: cur + 1, ArrowLeft: cur - 1, Home: 0, End: ids.length - 1 }[e.key];
			if (next === undefined) return;
			e.preventDefault();
			select(ids[(next + ids.length) % ids.length], true);
		});
		const use = h("button", { type: "button", class: "btn btn-small" }, "Use as starter code");
		use.addEventListener("click", () => useStubs(stubs));
		stubsBox.replaceChildren(
			h("div", { class: "stub-head" }, h("h3", {}, "Generated stubs"), use),
			h("p", { class: "field-hint" }, "What a candidate's code must define in each language. "
				+ "“Use as starter code” puts them into the starter code of the languages that have none yet."),
			tablist, panel);
		select(ids[0], false);
	}

	// Ask the server to read the text: the signature, or throws with its message.
	async function parse() {
		const text = area.value.trim();
		if (!text) {
			read = { text: "", sig: null };
			showStubs(null);
			status.replaceChildren();
			onChange(null);
			return null;
		}
		let res;
		try {
			res = await busy(preview, "Reading…", () => api.post("/api/admin/signature", { signature: text }));
		} catch (e) {
			f.setError(e.status === 404 ? "This server cannot read signatures yet." : e.message);
			status.replaceChildren();
			showStubs(null);
			throw e;
		}
		f.setError("");
		read = { text, sig: res.signature };
		if (res.text && res.text.trim() !== text) {
			area.value = res.text.trim();
			read.text = area.value;
		}
		status.replaceChildren(h("p", { class: "banner banner-ok" }, "Function: ", h("code", {}, signatureLine(res.signature))));
		showStubs(res.stubs);
		onChange(res.signature);
		return res.signature;
	}

	preview.addEventListener("click", () => parse().catch(() => {}));
	area.addEventListener("input", () => {
		const sig = effective();
		f.setError("");
		status.replaceChildren(sig === undefined ? h("p", { class: "field-hint" }, "Press Preview to read the changed signature.")
			: sig ? h("p", { class: "banner banner-ok" }, "Function: ", h("code", {}, signatureLine(sig))) : "");
		if (sig === null) showStubs(null);
		onChange(sig === undefined ? read.sig : sig);
	});
	if (read.sig) status.replaceChildren(h("p", { class: "banner banner-ok" }, "Function: ", h("code", {}, signatureLine(read.sig))));

	return {
		element: h("div", { class: "signature-editor" },
			h("p", { class: "field-hint" }, "A function question: the candidate writes one function instead of a "
				+ "program that reads input. Each test's input is then a JSON object with one member per parameter, "
				+ "and its expected output the JSON value the function returns."),
			h("div", { class: "signature-row" }, f.field, preview), status, stubsBox),
		text: () => area.value.trim(),
		// the signature as the form stands: the JSON form, null for none, undefined when not read yet
		current: effective,
		// the signature to save, read by the server first if it changed; throws with a message
		async resolve() {
			const sig = effective();
			if (sig !== undefined) return sig;
			try {
				return await parse();
			} catch (e) {
				throw new Error(`Signature: ${f.field.querySelector(".field-error").textContent || e.message}`);
			}
		},
		control: area,
		destroy() {
			if (editor) editor.destroy();
		},
	};
}
