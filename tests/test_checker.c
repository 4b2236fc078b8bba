/*
 * test_checker.c - checkers, interactors and test groups, judged for real in the sandbox
 *
 * A question's checker (the Kattis output validator interface) in C++ and
 * Python, partial scores, its message for the author, its failures; an
 * interactor talking to submissions that answer, give up, hang and crash;
 * groups with rules, dependencies and stopping at a failure; and what each
 * box can and cannot reach.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "harness.h"

/* Accepts any two numbers that add up to the input; equal halves score one half. */
static const char sum_checker[] =
	"#include <fstream>\n#include <iostream>\n#include <string>\n"
	"int main(int argc, char **argv) {\n"
	"  std::ifstream in(argv[1]);\n"
	"  std::string fb = std::string(argv[3]) + \"/judgemessage.txt\";\n"
	"  long long n, a, b; in >> n;\n"
	"  if (!(std::cin >> a >> b)) { std::ofstream(fb) << \"expected two numbers\"; return 43; }\n"
	"  if (a + b != n) { std::ofstream(fb) << a << \"+\" << b << \" is not \" << n; return 43; }\n"
	"  if (a == b) std::ofstream(std::string(argv[3]) + \"/score.txt\") << \"0.5\\n\";\n"
	"  std::ofstream(fb) << \"fine: \" << a << \" \" << b;\n"
	"  return 42;\n}\n";

/* Guess the number in the input: answers higher, lower or correct, at most 10 guesses. */
static const char guess_interactor[] =
	"import sys\n"
	"secret = int(open(sys.argv[1]).read())\n"
	"fb = open(sys.argv[3] + '/judgemessage.txt', 'w')\n"
	"for q in range(10):\n"
	"    line = sys.stdin.readline()\n"
	"    if not line:\n"
	"        fb.write('no guess after %d' % q)\n"
	"        sys.exit(43)\n"
	"    g = int(line)\n"
	"    if g == secret:\n"
	"        print('correct', flush=True)\n"
	"        fb.write('found in %d' % (q + 1))\n"
	"        sys.exit(42)\n"
	"    print('higher' if g < secret else 'lower', flush=True)\n"
	"fb.write('too many guesses')\n"
	"sys.exit(43)\n";

static char cache_dir[] = "/tmp/ce-checker-cache-XXXXXX";

static int setup(void)
{
	if (!mkdtemp(cache_dir))
		return -1;
	setenv("CE_CHECKER_CACHE", cache_dir, 1);
	return harness_init() < 0 ? -1 : 0;
}

struct judged {
	struct judge_request req;
	struct judge_result res;
	struct json_object *json;	/* the response */
	enum sbx_err rc;
};

/* Parse and judge a request built as JSON; NULL (and the error printed) when it is refused. */
static struct judged *judge(struct json_object *request)
{
	struct judged *j = calloc(1, sizeof(*j));
	const char *body = json_object_to_json_string(request);
	struct judge_error e;
	char err[512] = "";

	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	if (judge_request_parse(body, strlen(body), &j->req, &e) < 0) {
		fprintf(stderr, "\n  refused: %s: %s\n", e.code, e.message);
		json_object_put(request);
		free(j);
		return NULL;
	}
	json_object_put(request);
	j->rc = judge_execute(&j->req, &j->res, err, sizeof(err));
	if (j->rc != SBX_OK)
		fprintf(stderr, "\n  sandbox: %s\n", err);
	j->json = judge_result_json(&j->req, &j->res);
	return j;
}

static void judged_free(struct judged *j)
{
	if (!j)
		return;
	json_object_put(j->json);
	judge_result_release(&j->res);
	judge_request_release(&j->req);
	free(j);
}

static struct json_object *request(const char *lang, const char *code)
{
	struct json_object *r = json_object_new_object();

	json_object_object_add(r, "language", json_object_new_string(lang));
	json_object_object_add(r, "code", json_object_new_string(code));
	json_object_object_add(r, "test_cases", json_object_new_array());
	return r;
}

