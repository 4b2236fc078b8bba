# Coding Engine - build, test and benchmark.
#
#   make            build everything into bin/
#   make test       every test (SANITIZE=1 to run them under ASan + UBSan)
#   make bench      benchmarks, printing comparison tables
#   make cache      (as root) the precompiled headers and JVM archives boxes share, if stale
#   make deps       install the Debian packages the build and tests need
#   make fuzz       the libFuzzer target on its seed corpus (FUZZ_TIME seconds, default 60)

CC      ?= gcc
SANITIZE ?=

WARN    = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
          -Wformat=2 -Wformat-security -Wvla -Wno-format-nonliteral -Wno-format-truncation -Werror
CFLAGS  = -std=gnu17 -O2 -g $(WARN) -fstack-protector-strong -fPIE
LDFLAGS = -pie -Wl,-z,relro,-z,now
ifeq ($(SANITIZE),)
  CFLAGS += -D_FORTIFY_SOURCE=2
  BUILD  = build/release
  BIN    = bin
else
  CFLAGS  += -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
  LDFLAGS += -fsanitize=address,undefined
  BUILD  = build/sanitize
  BIN    = build/sanitize/bin
endif

CPPFLAGS = -Icommon -Isandbox -Ifcgi-app -Itests -I/usr/include/postgresql -MMD -MP
# no crypto library for the judge: loading one cost each judge about 0.8 ms (common/sha256.c)
LIBS_SBX = -ljson-c -lm
# problem packages: zip archives (libzip) and their YAML files (libyaml)
# invitations by e-mail: libcurl's SMTP client (README, "Invitations by e-mail"), base64
# of libcrypto
LIBS_APP = -lfcgi -lpq -lcrypt -lzip -lyaml -lcurl -lcrypto $(LIBS_SBX)
# the judge host's webhook calls: libcurl (bin/ce-worker only)
LIBS_HOOK = -lcurl

# code every program shares: strings, UTF-8, system helpers, uuids, the language table and
# limits, JSON documents and the error envelope, how a question judges and scores, and the
# function signatures of "implement this function" questions (values, wire format, harnesses)
COMMON_SRC = common/strbuf.c common/utf8.c common/util.c common/uuid.c common/lang.c \
             common/jsonh.c common/compare.c common/grading.c common/signature.c \
             common/signature_code.c common/sha256.c
COMMON_OBJ = $(COMMON_SRC:%.c=$(BUILD)/%.o)
LIBCOMMON  = $(BUILD)/libcommon.a

# the unprivileged judge library: request, verdicts, entry points, response, the launcher's client,
# checkers
SBX_SRC = sandbox/judge.c sandbox/entry.c sandbox/judge_json.c sandbox/client.c sandbox/checker.c \
	  sandbox/lanes.c
SBX_OBJ = $(SBX_SRC:%.c=$(BUILD)/%.o)
LIBSBX  = $(BUILD)/libsandbox.a

