/*
 * extern.h - private interfaces of the judge library (the unprivileged side), grouped by file
 */
#ifndef CE_SANDBOX_EXTERN_H
#define CE_SANDBOX_EXTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "sandbox.h"
#include "strbuf.h"
#include "util.h"

/* client.c */

/* The control groups the launcher reported, e.g. "v1 memory+pids+cpuacct". */
const char *sbx_cgroups(void);

/* judge.c helpers exposed for unit tests */

/* Compare outputs under the rules of SPEC section 3. */
bool judge_output_matches(const char *got, size_t gotlen, const char *want, size_t wantlen);
/* Find the name of the public class in Java source; falls back to "Main". */
void judge_java_class(const char *src, size_t len, char *out, size_t outlen);

#endif