static void checker(struct json_object *r, const char *type, const char *lang, const char *code)
{
	struct json_object *c = json_object_new_object();

	json_object_object_add(c, "type", json_object_new_string(type));
	if (lang)
		json_object_object_add(c, "language", json_object_new_string(lang));
	if (code)
		json_object_object_add(c, "code", json_object_new_string(code));
	json_object_object_add(r, "checker", c);
}

static void add_test(struct json_object *r, const char *in, const char *want, const char *group,
		     double points)
{
	struct json_object *t = json_object_new_object();

	json_object_object_add(t, "input", json_object_new_string(in));
	json_object_object_add(t, "expected_output", json_object_new_string(want));
	if (group)
		json_object_object_add(t, "group", json_object_new_string(group));
	if (points >= 0)
		json_object_object_add(t, "points", json_object_new_double(points));
	json_object_array_add(json_object_object_get(r, "test_cases"), t);
}

static void add_group(struct json_object *r, const char *name, double points, const char *rule,
		      const char *dep, bool stop)
{
	struct json_object *gs, *g = json_object_new_object();

	if (!json_object_object_get_ex(r, "groups", &gs)) {
		gs = json_object_new_array();
		json_object_object_add(r, "groups", gs);
	}
	json_object_object_add(g, "name", json_object_new_string(name));
	json_object_object_add(g, "points", json_object_new_double(points));
	json_object_object_add(g, "rule", json_object_new_string(rule));
	if (dep) {
		struct json_object *d = json_object_new_array();

		json_object_array_add(d, json_object_new_string(dep));
		json_object_object_add(g, "depends_on", d);
	}
	if (stop)
		json_object_object_add(g, "stop_on_failure", json_object_new_boolean(1));
	json_object_array_add(gs, g);
}

static enum verdict verdict(const struct judged *j, size_t i)
{
	return j->res.tests[i].verdict;
}

static const char *feedback(const struct judged *j, size_t i)
{
	return j->res.tests[i].feedback.buf;
}

static void test_custom_checker(void)
{
	struct json_object *r = request("python", "n = int(input())\nprint(n // 2, n - n // 2)\n");
	struct judged *j;
	struct dirent *e;
	DIR *d;
	int cached = 0;

	checker(r, "custom", "cpp", sum_checker);
	add_test(r, "5", "", NULL, 2);		/* 2 3: fine */
	add_test(r, "8", "", NULL, 2);		/* 4 4: half */
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(j->rc, SBX_OK);
	CU_ASSERT_EQUAL(verdict(j, 0), V_ACCEPTED);
	CU_ASSERT_EQUAL(verdict(j, 1), V_ACCEPTED);
	CU_ASSERT_DOUBLE_EQUAL(j->res.tests[0].score, 1.0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(j->res.tests[1].score, 0.5, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(j->res.score, 3.0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(j->res.max_score, 4.0, 1e-9);
	CU_ASSERT_STRING_EQUAL(feedback(j, 0), "fine: 2 3");
	judged_free(j);

	/* the compiled checker is kept: one file in the cache, used by the next judging */
	d = opendir(cache_dir);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)))
		cached += e->d_name[0] != '.';
	closedir(d);
	CU_ASSERT_EQUAL(cached, 1);

	/* a wrong answer, with the checker's reason for the author */
	r = request("python", "n = int(input())\nprint(n, 1)\n");
	checker(r, "custom", "cpp", sum_checker);
	add_test(r, "5", "", NULL, -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_WRONG_ANSWER);
	CU_ASSERT_STRING_EQUAL(feedback(j, 0), "5+1 is not 5");
	CU_ASSERT_EQUAL(j->res.verdict, V_WRONG_ANSWER);
	judged_free(j);
}

