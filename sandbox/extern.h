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

#endif