# bin/ce-box, the only program that runs as root (setuid): these files and nothing else, plus
# the seccomp filter that rules_gen compiles with libseccomp at build time
BOX_SRC = sandbox/launcher.c sandbox/box.c sandbox/cg.c sandbox/rules.c common/util.c
BOX_OBJ = $(BOX_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/rules_filter.o

APP_SRC = fcgi-app/db.c fcgi-app/router.c fcgi-app/http.c fcgi-app/auth.c \
          fcgi-app/executor.c fcgi-app/api_common.c fcgi-app/api_public.c fcgi-app/api_session.c \
          fcgi-app/api_questions.c fcgi-app/api_piston.c fcgi-app/api_judge0.c fcgi-app/judge0.c \
          fcgi-app/api_admin.c fcgi-app/api_reports.c fcgi-app/api_executions.c fcgi-app/api_metrics.c \
          fcgi-app/execution.c fcgi-app/tmpl.c
APP_SRC += fcgi-app/routes.c fcgi-app/session.c fcgi-app/store_question.c \
           fcgi-app/store_candidate.c fcgi-app/store_submission.c fcgi-app/queue.c \
           fcgi-app/grade.c fcgi-app/webhook.c fcgi-app/question.c
# jobs, their tests and versions, invitations to a test, a job's pipeline
APP_SRC += fcgi-app/api_jobs.c fcgi-app/store_job.c fcgi-app/store_test.c
# Kattis problem packages: the file tree, YAML, the LaTeX statement subset, the mapping
APP_SRC += fcgi-app/package.c fcgi-app/yamldoc.c fcgi-app/tex.c fcgi-app/kattis.c \
           fcgi-app/api_packages.c
# recruiters' accounts and roles, the audit trail, notes on candidates
APP_SRC += fcgi-app/account.c fcgi-app/audit.c fcgi-app/store_account.c fcgi-app/store_note.c \
           fcgi-app/api_accounts.c fcgi-app/api_notes.c
# how much of two candidates' programs is the same code
APP_SRC += fcgi-app/similarity.c fcgi-app/api_similarity.c
# what the candidate's editor recorded: changes for the player, integrity signals
APP_SRC += fcgi-app/playback.c
# invitations by e-mail: composing and sending a message, the invitation's message and its outcome
APP_SRC += fcgi-app/mail.c fcgi-app/invite_mail.c
# invitation links derived from a nonce and the server's secret, so they can be shown again
APP_SRC += fcgi-app/invite_link.c
APP_OBJ = $(APP_SRC:%.c=$(BUILD)/%.o)
LIBAPP  = $(BUILD)/libapp.a

# what only a judge host does besides running jobs: calling webhooks
HOOK_SRC = fcgi-app/webhook_send.c
HOOK_OBJ = $(HOOK_SRC:%.c=$(BUILD)/%.o)

TEST_SRC  = $(wildcard tests/test_*.c)
TEST_BIN  = $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

DEB_PKGS = gcc g++ make pkg-config libseccomp-dev libjson-c-dev libcunit1-dev \
           openjdk-17-jdk-headless nodejs mono-mcs python3 \
           libfcgi-dev libpq-dev libcrypt-dev postgresql-15 postgresql-client-15 \
           nginx spawn-fcgi curl libcurl4-openssl-dev libssl-dev libzip-dev libyaml-dev
# the browser tests drive Debian's Chromium; the service tests check GET /metrics with
# promtool (package prometheus); the invitation e-mails go to a private OpenSMTPD (T28Mail);
# the HTTP benchmark drives wrk
TEST_PKGS = chromium fonts-dejavu-core docker-compose prometheus opensmtpd
BENCH_PKGS = wrk

# static/vendor/editor.js: CodeMirror 6 bundled by esbuild from the npm packages that
# conf/npm/package-lock.json pins (installed under build/npm, never served)
NPM_DIR   = build/npm
UI_BUNDLE = static/vendor/editor.js

.PHONY: all test bench deps cache clean run start stop
.SECONDARY:
all: $(BIN)/judge $(BIN)/ce-box $(BIN)/ce-fcgi $(BIN)/ce-ctl $(BIN)/ce-worker $(UI_BUNDLE)

$(NPM_DIR)/.installed: conf/npm/package.json conf/npm/package-lock.json
	@mkdir -p $(NPM_DIR)
	cp conf/npm/package.json conf/npm/package-lock.json $(NPM_DIR)/
	cd $(NPM_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(UI_BUNDLE): static/src/editor.mjs $(NPM_DIR)/.installed
	@mkdir -p $(@D)
	NODE_PATH=$(NPM_DIR)/node_modules $(NPM_DIR)/node_modules/.bin/esbuild $< --bundle --minify \
		--format=iife --target=es2020 --legal-comments=eof --log-level=warning --outfile=$@

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIBCOMMON): $(COMMON_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(LIBSBX): $(SBX_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/judge: $(BUILD)/sandbox/judge_main.o $(LIBSBX) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_SBX)

$(BUILD)/rules_gen: $(BUILD)/sandbox/rules_gen.o
	$(CC) $(LDFLAGS) -o $@ $^ -lseccomp

$(BUILD)/gen/rules_filter.c: $(BUILD)/rules_gen
	@mkdir -p $(@D)
	$< >$@.tmp && mv $@.tmp $@

$(BUILD)/gen/rules_filter.o: $(BUILD)/gen/rules_filter.c
	$(CC) $(CFLAGS) -c $< -o $@

$(BIN)/ce-box: $(BOX_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^

$(LIBAPP): $(APP_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/ce-fcgi: $(BUILD)/fcgi-app/main.o $(LIBAPP) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_APP)

$(BIN)/ce-ctl: $(BUILD)/fcgi-app/ctl.o $(LIBAPP) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_APP)

# a judge host: the version it registers is the commit it was built from
$(BUILD)/fcgi-app/worker.o: CPPFLAGS += -DCE_VERSION='"$(shell git describe --always --dirty 2>/dev/null || echo unknown)"'
$(BIN)/ce-worker: $(BUILD)/fcgi-app/worker.o $(HOOK_OBJ) $(LIBAPP) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_APP) $(LIBS_HOOK)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/tests/harness.o $(BUILD)/tests/pg.o $(BUILD)/tests/fcgi_fake.o $(LIBAPP) $(LIBSBX) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_APP) -lcunit