static void test_checker_faults(void)
{
	struct json_object *r = request("python", "print(1)\n");
	struct judged *j;

	/* a checker that does not compile is the question's fault: internal_error, why for the author */
	checker(r, "custom", "cpp", "int main( {");
	add_test(r, "1", "1", NULL, -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_INTERNAL_ERROR);
	CU_ASSERT_PTR_NOT_NULL(strstr(feedback(j, 0), "does not compile"));
	CU_ASSERT_PTR_NULL(strstr(j->res.tests[0].error.buf, "int main"));
	judged_free(j);

	/* an exit code other than 42 or 43, and a checker that loops */
	r = request("python", "print(1)\n");
	checker(r, "custom", "python", "import sys\nsys.stderr.write('confused')\nsys.exit(1)\n");
	add_test(r, "1", "1", NULL, -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_INTERNAL_ERROR);
	CU_ASSERT_PTR_NOT_NULL(strstr(feedback(j, 0), "exited with code 1"));
	CU_ASSERT_PTR_NOT_NULL(strstr(feedback(j, 0), "confused"));
	judged_free(j);

	/* the checker cannot change the input or the answer it is given */
	r = request("python", "print(1)\n");
	checker(r, "custom", "python",
		"import sys\n"
		"for p in (sys.argv[1], sys.argv[2]):\n"
		"    try:\n"
		"        open(p, 'w').write('x')\n"
		"        sys.exit(1)\n"
		"    except OSError:\n"
		"        pass\n"
		"sys.exit(42 if open(sys.argv[2]).read() == 'answer' else 43)\n");
	add_test(r, "1", "answer", NULL, -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_ACCEPTED);
	judged_free(j);
}

/* The submission's box has stdio and nothing more: no answer file, no checker's pipes. */
static void test_submission_sees_no_answer(void)
{
	struct json_object *r = request("python",
		"import os\nprint(sorted(int(f) for f in os.listdir('/proc/self/fd')))\n"
		"print(os.path.exists('/tmp/feedback'))\n");
	struct judged *j;

	checker(r, "custom", "python", "import sys\nsys.exit(42)\n");
	add_test(r, "1", "secret answer", NULL, -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_ACCEPTED);
	/* listdir's own descriptor is the fourth */
	CU_ASSERT_STRING_EQUAL(j->res.tests[0].output.buf, "[0, 1, 2, 3]\nFalse\n");
	judged_free(j);
}

static struct judged *interact(const char *code)
{
	struct json_object *r = request("python", code);

	json_object_object_add(r, "timeout", json_object_new_double(1));
	checker(r, "interactive", "python", guess_interactor);
	add_test(r, "37", "", NULL, -1);
	add_test(r, "100", "", NULL, -1);
	return judge(r);
}

