/*
 * ctl.c - ce-ctl: database set-up and housekeeping for the service
 *
 *   ce-ctl migrate SQLDIR        apply sql/NNN_*.sql not yet recorded in schema_version
 *   ce-ctl load-questions DIR    load the question bank directories not yet loaded
 *   ce-ctl ensure-admin          create the first admin (ADMIN_PASSWORD or a random one)
 *   ce-ctl sweep [SECONDS]       close expired and abandoned sessions, every SECONDS
 *   ce-ctl import PATH           a Kattis problem package (a directory or a .zip) into the
 *                                bank, its reference solutions judged by the judge hosts;
 *                                exit 0, or 4 when one did not get its expected verdict
 *   ce-ctl export ID DIR         question ID (number or uuid) as a package in DIR (new)
 *
 * The database comes from DATABASE_URL (libpq conninfo or URL).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api_common.h"
#include "api_packages.h"
#include "auth.h"
#include "db.h"
#include "jsonh.h"
#include "lang.h"
#include "queue.h"
#include "strbuf.h"
#include "session.h"
#include "signature.h"
#include "question.h"
#include "store_question.h"

/* a migration or a file of the question bank: at most what one test's input may be */
#define CTL_MAX_FILE JUDGE_MAX_IO

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int sql_ok(enum db_err e, const char *what)
{
	if (e == DB_OK)
		return 0;
	fprintf(stderr, "ce-ctl: %s: %s (%s)\n", what, db_strerror(e), db_last_error());
	return -1;
}

static int migrate(const char *dir)
{
	struct dirent **ents = NULL;
	PGresult *res;
	int n, i, rc = 1, applied = 0;

	/* "already exists, skipping" on every later start is noise */
	if (sql_ok(db_exec_script("SET client_min_messages = warning;"
				  " CREATE TABLE IF NOT EXISTS schema_version ("
				  " version integer PRIMARY KEY, name text NOT NULL,"
				  " applied_at timestamptz NOT NULL DEFAULT now())"),
		   "schema_version") < 0)
		return 1;
	/* two starts at once must not both apply a migration */
	if (sql_ok(db_exec_script("SELECT pg_advisory_lock(774411)"), "lock") < 0)
		return 1;
	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "ce-ctl: cannot read %s: %s\n", dir, strerror(errno));
		goto out;
	}
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		char path[1024], ver[16];
		const char *p[2] = { ver, name };
		struct strbuf sql = STRBUF_INIT;
		size_t len = strlen(name);
		int exists;

		if (len < 5 || strcmp(name + len - 4, ".sql") || strspn(name, "0123456789") != 3)
			continue;
		snprintf(ver, sizeof(ver), "%d", atoi(name));
		exists = db_rows("SELECT 1 FROM schema_version WHERE version = $1::int", 1, p);
		if (exists < 0)
			goto out;
		if (exists)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		if (strbuf_read_file(&sql, path, CTL_MAX_FILE) < 0) {
			fprintf(stderr, "ce-ctl: cannot read %s\n", path);
			goto out;
		}
		/* the file and its record commit together or not at all */
		if (sql_ok(db_begin(), "begin") < 0 || sql_ok(db_exec_script(sql.buf), name) < 0 ||
		    sql_ok(db_exec(&res, "INSERT INTO schema_version (version, name) VALUES ($1::int, $2)",
				   2, p),
			   "record") < 0) {
			db_rollback();
			strbuf_release(&sql);
			goto out;
		}
		PQclear(res);
		strbuf_release(&sql);
		if (sql_ok(db_commit(), "commit") < 0)
			goto out;
		printf("applied %s\n", name);
		applied++;
	}
	printf("migrations: %d applied, schema up to date\n", applied);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	db_exec_script("SELECT pg_advisory_unlock(774411)");
	return rc;
}

/* File name of each language's starter and solution in the bank. */
static const char *const bank_files[][2] = {
	{ "python", "main.py" }, { "java", "Main.java" }, { "cpp", "main.cpp" },
	{ "c", "main.c" },	 { "javascript", "main.js" }, { "csharp", "Main.cs" },
};

/* A bank directory's tests/NN.in and NN.out pairs, in name order, as test_cases. */
static struct json_object *bank_tests(const char *dir, const char *slug, struct json_object *m)
{
	struct json_object *tests = json_object_new_array(), *samples = NULL, *pts;
	struct strbuf path = STRBUF_INIT;
	struct dirent **ents = NULL;
	int n, i;

