// common/signature.js - a function question's signature on both pages:
// {function, params: [{name, type}], returns} with the types int, double,
// bool, string, T[] and T[][]. Its text form (what the recruiter writes),
// its one-line display, example values, and a candidate's typed value checked
// the way the server checks a run's input, with a message naming the place.

// The text form the server parses: "function: f\nparams: a int[], b int\nreturns: int[]".
export function signatureText(sig) {
	if (!sig || !sig.function) return "";
	const params = (sig.params || []).map((p) => `${p.name} ${p.type}`).join(", ");
	return `function: ${sig.function}\nparams: ${params}\nreturns: ${sig.returns}`;
}

// "twoSum(nums: int[], target: int) → int[]"
export function signatureLine(sig) {
	const params = (sig.params || []).map((p) => `${p.name}: ${p.type}`).join(", ");
	return `${sig.function}(${params}) → ${sig.returns}`;
}

// "int[][]" -> { base: "int", depth: 2 }
export function parseType(type) {
	const m = /^(int|double|bool|string)((?:\[\])*)$/.exec(String(type || "").replace(/\s+/g, ""));
	return m ? { base: m[1], depth: m[2].length / 2 } : { base: String(type), depth: 0 };
}

const EXAMPLES = { int: ["1", "2"], double: ["1.5", "-2"], bool: ["true", "false"], string: ["\"abc\"", "\"d\""] };

// A JSON text of a value of this type, for placeholders: int[] -> "[1, 2]".
export function exampleJson(type) {
	const t = parseType(type);
	const [a, b] = EXAMPLES[t.base] || ["null", "null"];
	if (!t.depth) return a;
	let v = `[${a}, ${b}]`;
	for (let d = 1; d < t.depth; d++) v = `[${v}, []]`;
	return v;
}

// A JSON object text of example arguments: {"nums": [1, 2], "target": 1}
export function exampleArguments(sig) {
	return `{${(sig.params || []).map((p) => `${JSON.stringify(p.name)}: ${exampleJson(p.type)}`).join(", ")}}`;
}

// ---- JSON values that keep their numbers' text (an int must be written as one) ----

class JsonError extends Error {}

function parseJson(text) {
	let i = 0;
	const ws = () => {
		while (i < text.length && " \t\r\n".includes(text[i])) i++;
	};
	const fail = (what) => {
		throw new JsonError(what || (i < text.length ? `unexpected “${text[i]}” at character ${i + 1}` : "the text ends too early"));
	};
	function value() {
		ws();
		const start = i;
		const v = bare();
		v.src = text.slice(start, i);
		return v;
	}
	function string() {
		const m = /^"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/.exec(text.slice(i));
		if (!m) fail("a string is not closed or has a bad escape");
		i += m[0].length;
		return { kind: "string", text: m[0] };
	}
	function bare() {
		const c = text[i];
		if (c === "{") {
			i++;
			const members = [];
			ws();
			if (text[i] === "}") {
				i++;
				return { kind: "object", members };
			}
			for (;;) {
				ws();
				if (text[i] !== "\"") fail();
				const key = JSON.parse(string().text);
				ws();
				if (text[i] !== ":") fail();
				i++;
				members.push([key, value()]);
				ws();
				if (text[i] === ",") {
					i++;
					continue;
				}
				if (text[i] === "}") {
					i++;
					return { kind: "object", members };
				}
				fail();
			}
		}
		if (c === "[") {
			i++;
			const items = [];
			ws();
			if (text[i] === "]") {
				i++;
				return { kind: "array", items };
			}
			for (;;) {
				items.push(value());
				ws();
				if (text[i] === ",") {
					i++;
					continue;
				}
				if (text[i] === "]") {
					i++;
					return { kind: "array", items };
				}
				fail();
			}
		}
		if (c === "\"") return string();
		const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
		if (m) {
			i += m[0].length;
			return { kind: "number", text: m[0] };
		}
		for (const word of ["true", "false", "null"]) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return { kind: word === "null" ? "null" : "bool", text: word };
			}
		}
		return fail();
	}
	const v = value();
	ws();
	if (i < text.length) fail();
	return v;
}

const NAMES = { int: "an int", double: "a number", bool: "true or false", string: "a string" };
const KIND_NAMES = { number: "a number", string: "a string", bool: "a boolean", null: "null", array: "an array",
	object: "an object" };

function checkValue(v, base, depth, where) {
	if (depth > 0) {
		if (v.kind !== "array") return `${where}: expected an array, got ${KIND_NAMES[v.kind]}`;
		for (const [k, item] of v.items.entries()) {
			const p = checkValue(item, base, depth - 1, `${where}[${k}]`);
			if (p) return p;
		}
		return "";
	}
	const ok = base === "int" ? v.kind === "number" && /^-?(0|[1-9]\d*)$/.test(v.text)
		: base === "double" ? v.kind === "number"
			: base === "bool" ? v.kind === "bool"
				: v.kind === "string";
	if (ok) return "";
	const got = v.kind === "number" && base === "int" ? "a number with a fraction or exponent" : KIND_NAMES[v.kind];
	return `${where}: expected ${NAMES[base] || base}, got ${got}`;
}

// A typed field's text as JSON: { json } or { error } naming the place
// (name, name[2], ...). A string parameter is the text itself; arrays and the
// other types are JSON.
export function fieldJson(name, type, raw) {
	const t = parseType(type);
	if (t.depth === 0 && t.base === "string") return { json: JSON.stringify(raw) };
	const text = raw.trim();
	if (!text) return { error: `${name}: enter ${t.depth ? "a JSON array" : NAMES[t.base] || "a value"}` };
	let v;
	try {
		v = parseJson(text);
	} catch (e) {
		if (!(e instanceof JsonError)) throw e;
		return { error: `${name}: ${t.depth ? "not a JSON array" : `not ${NAMES[t.base] || "a value"}`} (${e.message})` };
	}
	const p = checkValue(v, t.base, t.depth, name);
	return p ? { error: p } : { json: text };
}

// A sample's input, a JSON object text, as [[name, value text as written]]
// in the signature's order (params it lacks are left out); null when it is not
// a JSON object.
export function argumentsOf(sig, text) {
	let v;
	try {
		v = parseJson(String(text || ""));
	} catch (e) {
		if (e instanceof JsonError) return null;
		throw e;
	}
	if (v.kind !== "object") return null;
	const got = new Map(v.members.map(([k, m]) => [k, m.src]));
	return (sig.params || []).filter((p) => got.has(p.name)).map((p) => [p.name, got.get(p.name)]);
}
