// common/languages.js - the languages the service runs, as GET /api/languages
// lists them; the pages keep no list of their own. Loaded once per page: the
// promise is cached (and dropped after a failure, so that a retry asks again).
//
//   const langs = await loadLanguages();
//   langs.list          [{ id, name, version, source_file, compiled, compile_command,
//                       run_command, environment }], server order
//   langs.has(id)       whether the service runs it
//   langs.name(id)      "C++17 (GCC 12)"; the id itself for an unknown one
//   langs.shortName(id) "C++17": the name without the toolchain in brackets
//                       or a bare version number ("Python 3" -> "Python")
//   langs.only(ids)     the catalog of those of ids the service runs, in the
//                       order of ids (a test's allowed languages); itself when
//                       ids is not an array or names none of them
import { createClient } from "./api.js";

let pending = null;

export function loadLanguages() {
	if (!pending) {
		pending = createClient().get("/api/languages").then((res) => {
			const list = Array.isArray(res.languages) ? res.languages.filter((l) => l && l.id) : [];
			if (!list.length) throw new Error("The service lists no programming languages.");
			return catalog(list);
		});
		pending.catch(() => {
			pending = null;
		});
	}
	return pending;
}

function catalog(list) {
	const byId = new Map(list.map((l) => [l.id, Object.freeze({ ...l })]));
	const name = (id) => (byId.has(id) ? byId.get(id).name || id : id);
	const self = Object.freeze({
		list: Object.freeze([...byId.values()]),
		has: (id) => byId.has(id),
		name,
		shortName: (id) => name(id).replace(/\s*\([^)]*\)\s*$/, "").replace(/\s+\d+(\.\d+)*$/, "") || id,
		only(ids) {
			const kept = Array.isArray(ids) ? ids.filter((id) => byId.has(id)).map((id) => byId.get(id)) : [];
			return kept.length ? catalog(kept) : self;
		},
	});
	return self;
}