	json_object_object_get_ex(m, "samples", &samples);
	strbuf_addf(&path, "%s/%s/tests", dir, slug);
	n = scandir(path.buf, &ents, NULL, by_name);
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		size_t len = strlen(name), s;
		struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
		struct json_object *t;
		char base[64];
		bool sample = false;

		if (len < 4 || strcmp(name + len - 3, ".in") || len - 3 >= sizeof(base))
			continue;
		snprintf(base, sizeof(base), "%.*s", (int)(len - 3), name);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s/tests/%s.in", dir, slug, base);
		strbuf_read_file(&in, path.buf, CTL_MAX_FILE);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s/tests/%s.out", dir, slug, base);
		if (strbuf_read_file(&out, path.buf, CTL_MAX_FILE) == 0) {
			for (s = 0; samples && s < json_object_array_length(samples); s++)
				if (!strcmp(json_object_get_string(json_object_array_get_idx(samples, s)),
					    base))
					sample = true;
			t = json_object_new_object();
			json_object_object_add(t, "input", json_object_new_string_len(in.buf, (int)in.len));
			json_object_object_add(t, "expected_output",
					       json_object_new_string_len(out.buf, (int)out.len));
			json_object_object_add(t, "is_sample", json_object_new_boolean(sample));
			if (json_object_object_get_ex(m, "points", &pts) &&
			    json_object_object_get_ex(pts, base, &pts))
				json_object_object_add(t, "points", json_object_get(pts));
			json_object_array_add(tests, t);
		}
		strbuf_release(&in);
		strbuf_release(&out);
	}
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	strbuf_release(&path);
	return tests;
}

static int load_one(const char *dir, const char *slug)
{
	static const char *const copied[] = { "title", "difficulty", "tags", "time_limit_ms",
					      "memory_limit_mb", "checker", "groups" };
	struct strbuf path = STRBUF_INIT, meta = STRBUF_INIT, md = STRBUF_INIT;
	struct json_object *m = NULL, *doc = json_object_new_object(), *bp = json_object_new_object();
	struct json_object *v;
	struct api_err e = { 0 };
	char qid[16], err[128];
	int rc = -1;
	size_t k;

	strbuf_addf(&path, "%s/%s/meta.json", dir, slug);
	if (strbuf_read_file(&meta, path.buf, CTL_MAX_FILE) < 0 ||
	    !(m = jsonh_parse(meta.buf, meta.len, err, sizeof(err)))) {
		fprintf(stderr, "ce-ctl: %s: bad or missing meta.json\n", slug);
		goto out;
	}
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/%s/question.md", dir, slug);
	if (strbuf_read_file(&md, path.buf, CTL_MAX_FILE) < 0) {
		fprintf(stderr, "ce-ctl: %s: missing question.md\n", slug);
		goto out;
	}
	for (k = 0; k < sizeof(bank_files) / sizeof(bank_files[0]); k++) {
		struct strbuf code = STRBUF_INIT;

		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s/starter/%s", dir, slug, bank_files[k][1]);
		if (strbuf_read_file(&code, path.buf, CTL_MAX_FILE) == 0)
			json_object_object_add(bp, bank_files[k][0],
					       json_object_new_string_len(code.buf, (int)code.len));
		strbuf_release(&code);
	}
	for (k = 0; k < sizeof(copied) / sizeof(copied[0]); k++)
		if (json_object_object_get_ex(m, copied[k], &v))
			json_object_object_add(doc, copied[k], json_object_get(v));
	/* a function question: its signature's text form beside the statement */
	strbuf_reset(&path);
	strbuf_reset(&meta);
	strbuf_addf(&path, "%s/%s/signature.txt", dir, slug);
	if (strbuf_read_file(&meta, path.buf, CTL_MAX_FILE) == 0) {
		struct signature sig;

		if (sig_parse_text(meta.buf, meta.len, &sig, err, sizeof(err)) < 0) {
			fprintf(stderr, "ce-ctl: %s: signature.txt: %s\n", slug, err);
			goto out;
		}
		json_object_object_add(doc, "signature", sig_json(&sig));
	}
	json_object_object_add(doc, "slug", json_object_new_string(slug));
	json_object_object_add(doc, "question", json_object_new_string_len(md.buf, (int)md.len));
	json_object_object_add(doc, "boiler_plate", json_object_get(bp));
	json_object_object_add(doc, "test_cases", bank_tests(dir, slug, m));
	if (question_check(doc, true, &e) < 0) {
		fprintf(stderr, "ce-ctl: %s: %s\n", slug, e.msg);
		goto out;
	}
	if (sql_ok(db_begin(), slug) < 0)
		goto out;
	if (question_save(doc, NULL, qid, &e) != 0 || db_commit() != DB_OK) {
		db_rollback();
		fprintf(stderr, "ce-ctl: %s: %s\n", slug, e.status ? e.msg : "database error");
		goto out;
	}
	printf("loaded %s (%zu tests)\n", slug,
	       json_object_array_length(json_object_object_get(doc, "test_cases")));
	rc = 0;
out:
	json_object_put(m);
	json_object_put(bp);
	json_object_put(doc);
	strbuf_release(&path);
	strbuf_release(&meta);
	strbuf_release(&md);
	return rc;
}

