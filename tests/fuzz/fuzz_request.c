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
 */
#include <sanitizer/allocator_interface.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "api.h"
#include "jsonh.h"
#include "router.h"
#include "sandbox.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_json((const char *)data, size);
	fuzz_route((const char *)data, size);
	fuzz_entry((const char *)data, size);
	return 0;
}
