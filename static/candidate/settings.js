// settings.js - the editor's settings, kept in this browser (localStorage, for
// every test taken in it): font size, theme, tab width, autocomplete; and the
// dialog that changes them, with "Reset to starter code".
//
// The theme is the whole page's: html[data-theme] is "light" or "dark" (the
// colours are CSS variables of base.css); "system" follows prefers-color-scheme,
// also when it changes. It applies as soon as this module loads.
import { byId, h, dialog, confirmDialog } from "../common/dom.js";

const KEY = "ce-editor-settings";
const DEFAULTS = Object.freeze({ fontSize: 14, theme: "system", tabSize: 4, autocomplete: true });
const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 22, 24];
const TAB_SIZES = [2, 4, 8];
const THEMES = [["system", "Same as this device"], ["light", "Light"], ["dark", "Dark"]];

const watchers = [];
const dark = window.matchMedia("(prefers-color-scheme: dark)");
let current = read();

function read() {
	let s = null;
	try {
		s = JSON.parse(localStorage.getItem(KEY) || "null");
	} catch (e) { /* unreadable: the defaults */ }
	s = s && typeof s === "object" ? s : {};
	return {
		fontSize: FONT_SIZES.includes(s.fontSize) ? s.fontSize : DEFAULTS.fontSize,
		theme: THEMES.some(([v]) => v === s.theme) ? s.theme : DEFAULTS.theme,
		tabSize: TAB_SIZES.includes(s.tabSize) ? s.tabSize : DEFAULTS.tabSize,
		autocomplete: typeof s.autocomplete === "boolean" ? s.autocomplete : DEFAULTS.autocomplete,
	};
}

function applyTheme() {
	const theme = current.theme === "system" ? (dark.matches ? "dark" : "light") : current.theme;
	document.documentElement.dataset.theme = theme;
}

export function editorSettings() {
	return current;
}

// fn(settings) on every change (and not now).
export function watchSettings(fn) {
	watchers.push(fn);
}

function change(key, value) {
	current = { ...current, [key]: value };
	try {
		localStorage.setItem(KEY, JSON.stringify(current));
	} catch (e) { /* storage disabled: kept for this page */ }
	applyTheme();
	for (const fn of watchers) fn(current);
}

function select(label, options, value, onChange) {
	const id = "set-" + label.toLowerCase().replace(/\W+/g, "-");
	const sel = h("select", { id, onchange: () => onChange(sel.value) },
		options.map(([v, text]) => h("option", { value: String(v) }, text)));
	sel.value = String(value);
	return h("div", { class: "field" }, h("label", { for: id }, label), sel);
}

// The settings button (#settings-btn) opens the dialog. isLocked(): the test is
// read-only (no reset); reset(): put the starter code back, as an edit.
export function installSettings({ isLocked, reset }) {
	byId("settings-btn").addEventListener("click", () => {
		const auto = h("input", { type: "checkbox", id: "set-autocomplete", checked: current.autocomplete,
			"aria-describedby": "set-autocomplete-hint",
			onchange: () => change("autocomplete", auto.checked) });
		const resetBtn = h("button", { type: "button", class: "btn", disabled: isLocked(), "aria-describedby": "set-reset-hint",
			onclick: async () => {
				const ok = await confirmDialog("Reset to starter code?",
					"Your code for this question in this language is replaced by the starter code. " +
					"You can still undo it in the editor with Ctrl+Z.", "Reset", "danger");
				if (ok && !isLocked()) reset();
				else byId("settings-btn").focus();
			} }, "Reset to starter code");
		const body = h("div", { class: "settings" },
			select("Font size", FONT_SIZES.map((n) => [n, n + " px"]), current.fontSize, (v) => change("fontSize", Number(v))),
			select("Theme", THEMES, current.theme, (v) => change("theme", v)),
			select("Tab width", TAB_SIZES.map((n) => [n, n + " spaces"]), current.tabSize, (v) => change("tabSize", Number(v))),
			h("div", { class: "field field-check" },
				h("label", { for: "set-autocomplete" }, auto, " Autocomplete"),
				h("p", { class: "field-hint", id: "set-autocomplete-hint" },
					"Suggests the language's keywords and the words already in your file as you type.")),
			h("div", { class: "field settings-reset" }, resetBtn,
				h("p", { class: "field-hint", id: "set-reset-hint" }, "Replaces the code of this question in this language.")),
			h("p", { class: "field-hint" }, "These settings are kept in this browser."));
		dialog({ title: "Editor settings", body, actions: [{ label: "Close", value: "cancel" }] });
	});
}

applyTheme();
dark.addEventListener("change", applyTheme);