static int load_questions(const char *dir)
{
	struct dirent **ents = NULL;
	int n, i, rc = 0, loaded = 0;

	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "ce-ctl: cannot read %s: %s\n", dir, strerror(errno));
		return 1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		const char *slug = ents[i]->d_name;
		int exists;

		if (ents[i]->d_type != DT_DIR || strspn(slug, "0123456789") != 2 || slug[2] != '-')
			continue;
		exists = store_question_slug_exists(slug);
		if (exists < 0) {
			rc = 1;
			break;
		}
		if (exists)
			continue;
		/* one question, one transaction: a failure leaves no half-loaded question */
		if (db_begin() != DB_OK || load_one(dir, slug) < 0 || db_commit() != DB_OK) {
			db_rollback();
			rc = 1;
			break;
		}
		loaded++;
	}
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	if (rc == 0)
		printf("question bank: %d loaded\n", loaded);
	return rc;
}

static int ensure_admin(void)
{
	const char *given = getenv("ADMIN_PASSWORD");
	char pw[512], hash[256];
	int n = auth_admin_exists();

	if (n < 0)
		return sql_ok(DB_EQUERY, "admin"), 1;
	if (n) {
		printf("admin account exists\n");
		return 0;
	}
	if (given && *given) {
		if (strlen(given) >= sizeof(pw)) {
			fprintf(stderr, "ce-ctl: ADMIN_PASSWORD is longer than %zu bytes\n", sizeof(pw) - 1);
			return 1;
		}
		snprintf(pw, sizeof(pw), "%s", given);
	} else {
		if (auth_new_token(pw) < 0)
			return 1;
		pw[20] = '\0';
	}
	if (auth_hash_password(pw, hash, sizeof(hash)) < 0) {
		fprintf(stderr, "ce-ctl: cannot hash the password\n");
		return 1;
	}
	if (sql_ok(auth_create_admin("admin", hash), "admin") < 0)
		return 1;
	/* shown once, here; only the hash is kept */
	if (given && *given)
		printf("admin login: admin / (the password in ADMIN_PASSWORD)\n");
	else
		printf("admin login: admin / %s\n", pw);
	return 0;
}

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int sweep(int every)
{
	int n;

	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	do {
		n = session_sweep();
		if (n > 0)
			printf("sweep: %d session(s) closed\n", n);
		fflush(stdout);
		if (every > 0)
			sleep((unsigned)every);
	} while (every > 0 && !stop);
	return 0;
}

/* The largest package ce-ctl reads as a zip file. */
#define CTL_MAX_ZIP (256u << 20)

