/* test_tmpl.c - unit tests of tmpl.c, the report template renderer */
#define _GNU_SOURCE
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "tmpl.h"

static char err[256];
static struct strbuf out = STRBUF_INIT;

/* Render tpl over the JSON text data; the output, or NULL when rendering failed. */
static const char *render(const char *tpl, const char *data)
{
	struct json_object *o = json_tokener_parse(data);
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(o);
	strbuf_reset(&out);
	err[0] = '\0';
	rc = tmpl_render(tpl, o, &out, err, sizeof(err));
	json_object_put(o);
	return rc == 0 ? out.buf : NULL;
}

#define ASSERT_RENDERS(tpl, data, want)                                                   \
	do {                                                                                  \
		const char *got_ = render(tpl, data);                                         \
		CU_ASSERT_PTR_NOT_NULL(got_);                                                 \
		if (got_ && strcmp(got_, want)) {                                             \
			fprintf(stderr, "\n  %s\n  got  [%s]\n  want [%s]\n", tpl, got_, want); \
			CU_FAIL(tpl);                                                         \
		}                                                                             \
	} while (0)

static void test_plain(void)
{
	ASSERT_RENDERS("", "{}", "");
	ASSERT_RENDERS("no tags at all", "{}", "no tags at all");
	ASSERT_RENDERS("a { b } c }", "{}", "a { b } c }");
}

static void test_values(void)
{
	ASSERT_RENDERS("Hi {{name}}!", "{\"name\":\"Ada\"}", "Hi Ada!");
	ASSERT_RENDERS("{{n}} {{x}} {{t}} {{f}}", "{\"n\":42,\"x\":1.5,\"t\":true,\"f\":false}",
		       "42 1.5 true false");
	ASSERT_RENDERS("[{{missing}}][{{nul}}]", "{\"nul\":null}", "[][]");
	ASSERT_RENDERS("{{a.b.c}}", "{\"a\":{\"b\":{\"c\":\"deep\"}}}", "deep");
	ASSERT_RENDERS("[{{a.x}}]", "{\"a\":{\"b\":1}}", "[]");
	ASSERT_RENDERS("[{{a.b.c}}]", "{\"a\":{\"b\":\"str\"}}", "[]");
}

static void test_escaping(void)
{
	ASSERT_RENDERS("{{s}}", "{\"s\":\"<script>alert('x') & \\\"y\\\"</script>\"}",
		       "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
	/* a value that looks like a tag is text, not a tag */
	ASSERT_RENDERS("{{s}}", "{\"s\":\"{{t}}\",\"t\":\"no\"}", "{{t}}");
	/* triple braces do not mean raw output here */
	CU_ASSERT_PTR_NULL(render("{{{s}}}", "{\"s\":\"<b>\"}"));
}

static void test_sections(void)
{
	ASSERT_RENDERS("{{#xs}}<{{.}}>{{/xs}}", "{\"xs\":[1,2,3]}", "<1><2><3>");
	ASSERT_RENDERS("{{#xs}}{{name}}:{{n}};{{/xs}}", "{\"n\":9,\"xs\":[{\"name\":\"a\"},{\"name\":\"b\",\"n\":1}]}",
		       "a:9;b:1;");
	ASSERT_RENDERS("{{#o}}{{k}}{{/o}}", "{\"o\":{\"k\":\"v\"}}", "v");
	ASSERT_RENDERS("{{#t}}yes{{/t}}{{#f}}no{{/f}}{{#z}}no{{/z}}{{#e}}no{{/e}}{{#ea}}no{{/ea}}",
		       "{\"t\":true,\"f\":false,\"z\":0,\"e\":\"\",\"ea\":[]}", "yes");
	ASSERT_RENDERS("{{^xs}}none{{/xs}}{{^m}}missing{{/m}}{{^t}}no{{/t}}", "{\"xs\":[],\"t\":1}",
		       "nonemissing");
	/* nested sections of the same name close at the right place */
	ASSERT_RENDERS("{{#a}}[{{#a}}x{{/a}}]{{/a}}", "{\"a\":{\"a\":true}}", "[x]");
	ASSERT_RENDERS("{{#rows}}{{#cells}}{{.}},{{/cells}}|{{/rows}}",
		       "{\"rows\":[{\"cells\":[1,2]},{\"cells\":[]},{\"cells\":[3]}]}", "1,2,||3,|");
}

static void test_malformed(void)
{
	CU_ASSERT_PTR_NULL(render("{{#a}}never closed", "{\"a\":true}"));
	CU_ASSERT_STRING_NOT_EQUAL(err, "");
	CU_ASSERT_PTR_NULL(render("{{#a}}x{{/b}}", "{\"a\":true}"));
	CU_ASSERT_PTR_NULL(render("stray {{/a}}", "{}"));
	CU_ASSERT_PTR_NULL(render("open {{name", "{}"));
	CU_ASSERT_PTR_NULL(render("{{}}", "{}"));
	CU_ASSERT_PTR_NULL(render("{{bad name}}", "{}"));
	/* a section that is false is still checked for its closing tag */
	CU_ASSERT_PTR_NULL(render("{{#f}}x", "{\"f\":false}"));
}

static void test_depth_limit(void)
{
	struct strbuf tpl = STRBUF_INIT, data = STRBUF_INIT;
	int i;

	for (i = 0; i < 24; i++) {
		strbuf_addstr(&tpl, "{{#a}}");
		strbuf_addstr(&data, "{\"a\":");
	}
	strbuf_addstr(&data, "1");
	for (i = 0; i < 24; i++) {
		strbuf_addstr(&tpl, "{{/a}}");
		strbuf_addstr(&data, "}");
	}
	CU_ASSERT_PTR_NULL(render(tpl.buf, data.buf));
	CU_ASSERT_PTR_NOT_NULL(strstr(err, "deep"));
	strbuf_release(&tpl);
	strbuf_release(&data);
}

static void test_escape_function(void)
{
	struct strbuf sb = STRBUF_INIT;

	tmpl_escape(&sb, "a<b\0c>", 6);
	CU_ASSERT_EQUAL(sb.len, 12);
	CU_ASSERT_EQUAL(memcmp(sb.buf, "a&lt;b\0c&gt;", 12), 0);
	strbuf_release(&sb);
}

static void test_render_text(void)
{
	struct json_object *o = json_tokener_parse("{\"name\": \"<b>O'Neil & co</b>\", \"n\": 45}");
	struct strbuf sb = STRBUF_INIT;

	CU_ASSERT_EQUAL(tmpl_render_text("Hi {{name}}, {{n}} min{{#name}}.{{/name}}", o, &sb, err, sizeof(err)), 0);
	CU_ASSERT_STRING_EQUAL(sb.buf, "Hi <b>O'Neil & co</b>, 45 min.");
	strbuf_reset(&sb);
	CU_ASSERT_EQUAL(tmpl_render_text("{{#name}}", o, &sb, err, sizeof(err)), -1);
	strbuf_release(&sb);
	json_object_put(o);
}

static CU_TestInfo tests[] = {
	{ "text without tags passes through", test_plain },
	{ "values, numbers, null, dotted names", test_values },
	{ "every value is HTML-escaped", test_escaping },
	{ "sections: arrays, objects, truthiness, inverted, nesting", test_sections },
	{ "malformed templates are errors", test_malformed },
	{ "section depth is bounded", test_depth_limit },
	{ "tmpl_escape keeps the length it is given", test_escape_function },
	{ "a plain-text document escapes nothing", test_render_text },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("tmpl", tests)