# the webhook suite also makes calls
$(BUILD)/tests/test_webhook: $(BUILD)/tests/test_webhook.o $(BUILD)/tests/harness.o $(BUILD)/tests/pg.o $(BUILD)/tests/fcgi_fake.o $(HOOK_OBJ) $(LIBAPP) $(LIBSBX) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_APP) $(LIBS_HOOK) -lcunit

$(BUILD)/bench/%: $(BUILD)/bench/%.o $(LIBSBX) $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_SBX)

# end-to-end suites against the real nginx + FastCGI + PostgreSQL (release build only):
# the service over HTTP (Python) and the pages in Chromium (node + playwright-core)
E2E_TESTS = $(if $(SANITIZE),,$(wildcard tests/*_test.py tests/*_test.cjs))

# set-up first (packages), then the build, then the suites
test: deps
	@sh conf/install-deps.sh $(TEST_PKGS)
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@$(if $(SANITIZE),$(MAKE) --no-print-directory SANITIZE= all,true)
	@sh conf/box-cache.sh
	@BIN=$(BIN) CE_BOX=$(CURDIR)/$(BIN)/ce-box NODE_PATH=$(CURDIR)/$(NPM_DIR)/node_modules sh tests/run.sh $(TEST_BIN) $(E2E_TESTS)

bench: deps
	@sh conf/install-deps.sh $(BENCH_PKGS)
	@$(MAKE) --no-print-directory all $(BUILD)/bench/overhead
	@sh conf/box-cache.sh
	@CE_BOX=$(CURDIR)/$(BIN)/ce-box sh bench/run.sh $(BUILD)/bench/overhead $(BIN)/judge

deps:
	@sh conf/install-deps.sh $(DEB_PKGS)

# what every box shares read-only at /cache, built by root from the host's toolchains
# (make run and make start build it through conf/service.sh)
cache: deps
	@sh conf/box-cache.sh

# the whole service (SPEC section 7): PORT, VAR_DIR, DATABASE_URL, ADMIN_PASSWORD
run: deps
	@$(MAKE) --no-print-directory all
	@sh conf/service.sh run

start: deps
	@$(MAKE) --no-print-directory all
	@sh conf/service.sh start

stop:
	@sh conf/service.sh stop

clean:
	rm -rf build bin $(UI_BUNDLE)

# libFuzzer (clang) on the request parser, the router and the reading of Java and C# classes:
# tests/fuzz/, seeds in tests/fuzz/corpus; new inputs go to build/fuzz/corpus.  A crash, a
# sanitizer report or 256 MiB of RSS fails it.
.PHONY: fuzz
FUZZ_PKGS  = clang libclang-rt-14-dev
FUZZ_TIME ?= 60
FUZZ_BIN   = build/fuzz/fuzz_request
FUZZ_SRC   = tests/fuzz/fuzz_request.c $(filter-out fcgi-app/main.c fcgi-app/ctl.c,$(APP_SRC)) $(SBX_SRC) \
             $(COMMON_SRC)
FUZZ_FLAGS = -std=gnu17 -O1 -g $(filter-out -Wno-format-truncation,$(WARN)) \
             -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

$(FUZZ_BIN): $(FUZZ_SRC) $(wildcard common/*.h sandbox/*.h fcgi-app/*.h)
	@mkdir -p $(@D)
	clang -Icommon -Isandbox -Ifcgi-app -I/usr/include/postgresql $(FUZZ_FLAGS) -o $@ $(FUZZ_SRC) $(LIBS_APP)

fuzz:
	@sh conf/install-deps.sh $(DEB_PKGS) $(FUZZ_PKGS)
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@mkdir -p build/fuzz/corpus
	$(FUZZ_BIN) -rss_limit_mb=256 -max_len=65536 -timeout=10 -max_total_time=$(FUZZ_TIME) \
		-print_final_stats=1 build/fuzz/corpus tests/fuzz/corpus

-include $(shell find build -name '*.d' 2>/dev/null)