static int import_package(const char *path)
{
	struct json_object *report = NULL, *refs, *w;
	struct strbuf zip = STRBUF_INIT;
	struct api_err e = { 0 };
	char err[512] = "";
	size_t n = strlen(path), i;
	enum pkg_err pe;
	struct pkg p;
	int rc = 1;

	pkg_init(&p);
	if (n > 4 && !strcmp(path + n - 4, ".zip")) {
		if (strbuf_read_file(&zip, path, CTL_MAX_ZIP) < 0) {
			fprintf(stderr, "ce-ctl: cannot read %s: %s\n", path, strerror(errno));
			goto out;
		}
		pe = pkg_read_zip(zip.buf, zip.len, &p, err, sizeof(err));
	} else {
		pe = pkg_read_dir(path, &p, err, sizeof(err));
	}
	if (pe != PKG_OK) {
		fprintf(stderr, "ce-ctl: %s: %s\n", path, *err ? err : pkg_strerror(pe));
		goto out;
	}
	if (packages_import(&p, "ctl:import", &report, &e) < 0) {
		fprintf(stderr, "ce-ctl: %s: %s\n", path, e.msg);
		goto out;
	}
	printf("imported %s as question %s (%s), time limit %d ms%s\n", path,
	       json_object_get_string(json_object_object_get(json_object_object_get(report, "question"),
							     "number")),
	       json_object_get_string(json_object_object_get(json_object_object_get(report, "question"),
							     "title")),
	       json_object_get_int(json_object_object_get(report, "time_limit_ms")),
	       json_object_get_boolean(json_object_object_get(report, "time_limit_derived"))
		       ? " (derived from the accepted references)"
		       : "");
	w = json_object_object_get(report, "warnings");
	for (i = 0; w && i < json_object_array_length(w); i++)
		printf("warning: %s\n", json_object_get_string(json_object_array_get_idx(w, i)));
	refs = json_object_object_get(report, "references");
	for (i = 0; refs && i < json_object_array_length(refs); i++) {
		struct json_object *r = json_object_array_get_idx(refs, i);

		printf("%s %s: expected %s, got %s\n",
		       json_object_get_boolean(json_object_object_get(r, "ok")) ? "ok  " : "FAIL",
		       json_object_get_string(json_object_object_get(r, "name")),
		       json_object_get_string(json_object_object_get(r, "expected")),
		       json_object_get_string(json_object_object_get(r, "status")));
	}
	rc = json_object_get_boolean(json_object_object_get(report, "references_ok")) ? 0 : 4;
out:
	json_object_put(report);
	strbuf_release(&zip);
	pkg_release(&p);
	return rc;
}

static int export_package(const char *key, const char *dir)
{
	struct api_err e = { 0 };
	char qid[16], err[512] = "";
	enum pkg_err pe;
	struct pkg p;
	int found, rc = 1;

	found = store_question_lookup(key, qid);
	if (found <= 0) {
		fprintf(stderr, "ce-ctl: %s\n", found < 0 ? "database error" : "no such question");
		return 1;
	}
	pkg_init(&p);
	if (packages_export(qid, &p, &e) < 0) {
		fprintf(stderr, "ce-ctl: %s\n", e.msg);
		goto out;
	}
	pe = pkg_write_dir(&p, dir, err, sizeof(err));
	if (pe != PKG_OK) {
		fprintf(stderr, "ce-ctl: %s: %s\n", dir, *err ? err : pkg_strerror(pe));
		goto out;
	}
	printf("exported question %s to %s (%zu files)\n", key, dir, p.nfiles);
	rc = 0;
out:
	pkg_release(&p);
	return rc;
}

int main(int argc, char **argv)
{
	int rc;

	cfg.abandon_grace_s = getenv("CE_ABANDON_GRACE") ? atoi(getenv("CE_ABANDON_GRACE")) : 60;
	cfg.heartbeat_timeout_s =
		getenv("CE_HEARTBEAT_TIMEOUT") ? atoi(getenv("CE_HEARTBEAT_TIMEOUT")) : 300;
	if (cfg.abandon_grace_s < 1)
		cfg.abandon_grace_s = 60;
	if (cfg.heartbeat_timeout_s < 5)
		cfg.heartbeat_timeout_s = 300;
	db_init(getenv("DATABASE_URL"));
	if (argc >= 3 && !strcmp(argv[1], "migrate"))
		rc = migrate(argv[2]);
	else if (argc >= 3 && !strcmp(argv[1], "load-questions"))
		rc = load_questions(argv[2]);
	else if (argc >= 2 && !strcmp(argv[1], "ensure-admin"))
		rc = ensure_admin();
	else if (argc >= 2 && !strcmp(argv[1], "sweep"))
		rc = sweep(argc >= 3 ? atoi(argv[2]) : 0);
	else if (argc == 3 && !strcmp(argv[1], "import"))
		rc = (queue_init(), import_package(argv[2]));
	else if (argc == 4 && !strcmp(argv[1], "export"))
		rc = export_package(argv[2], argv[3]);
	else {
		fprintf(stderr, "usage: ce-ctl migrate SQLDIR | load-questions DIR | ensure-admin |"
				" sweep [SECONDS] | import PATH | export ID DIR\n");
		rc = 2;
	}
	db_close();
	return rc;
}
