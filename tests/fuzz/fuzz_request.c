/*
 * fuzz_request.c - libFuzzer target for what reads untrusted requests: the
 * JSON reader (json_parse_document), the judge's request parser, the closed
 * field check of the candidate calls, the app's route table and the judge's
 * reading of Java and C# sources for their classes.
 *
 *   make fuzz      builds it with clang (-fsanitize=fuzzer,address,undefined)
 *                  and runs it on the seed corpus in tests/fuzz/corpus
 *
 * One input is a body; its first line, read as "METHOD PATH", also goes
 * through the router, and the whole is read as Java and C# source, so one
 * corpus serves all.  Besides crashes and
 * sanitizer reports, a parsed document that holds more memory than the
 * reader's budget stops the run.
 *
 * The same bytes are also a Kattis problem package (a zip, read and
 * imported), a function signature's text form, typed JSON for one, a
 * harness's result in wire format (bytes a boxed program wrote), and two
 * outputs compared under each comparison rule.
 */
#include <sanitizer/allocator_interface.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "compare.h"
#include "jsonh.h"
#include "kattis.h"
#include "package.h"
#include "playback.h"
#include "router.h"
#include "sandbox.h"
#include "similarity.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__asan_default_options(void);

/*
 * Freed memory waits in ASan's quarantine (256 MiB by default) to catch a use after free;
 * an input read as several programs frees megabytes, and the default alone would pass the
 * fuzzer's 256 MiB memory limit.
 */
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=64";
}

static void fuzz_json(const char *buf, size_t len)
{
	static const char *const fields[] = { "language", "code", "question_id", "mode",
					      "custom_input", NULL };
	struct json_object *o;
	enum json_doc_err why;
	struct judge_request req;
	struct judge_error e;
	char err[256];
	size_t n, before = __sanitizer_get_current_allocated_bytes();

	o = json_parse_document(buf, len, &why, err, sizeof(err));
	/* what a parsed document holds stays within the reader's budget (16x + 1 MiB) */
	if (__sanitizer_get_current_allocated_bytes() - before >
	    (size_t)JUDGE_JSON_MAX_GROWTH * len + (1u << 20))
		__builtin_trap();
	if (o) {
		if (json_object_is_type(o, json_type_object))
			jsonh_only(o, fields, err, sizeof(err));
		jsonh_text(o, &n);
		/* as the editor's recorded changes and signals of a draft save */
		if (json_object_is_type(o, json_type_array)) {
			playback_check_edits(o, err, sizeof(err));
			playback_check_signals(o, err, sizeof(err));
		}
		json_object_put(o);
	}
	if (judge_request_parse(buf, len, &req, &e) == 0)
		judge_request_release(&req);
}

static void fuzz_route(const char *buf, size_t len)
{
	char line[2048], *path, out[1024];
	struct route_match m;
	size_t n = 0;

	while (n < len && n < sizeof(line) - 1 && buf[n] != '\n' && buf[n] != '\0')
		n++;
	memcpy(line, buf, n);
	line[n] = '\0';
	path = strchr(line, ' ');
	if (!path)
		return;
	*path++ = '\0';
	router_match(app_routes, app_nroutes, line, path, &m);
	url_decode(path, strlen(path), out, sizeof(out), 1);
}

static void fuzz_entry(const char *buf, size_t len)
{
	struct judge_entry e;

	judge_java_class(buf, len, &e);
	if (memchr(e.file_class, '\0', sizeof(e.file_class)) == NULL ||
	    memchr(e.main_class, '\0', sizeof(e.main_class)) == NULL || !e.file_class[0] ||
	    !e.main_class[0])
		__builtin_trap();
	judge_csharp_class(buf, len, &e);
	if (memchr(e.main_class, '\0', sizeof(e.main_class)) == NULL)
		__builtin_trap();
}

static void fuzz_package(const char *buf, size_t len)
{
	struct json_object *doc;
	char err[512];
	struct pkg p;

	pkg_init(&p);
	if (pkg_read_zip(buf, len, &p, err, sizeof(err)) == PKG_OK) {
		doc = kattis_import(&p, err, sizeof(err));
		json_object_put(doc);
	}
	pkg_release(&p);
}

static void fuzz_signature(const char *buf, size_t len)
{
	static const char *const sigs[] = {
		"function: f\nparams: a int[], b string\nreturns: double[][]\n",
		"function: g\nparams: s string[][], x bool\nreturns: string\n",
	};
	struct strbuf out = STRBUF_INIT;
	struct signature sig;
	char err[256];
	size_t i;

	sig_parse_text(buf, len, &sig, err, sizeof(err));
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		if (sig_parse_text(sigs[i], strlen(sigs[i]), &sig, err, sizeof(err)) < 0)
			__builtin_trap();
		strbuf_reset(&out);
		sig_input_wire(&sig, buf, len, &out, err, sizeof(err));
		strbuf_reset(&out);
		/* a boxed program's bytes: never more than the documented bound */
		if (sig_result_json(&sig, buf, len, &out, err, sizeof(err)) == 0 &&
		    out.len > 6 * len + 64)
			__builtin_trap();
	}
	strbuf_release(&out);
}

static void fuzz_compare(const char *buf, size_t len)
{
	struct cmp_rule r;
	size_t half = len / 2;
	int m;

	for (m = 0; m < CMP__MAX; m++) {
		cmp_rule_init(&r);
		r.mode = (enum cmp_mode)m;
		r.case_insensitive = len & 1;
		cmp_match(&r, buf, half, buf + half, len - half, NULL);
	}
}

/* The input as a program in two lexers, compared with its own first half, that half excluded. */
static void fuzz_similarity(const char *buf, size_t len)
{
	static const char *const lexers[] = { "python", "c" };
	struct sim_exclusion ex = { 0 };
	struct sim_doc a, b;
	struct sim_match *m;
	size_t i, shared, nm;

	for (i = 0; i < 2; i++) {
		if (sim_doc_build(&a, lexers[i], buf, len, NULL) < 0)
			continue;
		if (sim_exclude(&ex, lexers[i], buf, len / 2) == 0 &&
		    sim_doc_build(&b, lexers[i], buf, len, &ex) == 0) {
			if (sim_compare(&a, &b, &shared, &m, &nm) > 1 || shared > b.n)
				__builtin_trap();
			free(m);
			sim_doc_free(&b);
		}
		sim_exclusion_free(&ex);
		sim_doc_free(&a);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_json((const char *)data, size);
	fuzz_route((const char *)data, size);
	fuzz_entry((const char *)data, size);
	fuzz_package((const char *)data, size);
	fuzz_signature((const char *)data, size);
	fuzz_compare((const char *)data, size);
	fuzz_similarity((const char *)data, size);
	return 0;
}