static void test_interactive(void)
{
	struct judged *j;

	j = interact("lo, hi = 1, 100\n"
		     "while True:\n"
		     "    m = (lo + hi) // 2\n"
		     "    print(m, flush=True)\n"
		     "    r = input()\n"
		     "    if r == 'correct':\n"
		     "        break\n"
		     "    lo, hi = (m + 1, hi) if r == 'higher' else (lo, m - 1)\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(j->rc, SBX_OK);
	CU_ASSERT_EQUAL(verdict(j, 0), V_ACCEPTED);
	CU_ASSERT_EQUAL(verdict(j, 1), V_ACCEPTED);
	CU_ASSERT_STRING_EQUAL(feedback(j, 0), "found in 3");
	CU_ASSERT_STRING_EQUAL(feedback(j, 1), "found in 7");
	judged_free(j);

	/* gives up: the interactor's rejection */
	j = interact("print(50, flush=True)\ninput()\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_WRONG_ANSWER);
	CU_ASSERT_STRING_EQUAL(feedback(j, 0), "no guess after 1");
	judged_free(j);

	/* both sides wait for each other: the wall limit ends it as a time limit */
	j = interact("input()\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_TIME_LIMIT);
	judged_free(j);

	/* the submission's own crash comes before the interactor's opinion */
	j = interact("print(1, flush=True)\nraise SystemExit(3)\n");
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_RUNTIME_ERROR);
	judged_free(j);
}

static void test_groups(void)
{
	/* answers the input doubled, except for 3 and 5 */
	struct json_object *r = request("python", "n = int(input())\nprint(n * 2 + (n in (3, 5)))\n");
	struct judged *j;
	const struct judge_group_result *g;

	add_group(r, "sample", 0, "all", NULL, false);
	add_group(r, "small", 30, "all", NULL, false);
	add_group(r, "stops", 20, "sum", NULL, true);
	add_group(r, "needs-small", 50, "min", "small", false);
	add_group(r, "needs-sample", 10, "min", "sample", false);
	add_test(r, "1", "2", "sample", -1);
	add_test(r, "2", "4", "small", -1);
	add_test(r, "3", "6", "small", -1);	/* fails: small gets nothing */
	add_test(r, "4", "8", "stops", 5);
	add_test(r, "5", "10", "stops", 5);	/* fails, and stops its group */
	add_test(r, "6", "12", "stops", 5);	/* skipped */
	add_test(r, "7", "14", "needs-small", -1);	/* skipped: small failed */
	add_test(r, "8", "16", "needs-sample", -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(j->rc, SBX_OK);
	CU_ASSERT_EQUAL(verdict(j, 0), V_ACCEPTED);
	CU_ASSERT_EQUAL(verdict(j, 2), V_WRONG_ANSWER);
	CU_ASSERT_EQUAL(verdict(j, 4), V_WRONG_ANSWER);
	CU_ASSERT_EQUAL(verdict(j, 5), V_SKIPPED);
	CU_ASSERT_EQUAL(verdict(j, 6), V_SKIPPED);
	CU_ASSERT_EQUAL(verdict(j, 7), V_ACCEPTED);
	/* the first failing test in the request's order */
	CU_ASSERT_EQUAL(j->res.verdict, V_WRONG_ANSWER);
	g = j->res.groups;
	CU_ASSERT_DOUBLE_EQUAL(g[1].score, 0, 1e-9);
	CU_ASSERT_EQUAL(g[1].verdict, V_WRONG_ANSWER);
	CU_ASSERT_DOUBLE_EQUAL(g[2].score, 5, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(g[2].max_score, 15, 1e-9);
	CU_ASSERT_EQUAL(g[3].verdict, V_SKIPPED);
	CU_ASSERT_DOUBLE_EQUAL(g[3].score, 0, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(g[4].score, 10, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(j->res.score, 15, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(j->res.max_score, 105, 1e-9);
	/* the response names each test's group and lists the groups with their scores */
	{
		struct json_object *gs = json_object_object_get(j->json, "groups"), *t;

		CU_ASSERT_EQUAL(json_object_array_length(gs), 5);
		t = json_object_array_get_idx(json_object_object_get(j->json, "test_results"), 5);
		CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(t, "status")),
				       "skipped");
		CU_ASSERT_STRING_EQUAL(json_object_get_string(json_object_object_get(t, "group")),
				       "stops");
	}
	judged_free(j);
}

/* Every test's verdict, score and message, and the groups' scores, as one line each. */
static void summary(const struct judged *j, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < j->res.ntests; i++)
		strbuf_addf(sb, "%zu %s %.3f %s|%s\n", i, verdict_name(verdict(j, i)),
			    j->res.tests[i].score, j->res.tests[i].error.buf, feedback(j, i));
	for (i = 0; i < j->req.ngroups; i++)
		strbuf_addf(sb, "g%zu %s %.3f\n", i, verdict_name(j->res.groups[i].verdict),
			    j->res.groups[i].score);
	strbuf_addf(sb, "%s %.3f/%.3f\n", verdict_name(j->res.verdict), j->res.score,
		    j->res.max_score);
}

/* The groups of test_groups, with tests that fail in every way, in n lanes at most. */
static void judge_in_lanes(const char *lanes, struct strbuf *sb)
{
	struct json_object *r = request("python", "import sys\nn = int(input())\n"
					"if n == 9: sys.exit(3)\n"
					"if n == 10:\n    while True: pass\n"
					"print(n * 2 + (n in (3, 5)))\n");
	struct judged *j;

	setenv("CE_JUDGE_LANES", lanes, 1);
	add_group(r, "sample", 0, "all", NULL, false);
	add_group(r, "small", 30, "all", NULL, false);
	add_group(r, "stops", 20, "sum", NULL, true);
	add_group(r, "needs-small", 50, "min", "small", false);
	add_group(r, "needs-sample", 10, "min", "sample", false);
	add_group(r, "odd", 2, "sum", NULL, false);
	add_test(r, "9", "18", "odd", -1);		/* runtime error */
	add_test(r, "10", "20", "odd", -1);		/* time limit */
	add_test(r, "1", "2", "sample", -1);
	add_test(r, "2", "4", "small", -1);
	add_test(r, "3", "6", "small", -1);
	add_test(r, "4", "8", "stops", 5);
	add_test(r, "5", "10", "stops", 5);
	add_test(r, "6", "12", "stops", 5);
	add_test(r, "7", "14", "needs-small", -1);
	add_test(r, "8", "16", "needs-sample", -1);
	add_test(r, "11", "22", "needs-sample", -1);
	json_object_object_add(r, "timeout", json_object_new_double(0.5));
	j = judge(r);
	unsetenv("CE_JUDGE_LANES");
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(j->rc, SBX_OK);
	summary(j, sb);
	judged_free(j);
}

/* Tests side by side give what one test at a time gives: verdicts, skips, scores, messages. */
static void test_lanes_same_verdicts(void)
{
	struct strbuf one = STRBUF_INIT, four = STRBUF_INIT;

	judge_in_lanes("1", &one);
	judge_in_lanes("4", &four);
	if (strcmp(one.buf, four.buf))
		fprintf(stderr, "\n  one at a time:\n%s  side by side:\n%s", one.buf, four.buf);
	CU_ASSERT_STRING_EQUAL(one.buf, four.buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(one.buf, "0 runtime_error"));
	CU_ASSERT_PTR_NOT_NULL(strstr(one.buf, "1 time_limit_exceeded"));
	CU_ASSERT_PTR_NOT_NULL(strstr(one.buf, "7 skipped"));
	strbuf_release(&one);
	strbuf_release(&four);
}

/*
 * Two tests of one submission at once: one marks /tmp, binds an abstract
 * unix socket name, signals everything it can and waits; the other, started
 * beside it, sees no mark, no process but its own, finds the name free (a
 * network namespace of its own), and is not killed.
 */
static void test_lanes_apart(void)
{
	static const char code[] =
		"import os, signal, socket, sys, time\n"
		"w = sys.stdin.read().strip()\n"
		"s = socket.socket(socket.AF_UNIX)\n"
		"if w == 'a':\n"
		"    open('/tmp/mark', 'w').write('x')\n"
		"    s.bind('\\0ce-apart')\n"
		"    t = time.time()\n"
		"    while time.time() - t < 1.5:\n"
		"        for g in (-1, 1, 2, 3, 4, 5, 6, 7, 8):\n"
		"            try:\n"
		"                if g != os.getpid():\n"
		"                    os.kill(g, signal.SIGKILL)\n"
		"            except OSError:\n"
		"                pass\n"
		"    print('a')\n"
		"else:\n"
		"    time.sleep(0.5)\n"
		"    pids = [p for p in os.listdir('/proc') if p.isdigit()]\n"
		"    try:\n"
		"        s.bind('\\0ce-apart')\n"
		"        name = 'free'\n"
		"    except OSError:\n"
		"        name = 'taken'\n"
		"    print('b', os.path.exists('/tmp/mark'), len(pids), os.getuid(), name)\n";
	struct json_object *r = request("python", code);
	struct judged *j;
	unsigned uid = 0;
	char name[8] = "";

	setenv("CE_JUDGE_LANES", "2", 1);
	add_test(r, "a", "a", NULL, -1);
	add_test(r, "b", "", NULL, -1);
	j = judge(r);
	unsetenv("CE_JUDGE_LANES");
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(verdict(j, 0), V_ACCEPTED);
	/* only itself (init is root's, hidden); the other test's processes are not there */
	CU_ASSERT_EQUAL(sscanf(j->res.tests[1].output.buf, "b False 1 %u %7s", &uid, name), 2);
	CU_ASSERT_STRING_EQUAL(name, "free");
	if (sysconf(_SC_NPROCESSORS_ONLN) > 1)
		CU_ASSERT(uid >= 60064);	/* it ran on a twin */
	judged_free(j);
}

/* Four tests that each sleep 1 s: how long the judge took, in ms. */
static uint64_t sleepers_ms(void)
{
	struct json_object *r = request("python", "import time\ntime.sleep(1)\nprint(input())\n");
	struct judged *j;
	uint64_t ms;
	int i;

	for (i = 0; i < 4; i++)
		add_test(r, "x", "x", NULL, -1);
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_EQUAL(j->res.verdict, V_ACCEPTED);
	ms = j->res.total_ms;
	judged_free(j);
	return ms;
}

/*
 * A judge host's cores (sandbox/lanes.c): with a neighbour's token free the
 * four sleepers go two at a time; with it held by a busy slot, one at a time.
 */
static void test_lanes_borrow_idle_cores(void)
{
	char dir[] = "/tmp/ce-cores-test-XXXXXX", path[64];
	uint64_t alone, shared;
	int fd[2], i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%d", dir, i);
		fd[i] = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		CU_ASSERT_FATAL(fd[i] >= 0);
	}
	setenv("CE_CORES", dir, 1);
	setenv("CE_CORE", "0", 1);
	setenv("CE_JUDGE_LANES", "2", 1);
	shared = sleepers_ms();
	CU_ASSERT_EQUAL(flock(fd[1], LOCK_EX | LOCK_NB), 0);	/* the other slot is busy */
	alone = sleepers_ms();
	flock(fd[1], LOCK_UN);
	/* and the judge gave both tokens back: nothing of it is still held */
	CU_ASSERT_EQUAL(flock(fd[0], LOCK_EX | LOCK_NB), 0);
	CU_ASSERT_EQUAL(flock(fd[1], LOCK_EX | LOCK_NB), 0);
	unsetenv("CE_CORES");
	unsetenv("CE_CORE");
	unsetenv("CE_JUDGE_LANES");
	if (!(shared < 3500 && alone >= 4000))
		fprintf(stderr, "\n  two lanes %llu ms, one %llu ms\n", (unsigned long long)shared,
			(unsigned long long)alone);
	CU_ASSERT(shared < 3500);
	CU_ASSERT(alone >= 4000);
	for (i = 0; i < 2; i++) {
		close(fd[i]);
		snprintf(path, sizeof(path), "%s/%d", dir, i);
		unlink(path);
	}
	rmdir(dir);
}

/* A partial score in a min group: the lowest test's share of the group's points. */
static void test_group_min_partial(void)
{
	struct json_object *r = request("python", "n = int(input())\nprint(n // 2, n - n // 2)\n");
	struct judged *j;

	checker(r, "custom", "cpp", sum_checker);
	add_group(r, "g", 40, "min", NULL, false);
	add_test(r, "5", "", "g", -1);
	add_test(r, "6", "", "g", -1);	/* 3 3: half */
	j = judge(r);
	CU_ASSERT_PTR_NOT_NULL_FATAL(j);
	CU_ASSERT_DOUBLE_EQUAL(j->res.groups[0].score, 20, 1e-9);
	CU_ASSERT_DOUBLE_EQUAL(j->res.score, 20, 1e-9);
	judged_free(j);
}

static void refused(const char *body, const char *want)
{
	struct judge_request req;
	struct judge_error e;

	if (judge_request_parse(body, strlen(body), &req, &e) == 0) {
		fprintf(stderr, "\n  accepted: %s\n", body);
		judge_request_release(&req);
		CU_FAIL("accepted");
		return;
	}
	if (!strstr(e.message, want))
		fprintf(stderr, "\n  message: %s\n", e.message);
	CU_ASSERT_STRING_EQUAL(e.code, "invalid_field");
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, want));
}

static void test_bad_requests(void)
{
#define REQ(x) "{\"language\":\"python\",\"code\":\"print(1)\"," x "}"
#define T1 "\"test_cases\":[{\"input\":\"\",\"expected_output\":\"1\"}]"
	refused(REQ("\"checker\":{\"type\":\"fuzzy\"}," T1), "fuzzy");
	refused(REQ("\"checker\":{\"type\":\"custom\",\"language\":\"java\",\"code\":\"x\"}," T1),
		"c, cpp or python");
	refused(REQ("\"checker\":{\"type\":\"custom\",\"language\":\"cpp\",\"code\":\"\"}," T1),
		"empty");
	refused(REQ("\"checker\":{\"type\":\"custom\",\"language\":\"cpp\",\"code\":\"x\","
		    "\"flags\":\"a\\nb\"}," T1), "printable");
	refused(REQ("\"checker\":{\"type\":\"custom\",\"language\":\"cpp\",\"code\":\"x\","
		    "\"flags\":\"1 2 3 4 5 6 7 8 9\"}," T1), "printable");
	refused(REQ("\"groups\":[{\"name\":\"a\"}]," T1), "'group' is required");
	refused(REQ("\"groups\":[{\"name\":\"a\"},{\"name\":\"a\"}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"a\"}]"), "second group");
	refused(REQ("\"groups\":[{\"name\":\"a\",\"depends_on\":[\"b\"]},{\"name\":\"b\"}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"a\"}]"), "depends on");
	refused(REQ("\"groups\":[{\"name\":\"a\"},{\"name\":\"b\",\"depends_on\":[\"c\"]}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"a\"}]"), "no earlier group");
	refused(REQ("\"groups\":[{\"name\":\"a\",\"rule\":\"max\"}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"a\"}]"), "sum, all or min");
	refused(REQ("\"groups\":[{\"name\":\"a\",\"points\":-1}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"a\"}]"), "points");
	refused(REQ("\"groups\":[{\"name\":\"a\",\"weight\":1}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"a\"}]"), "weight");
	refused(REQ("\"groups\":[{\"name\":\"a\"}],"
		    "\"test_cases\":[{\"expected_output\":\"1\",\"group\":\"z\"}]"), "no group named");
#undef T1
#undef REQ
}

static CU_TestInfo tests[] = {
	{ "custom checker: alternatives, partial score, message, cache", test_custom_checker },
	{ "custom checker: compile error, bad exit, read-only files", test_checker_faults },
	{ "the submission's box holds no answer", test_submission_sees_no_answer },
	{ "interactive: answer, give up, deadlock, crash", test_interactive },
	{ "groups: rules, dependencies, stop at a failure", test_groups },
	{ "groups: min with a partial score", test_group_min_partial },
	{ "tests side by side: the same verdicts as one at a time", test_lanes_same_verdicts },
	{ "tests side by side on a judge host's idle cores only", test_lanes_borrow_idle_cores },
	{ "tests side by side cannot see or touch each other", test_lanes_apart },
	{ "requests with bad checkers and groups are refused", test_bad_requests },
	CU_TEST_INFO_NULL,
};

static int cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", cache_dir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	return test_main("checker", tests, setup, cleanup);
}
