/* signature.c - function signatures: parsing and printing, typed JSON values, the wire format */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <json-c/json.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonh.h"
#include "signature.h"
#include "util.h"
#include "utf8.h"

static const char *const base_names[SIG_BASE__MAX] = {
	[SIG_INT] = "int", [SIG_DOUBLE] = "double", [SIG_BOOL] = "bool", [SIG_STRING] = "string",
};


const char *sig_type_name(struct sig_type t, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s", (unsigned)t.base < SIG_BASE__MAX ? base_names[t.base] : "?",
		 t.dims == 2 ? "[][]" : t.dims == 1 ? "[]" : "");
	return buf;
}

/* ---- names ---- */

/*
 * Word lists are one string, each word between spaces.  Names must be valid
 * in every language of the harness, so each list is a language's reserved
 * words, or a name its harness or library would clash with.
 */
static const char python_words[] =
	" False None True and as assert async await break class continue def del elif else "
	"except finally for from global if import in is lambda nonlocal not or pass raise "
	"return try while with yield ";
static const char java_words[] =
	" abstract assert boolean break byte case catch char class const continue default do "
	"double else enum extends final finally float for goto if implements import instanceof "
	"int interface long native new package private protected public return short static "
	"strictfp super switch synchronized this throw throws transient try void volatile while "
	"true false null var yield record sealed permits ";
static const char cpp_words[] =
	" alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t "
	"char16_t char32_t class compl concept const consteval constexpr constinit const_cast "
	"continue co_await co_return co_yield decltype default delete do double dynamic_cast else "
	"enum explicit export extern false float for friend goto if inline int long mutable "
	"namespace new noexcept not not_eq nullptr operator or or_eq private protected public "
	"register reinterpret_cast requires return short signed sizeof static static_assert "
	"static_cast struct switch template this thread_local throw true try typedef typeid "
	"typename union unsigned using virtual void volatile wchar_t while xor xor_eq final "
	"override ";
static const char c_words[] =
	" auto break case char const continue default do double else enum extern float for goto "
	"if inline int long register restrict return short signed sizeof static struct switch "
	"typedef union unsigned void volatile while ";
static const char js_words[] =
	" await break case catch class const continue debugger default delete do else enum "
	"export extends false finally for function if implements import in instanceof interface "
	"let new null package private protected public return static super switch this throw "
	"true try typeof var void while with yield arguments eval undefined NaN Infinity ";
static const char cs_words[] =
	" abstract as base bool break byte case catch char checked class const continue decimal "
	"default delegate do double else enum event explicit extern false finally fixed float for "
	"foreach goto if implicit in int interface internal is lock long namespace new null "
	"object operator out override params private protected public readonly ref return sbyte "
	"sealed short sizeof stackalloc static string struct switch this throw true try typeof "
	"uint ulong unchecked unsafe ushort using virtual void volatile while ";

/* the harness's own names, and the types the stubs spell */
static const char harness_names[] =
	" main Main Solution CeMain std vector string String ";
/* a function may not be one of these either: the harness calls them, or they are inherited */
static const char harness_functions[] =
	" require module exports process Buffer Number String Boolean BigInt Array ArrayBuffer "
	"Object Math Error TypeError JSON globalThis getClass hashCode equals clone toString "
	"notify notifyAll wait finalize Equals GetHashCode GetType ToString MemberwiseClone "
	"Finalize ReferenceEquals ";

/* functions the C harness's headers declare (glibc 2.36, gcc -std=gnu17) */
static const char c_functions[] =
	" a64l abort abs acos acosf acosh acoshf acoshl acosl aligned_alloc alloca arc4random "
	"arc4random_buf arc4random_uniform asin asinf asinh asinhf asinhl asinl at_quick_exit "
	"atan atan2 atan2f atan2l atanf atanh atanhf atanhl atanl atexit atof atoi atol atoll "
	"bcmp bcopy bsearch bzero calloc cbrt cbrtf cbrtl ceil ceilf ceill clearenv clearerr "
	"clearerr_unlocked copysign copysignf copysignl cos cosf cosh coshf coshl cosl ctermid "
	"div dprintf drand48 drand48_r drem dremf dreml ecvt ecvt_r erand48 erand48_r erf erfc "
	"erfcf erfcl erff erfl exit exp exp2 exp2f exp2l expf expl explicit_bzero expm1 expm1f "
	"expm1l fabs fabsf fabsl fclose fcvt fcvt_r fdim fdimf fdiml fdopen feof feof_unlocked "
	"ferror ferror_unlocked fflush fflush_unlocked ffs ffsl ffsll fgetc fgetc_unlocked "
	"fgetpos fgets fileno fileno_unlocked finite finitef finitel flockfile floor floorf "
	"floorl fma fmaf fmal fmax fmaxf fmaxl fmemopen fmin fminf fminl fmod fmodf fmodl fopen "
	"fprintf fputc fputc_unlocked fputs fread fread_unlocked free freopen frexp frexpf "
	"frexpl fscanf fseek fseeko fsetpos ftell ftello ftrylockfile funlockfile fwrite "
	"fwrite_unlocked gamma gammaf gammal gcvt getc getc_unlocked getchar getchar_unlocked "
	"getdelim getenv getline getloadavg getsubopt getw hypot hypotf hypotl ilogb ilogbf "
	"ilogbl index initstate initstate_r isalnum isalnum_l isalpha isalpha_l isascii isblank "
	"isblank_l iscntrl iscntrl_l isdigit isdigit_l isgraph isgraph_l isinf isinff isinfl "
	"islower islower_l isnan isnanf isnanl isprint isprint_l ispunct ispunct_l isspace "
	"isspace_l isupper isupper_l isxdigit isxdigit_l j0 j0f j0l j1 j1f j1l jn jnf jnl "
	"jrand48 jrand48_r l64a labs lcong48 lcong48_r ldexp ldexpf ldexpl ldiv lgamma lgamma_r "
	"lgammaf lgammaf_r lgammal lgammal_r llabs lldiv llrint llrintf llrintl llround "
	"llroundf llroundl log log10 log10f log10l log1p log1pf log1pl log2 log2f log2l logb "
	"logbf logbl logf logl lrand48 lrand48_r lrint lrintf lrintl lround lroundf lroundl "
	"malloc mblen mbstowcs mbtowc memccpy memchr memcmp memcpy memmove memset mkdtemp "
	"mkstemp mkstemps mktemp modf modff modfl mrand48 mrand48_r nan nanf nanl nearbyint "
	"nearbyintf nearbyintl nextafter nextafterf nextafterl nexttoward nexttowardf "
	"nexttowardl nrand48 nrand48_r on_exit open_memstream pclose perror popen "
	"posix_memalign pow powf powl printf pselect putc putc_unlocked putchar "
	"putchar_unlocked putenv puts putw qecvt qecvt_r qfcvt qfcvt_r qgcvt qsort quick_exit "
	"rand rand_r random random_r realloc reallocarray realpath remainder remainderf "
	"remainderl remove remquo remquof remquol rename renameat rewind rindex rint rintf "
	"rintl round roundf roundl rpmatch scalb scalbf scalbl scalbln scalblnf scalblnl scalbn "
	"scalbnf scalbnl scanf seed48 seed48_r select setbuf setbuffer setenv setlinebuf "
	"setstate setstate_r setvbuf significand significandf significandl sin sinf sinh sinhf "
	"sinhl sinl snprintf sprintf sqrt sqrtf sqrtl srand srand48 srand48_r srandom srandom_r "
	"sscanf stpcpy stpncpy strcasecmp strcasecmp_l strcat strchr strcmp strcoll strcoll_l "
	"strcpy strcspn strdup strerror strerror_l strerror_r strlen strncasecmp strncasecmp_l "
	"strncat strncmp strncpy strndup strnlen strpbrk strrchr strsep strsignal strspn strstr "
	"strtod strtof strtok strtok_r strtol strtold strtoll strtoq strtoul strtoull strtouq "
	"strxfrm strxfrm_l system tan tanf tanh tanhf tanhl tanl tempnam tgamma tgammaf tgammal "
	"tmpfile tmpnam tmpnam_r toascii tolower tolower_l toupper toupper_l trunc truncf "
	"truncl ungetc unsetenv valloc vdprintf vfprintf vfscanf vprintf vscanf vsnprintf "
	"vsprintf vsscanf wcstombs wctomb y0 y0f y0l y1 y1f y1l yn ynf ynl ";

/* their types and lower-case macros, and those of <bits/stdc++.h> */
static const char c_names[] =
	" FILE alloca assert assert_perror be16toh be32toh be64toh blkcnt_t blksize_t bool "
	"caddr_t clock_t clockid_t daddr_t dev_t div_t double_t errno false fd_mask fd_set "
	"float_t fpclassify fpos_t fsblkcnt_t fsfilcnt_t fsid_t gid_t htobe16 htobe32 htobe64 "
	"htole16 htole32 htole64 id_t ino_t int16_t int32_t int64_t int8_t int_fast16_t "
	"int_fast32_t int_fast64_t int_fast8_t int_least16_t int_least32_t int_least64_t "
	"int_least8_t intmax_t intptr_t isalnum isalnum_l isalpha isalpha_l isascii isascii_l "
	"isblank isblank_l iscntrl iscntrl_l isdigit isdigit_l isfinite isgraph isgraph_l "
	"isgreater isgreaterequal isinf isless islessequal islessgreater islower islower_l "
	"isnan isnormal isprint isprint_l ispunct ispunct_l isspace isspace_l issubnormal "
	"isunordered isupper isupper_l isxdigit isxdigit_l key_t ldiv_t le16toh le32toh le64toh "
	"linux lldiv_t locale_t loff_t math_errhandling mode_t nlink_t off_t offsetof pid_t "
	"pthread_attr_t pthread_barrier_t pthread_barrierattr_t pthread_cleanup_pop "
	"pthread_cleanup_pop_restore_np pthread_cleanup_push pthread_cleanup_push_defer_np "
	"pthread_cond_t pthread_condattr_t pthread_key_t pthread_mutex_t pthread_mutexattr_t "
	"pthread_once_t pthread_rwlock_t pthread_rwlockattr_t pthread_spinlock_t pthread_t "
	"quad_t sa_handler sa_sigaction sched_priority setjmp si_addr si_addr_lsb si_arch "
	"si_band si_call_addr si_fd si_int si_lower si_overrun si_pid si_pkey si_ptr si_status "
	"si_stime si_syscall si_timerid si_uid si_upper si_utime si_value "
	"sigev_notify_attributes sigev_notify_function sigmask signbit sigset_t sigsetjmp "
	"size_t ssize_t stderr stdin stdout strdupa strndupa suseconds_t time_t timer_t toascii "
	"toascii_l true u_char u_int u_int16_t u_int32_t u_int64_t u_int8_t u_long u_quad_t "
	"u_short uid_t uint uint16_t uint32_t uint64_t uint8_t uint_fast16_t uint_fast32_t "
	"uint_fast64_t uint_fast8_t uint_least16_t uint_least32_t uint_least64_t uint_least8_t "
	"uintmax_t uintptr_t ulong unix ushort va_arg va_copy va_end va_list va_start wchar_t ";


static bool in_list(const char *list, const char *name, size_t len)
{
	const char *p = list;

	while ((p = strstr(p, name)) != NULL) {
		if (p > list && p[-1] == ' ' && p[len] == ' ')
			return true;
		p++;
	}
	return false;
}

static bool is_caps(const char *s, size_t len)
{
	bool other = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (islower((unsigned char)s[i]))
			return false;
		if (s[i] == '_' || isdigit((unsigned char)s[i]))
			other = true;
	}
	return len >= 3 || other;
}

/*
 * Is name (NUL-terminated, len bytes) usable as a function (function) or a
 * param name in all six languages?  0, or -1 with the reason in err.
 */
static int check_name(const char *name, size_t len, bool function, char *err, size_t errlen)
{
	static const struct {
		const char *words;
		const char *lang;
	} kw[] = {
		{ python_words, "Python" }, { java_words, "Java" }, { cpp_words, "C++" },
		{ c_words, "C" },	    { js_words, "JavaScript" }, { cs_words, "C#" },
	};
	char in[96] = "";
	size_t i;

	if (len == 0)
		return fail(err, errlen, "a name is missing");
	if (len > SIG_MAX_NAME)
		return fail(err, errlen, "the name '%.*s...' is longer than %d characters", 16, name,
			    SIG_MAX_NAME);
	if (!isalpha((unsigned char)name[0]) || (unsigned char)name[0] >= 0x80)
		return fail(err, errlen,
			    "'%s' is not a valid name: it must start with a letter (A-Z, a-z)", name);
	for (i = 1; i < len; i++)
		if (!(isalnum((unsigned char)name[i]) || name[i] == '_') ||
		    (unsigned char)name[i] >= 0x80)
			return fail(err, errlen,
				    "'%s' is not a valid name: use letters, digits and '_' only",
				    name);
	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (in_list(kw[i].words, name, len))
			snprintf(in + strlen(in), sizeof(in) - strlen(in), "%s%s", in[0] ? ", " : "",
				 kw[i].lang);
	if (in[0])
		return fail(err, errlen, "'%s' is a reserved word in %s", name, in);
	if ((name[0] == 'c' || name[0] == 'C') && name[1] == 'e' &&
	    (name[2] == '_' || isupper((unsigned char)name[2])))
		return fail(err, errlen, "'%s': names starting with 'ce_' or 'ceX' are reserved for "
			    "the code that calls the function", name);
	if (in_list(harness_names, name, len) || (function && in_list(harness_functions, name, len)))
		return fail(err, errlen, "'%s' is a name the generated code uses", name);
	if (in_list(c_names, name, len) || is_caps(name, len) ||
	    (len > 2 && isupper((unsigned char)name[0]) && name[1] == '_') ||
	    ((!strncmp(name, "PRI", 3) || !strncmp(name, "SCN", 3)) && len > 3 &&
	     strchr("diouxX", name[3])))
		return fail(err, errlen, "'%s' is a type or macro name of the C/C++ library%s", name,
			    is_caps(name, len) ? " (avoid names in capitals)" : "");
	if (function && in_list(c_functions, name, len))
		return fail(err, errlen, "'%s' is a function of the C library: choose another name "
			    "(e.g. my%c%s)", name, toupper((unsigned char)name[0]), name + 1);
	return 0;
}

/* ---- types and signatures ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static void trim(const char **s, size_t *len)
{
	while (*len && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && is_space((*s)[*len - 1]))
		(*len)--;
}

/* "int", "string[]", "double [][]", ... (already trimmed) */
static int parse_type(const char *s, size_t len, struct sig_type *t, char *err, size_t errlen)
{
	size_t n = 0, i;
	unsigned b;

	while (n < len && (isalnum((unsigned char)s[n]) || s[n] == '_'))
		n++;
	if (n == 0)
		return fail(err, errlen, "a type is missing");
	for (b = 0; b < SIG_BASE__MAX; b++)
		if (strlen(base_names[b]) == n && !memcmp(s, base_names[b], n))
			break;
	if (b == SIG_BASE__MAX)
		return fail(err, errlen, "unknown type '%.*s' (types: int, double, bool, string, and "
			    "arrays T[] and T[][] of them)", (int)(n < 32 ? n : 32), s);
	t->base = b;
	t->dims = 0;
	for (i = n; i < len;) {
		if (is_space(s[i])) {
			i++;
			continue;
		}
		if (s[i] != '[')
			return fail(err, errlen, "unexpected '%c' in the type '%.*s'", s[i],
				    (int)(len < 32 ? len : 32), s);
		for (i++; i < len && is_space(s[i]); i++)
			;
		if (i >= len || s[i] != ']')
			return fail(err, errlen, "'[' without ']' in the type '%.*s'",
				    (int)(len < 32 ? len : 32), s);
		i++;
		if (++t->dims > 2)
			return fail(err, errlen, "'%.*s': arrays have at most 2 dimensions",
				    (int)(len < 32 ? len : 32), s);
	}
	return 0;
}

static int set_name(char *dst, const char *s, size_t len, bool function, char *err, size_t errlen)
{
	char name[SIG_MAX_NAME + 2];

	snprintf(name, sizeof(name), "%.*s", (int)(len < SIG_MAX_NAME + 1 ? len : SIG_MAX_NAME + 1),
		 s);
	if (memchr(s, '\0', len))
		return fail(err, errlen, "a name contains a NUL character");
	if (check_name(name, len, function, err, errlen) < 0)
		return -1;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return 0;
}

static bool name_is(const char *name, const char *base, const char *suffix)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && !strcmp(name + n, suffix);
}

/* What every language needs of the whole: distinct names, none taken by C's size arguments. */
static int check_signature(const struct signature *sig, char *err, size_t errlen)
{
	size_t i, j;

	for (i = 0; i < sig->nparams; i++) {
		const char *a = sig->params[i].name;

		if (sig->ret.dims && (!strcmp(a, "returnSize") || !strcmp(a, "returnColumnSizes")))
			return fail(err, errlen, "param '%s': C uses that name for the size of the "
				    "returned array", a);
		for (j = 0; j < sig->nparams; j++) {
			const struct sig_param *b = &sig->params[j];

			if (i != j && !strcmp(a, b->name))
				return fail(err, errlen, "param '%s' is declared twice", a);
			if ((b->type.dims >= 1 && name_is(a, b->name, "Size")) ||
			    (b->type.dims == 2 && name_is(a, b->name, "ColSize")))
				return fail(err, errlen,
					    "param '%s': C uses that name for the size of '%s'", a,
					    b->name);
		}
	}
	return 0;
}

/* "nums int[]", also "nums: int[]" (trimmed, non-empty) */
static int parse_param(const char *s, size_t len, struct sig_param *p, char *err, size_t errlen)
{
	size_t n = 0;
	const char *t;
	size_t tlen;

	while (n < len && !is_space(s[n]) && s[n] != ':')
		n++;
	if (set_name(p->name, s, n, false, err, errlen) < 0)
		return -1;
	t = s + n;
	tlen = len - n;
	trim(&t, &tlen);
	if (tlen && *t == ':') {
		t++;
		tlen--;
		trim(&t, &tlen);
	}
	if (!tlen)
		return fail(err, errlen, "param '%s' has no type", p->name);
	if (parse_type(t, tlen, &p->type, err, errlen) < 0) {
		char why[256];

		snprintf(why, sizeof(why), "%s", err);
		return fail(err, errlen, "param '%s': %s", p->name, why);
	}
	return 0;
}

#define EMPTY_PARAM "an empty param (two commas, or a comma at an end)"

static int parse_params(const char *s, size_t len, struct signature *sig, char *err, size_t errlen)
{
	const char *comma;
	size_t n;

	sig->nparams = 0;
	trim(&s, &len);
	while (len) {
		comma = memchr(s, ',', len);
		n = comma ? (size_t)(comma - s) : len;
		{
			const char *item = s;
			size_t ilen = n;

			trim(&item, &ilen);
			if (!ilen)
				return fail(err, errlen, EMPTY_PARAM);
			if (sig->nparams == SIG_MAX_PARAMS)
				return fail(err, errlen, "more than %d params", SIG_MAX_PARAMS);
			if (parse_param(item, ilen, &sig->params[sig->nparams], err, errlen) < 0)
				return -1;
			sig->nparams++;
		}
		if (!comma)
			break;
		s = comma + 1;
		len -= n + 1;
		trim(&s, &len);
		if (!len)
			return fail(err, errlen, EMPTY_PARAM);
	}
	return 0;
}

int sig_parse_text(const char *text, size_t len, struct signature *sig, char *err, size_t errlen)
{
	bool seen[3] = { false, false, false };
	static const char *const keys[3] = { "function", "params", "returns" };
	size_t pos = 0, lineno = 0;
	char why[256];

	memset(sig, 0, sizeof(*sig));
	if (len > SIG_MAX_TEXT)
		return fail(err, errlen, "the signature is longer than %d bytes", SIG_MAX_TEXT);
	if (memchr(text, '\0', len))
		return fail(err, errlen, "the signature contains a NUL character");
	while (pos < len) {
		const char *line = text + pos, *nl = memchr(line, '\n', len - pos), *hash, *colon;
		size_t n = nl ? (size_t)(nl - line) : len - pos, klen, vlen;
		const char *key, *val;
		int k;

		pos += n + (nl ? 1 : 0);
		lineno++;
		hash = memchr(line, '#', n);
		if (hash)
			n = (size_t)(hash - line);
		trim(&line, &n);
		if (!n)
			continue;
		colon = memchr(line, ':', n);
		if (!colon)
			return fail(err, errlen, "line %zu: expected 'function:', 'params:' or "
				    "'returns:', got '%.*s'", lineno, (int)(n < 40 ? n : 40), line);
		key = line;
		klen = (size_t)(colon - line);
		trim(&key, &klen);
		val = colon + 1;
		vlen = (size_t)(line + n - val);
		trim(&val, &vlen);
		for (k = 0; k < 3; k++)
			if (strlen(keys[k]) == klen && !memcmp(key, keys[k], klen))
				break;
		if (k == 3)
			return fail(err, errlen, "line %zu: unknown key '%.*s' (expected function, "
				    "params or returns)", lineno, (int)(klen < 40 ? klen : 40), key);
		if (seen[k])
			return fail(err, errlen, "line %zu: '%s' is given twice", lineno, keys[k]);
		seen[k] = true;
		if ((k == 0 && set_name(sig->function, val, vlen, true, why, sizeof(why)) < 0) ||
		    (k == 1 && parse_params(val, vlen, sig, why, sizeof(why)) < 0) ||
		    (k == 2 && parse_type(val, vlen, &sig->ret, why, sizeof(why)) < 0))
			return fail(err, errlen, "line %zu: %s", lineno, why);
	}
	if (!seen[0])
		return fail(err, errlen, "the 'function:' line is missing");
	if (!seen[2])
		return fail(err, errlen, "the 'returns:' line is missing");
	if (check_signature(sig, why, sizeof(why)) < 0)
		return fail(err, errlen, "%s", why);
	return 0;
}

int sig_from_json(struct json_object *o, struct signature *sig, char *err, size_t errlen)
{
	static const char *const top[] = { "function", "params", "returns", NULL };
	static const char *const item[] = { "name", "type", NULL };
	struct json_object *params = NULL;
	const char *s;
	size_t n, i;
	char why[256];
	int r;

	memset(sig, 0, sizeof(*sig));
	if (!o || !json_object_is_type(o, json_type_object))
		return fail(err, errlen, "the signature must be a JSON object");
	if (jsonh_only(o, top, err, errlen) < 0)
		return -1;
	r = jsonh_str(o, "function", SIG_MAX_TEXT, &s, &n, err, errlen);
	if (r != 0)
		return r > 0 ? fail(err, errlen, "'function' is missing") : -1;
	if (set_name(sig->function, s, n, true, why, sizeof(why)) < 0)
		return fail(err, errlen, "function: %s", why);
	r = jsonh_get(o, "params", json_type_array, &params, err, errlen);
	if (r < 0)
		return -1;
	if (r == 0 && json_object_array_length(params) > SIG_MAX_PARAMS)
		return fail(err, errlen, "more than %d params", SIG_MAX_PARAMS);
	for (i = 0; r == 0 && i < json_object_array_length(params); i++) {
		struct json_object *p = json_object_array_get_idx(params, i);
		struct sig_param *sp = &sig->params[i];
		const char *name, *type;
		size_t nlen, tlen;

		if (!json_object_is_type(p, json_type_object))
			return fail(err, errlen, "params[%zu] must be an object {\"name\": ..., "
				    "\"type\": ...}", i);
		if (jsonh_only(p, item, why, sizeof(why)) < 0)
			return fail(err, errlen, "params[%zu]: %s", i, why);
		if (jsonh_str(p, "name", SIG_MAX_TEXT, &name, &nlen, why, sizeof(why)) != 0 ||
		    jsonh_str(p, "type", SIG_MAX_TEXT, &type, &tlen, why, sizeof(why)) != 0)
			return fail(err, errlen, "params[%zu] needs a string name and a string type",
				    i);
		if (set_name(sp->name, name, nlen, false, why, sizeof(why)) < 0)
			return fail(err, errlen, "params[%zu]: %s", i, why);
		trim(&type, &tlen);
		if (parse_type(type, tlen, &sp->type, why, sizeof(why)) < 0)
			return fail(err, errlen, "param '%s': %s", sp->name, why);
		sig->nparams++;
	}
	r = jsonh_str(o, "returns", SIG_MAX_TEXT, &s, &n, err, errlen);
	if (r != 0)
		return r > 0 ? fail(err, errlen, "'returns' is missing") : -1;
	trim(&s, &n);
	if (parse_type(s, n, &sig->ret, why, sizeof(why)) < 0)
		return fail(err, errlen, "returns: %s", why);
	if (check_signature(sig, why, sizeof(why)) < 0)
		return fail(err, errlen, "%s", why);
	return 0;
}

int sig_parse_json(const char *json, size_t len, struct signature *sig, char *err, size_t errlen)
{
	struct json_object *o;
	int r;

	memset(sig, 0, sizeof(*sig));
	if (len > SIG_MAX_TEXT)
		return fail(err, errlen, "the signature is longer than %d bytes", SIG_MAX_TEXT);
	o = jsonh_parse(json, len, err, errlen);
	if (!o)
		return -1;
	r = sig_from_json(o, sig, err, errlen);
	json_object_put(o);
	return r;
}

int sig_to_text(const struct signature *sig, struct strbuf *out)
{
	char t[16];
	size_t i;
	int r = strbuf_addf(out, "function: %s\nparams:", sig->function);

	for (i = 0; r == 0 && i < sig->nparams; i++)
		r = strbuf_addf(out, "%s %s %s", i ? "," : "", sig->params[i].name,
				sig_type_name(sig->params[i].type, t, sizeof(t)));
	if (r == 0)
		r = strbuf_addf(out, "\nreturns: %s\n", sig_type_name(sig->ret, t, sizeof(t)));
	return r;
}

/* names are identifiers and types are words and brackets: nothing to escape */
int sig_to_json(const struct signature *sig, struct strbuf *out)
{
	char t[16];
	size_t i;
	int r = strbuf_addf(out, "{\"function\":\"%s\",\"params\":[", sig->function);

	for (i = 0; r == 0 && i < sig->nparams; i++)
		r = strbuf_addf(out, "%s{\"name\":\"%s\",\"type\":\"%s\"}", i ? "," : "",
				sig->params[i].name,
				sig_type_name(sig->params[i].type, t, sizeof(t)));
	if (r == 0)
		r = strbuf_addf(out, "],\"returns\":\"%s\"}",
				sig_type_name(sig->ret, t, sizeof(t)));
	return r;
}

struct json_object *sig_json(const struct signature *sig)
{
	struct json_object *o = json_object_new_object(), *a = json_object_new_array();
	char t[16];
	size_t i;

	if (!o || !a) {
		json_object_put(o);
		json_object_put(a);
		return NULL;
	}
	json_object_object_add(o, "function", json_object_new_string(sig->function));
	for (i = 0; i < sig->nparams; i++) {
		struct json_object *p = json_object_new_object();

		json_object_object_add(p, "name", json_object_new_string(sig->params[i].name));
		json_object_object_add(p, "type", json_object_new_string(
			sig_type_name(sig->params[i].type, t, sizeof(t))));
		json_object_array_add(a, p);
	}
	json_object_object_add(o, "params", a);
	json_object_object_add(o, "returns",
			       json_object_new_string(sig_type_name(sig->ret, t, sizeof(t))));
	return o;
}

/* ---- typed values: JSON in, wire out ---- */

/* Where a value sits: a param (or "result") and up to two indexes. */
struct where {
	const char *name;
	size_t idx[2];
	unsigned depth;
};

static void where_text(const struct where *w, char *buf, size_t len)
{
	unsigned i;
	int n = snprintf(buf, len, "%s", w->name);

	for (i = 0; i < w->depth && n >= 0 && (size_t)n < len; i++)
		n += snprintf(buf + n, len - (size_t)n, "[%zu]", w->idx[i]);
}

/* A JSON text read against a type. */
struct jr {
	const char *s;
	size_t n, pos;
	bool ours;		/* canonical JSON of ours: NUL and "NaN"/"Infinity" allowed */
	struct strbuf str;	/* a decoded string */
	char *err;
	size_t errlen;
};

static int jr_fail(struct jr *r, const struct where *w, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int jr_fail(struct jr *r, const struct where *w, const char *fmt, ...)
{
	char at[SIG_MAX_NAME + 64], msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!w)
		return fail(r->err, r->errlen, "%s", msg);
	where_text(w, at, sizeof(at));
	return fail(r->err, r->errlen, "%s%s%s", at, at[0] ? ": " : "", msg);
}

static void jr_ws(struct jr *r)
{
	while (r->pos < r->n && (r->s[r->pos] == ' ' || r->s[r->pos] == '\t' ||
				 r->s[r->pos] == '\n' || r->s[r->pos] == '\r'))
		r->pos++;
}

static char jr_peek(const struct jr *r)
{
	return r->pos < r->n ? r->s[r->pos] : '\0';
}

/* End of a JSON number at pos (its grammar checked), or 0 when there is none. */
static size_t number_end(const struct jr *r, bool *integer)
{
	const char *s = r->s;
	size_t i = r->pos, n = r->n;

	*integer = true;
	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		*integer = false;
		if (++i >= n || !isdigit((unsigned char)s[i]))
			return 0;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		*integer = false;
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || !isdigit((unsigned char)s[i]))
			return 0;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	}
	return i;
}

static bool literal(const struct jr *r, const char *word)
{
	size_t n = strlen(word);

	return r->n - r->pos >= n && !memcmp(r->s + r->pos, word, n);
}

/* What the value at pos is, for "expected X, got Y". */
static const char *jr_what(const struct jr *r, char *buf, size_t len)
{
	bool integer;
	size_t end;

	switch (jr_peek(r)) {
	case '"':
		return "a string";
	case '[':
		return "an array";
	case '{':
		return "an object";
	case 't':
		return literal(r, "true") ? "a bool (true)" : "invalid JSON";
	case 'f':
		return literal(r, "false") ? "a bool (false)" : "invalid JSON";
	case 'n':
		return literal(r, "null") ? "null" : "invalid JSON";
	case '\0':
		return r->pos >= r->n ? "the end of the text" : "invalid JSON";
	default:
		end = number_end(r, &integer);
		if (!end)
			return "invalid JSON";
		if (end - r->pos > 32)
			snprintf(buf, len, "%.32s...", r->s + r->pos);
		else
			snprintf(buf, len, "%.*s", (int)(end - r->pos), r->s + r->pos);
		return buf;
	}
}

static const char *const an_base[SIG_BASE__MAX] = {
	[SIG_INT] = "an int", [SIG_DOUBLE] = "a double", [SIG_BOOL] = "a bool",
	[SIG_STRING] = "a string",
};

static int jr_expected(struct jr *r, const struct where *w, struct sig_type t)
{
	char got[48], tn[16];

	if (t.dims)
		return jr_fail(r, w, "expected an array (%s), got %s",
			       sig_type_name(t, tn, sizeof(tn)), jr_what(r, got, sizeof(got)));
	return jr_fail(r, w, "expected %s, got %s", an_base[t.base], jr_what(r, got, sizeof(got)));
}

static unsigned hex4(const char *s)
{
	unsigned v = 0, i;

	for (i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0x110000;
	}
	return v;
}

static int put_utf8(struct strbuf *sb, unsigned c)
{
	char b[4];
	size_t n;

	if (c < 0x80) {
		b[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (char)(0xc0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (char)(0xe0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		b[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		b[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	return strbuf_add(sb, b, n);
}

#define UNPAIRED "a string holds an unpaired surrogate (\\u%04X)"

/* The JSON string at pos, decoded into r->str: valid UTF-8, NUL only in ours. */
static int jr_string(struct jr *r, const struct where *w)
{
	const char *s = r->s;
	size_t i = r->pos + 1, start;

	strbuf_reset(&r->str);
	for (;;) {
		start = i;
		while (i < r->n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
			i++;
		if (!utf8_valid(s + start, i - start))
			return jr_fail(r, w, "a string is not valid UTF-8");
		if (strbuf_add(&r->str, s + start, i - start) < 0)
			return jr_fail(r, w, "out of memory");
		if (i >= r->n)
			return jr_fail(r, w, "invalid JSON: a string is not closed");
		if (s[i] == '"')
			break;
		if ((unsigned char)s[i] < 0x20)
			return jr_fail(r, w, "invalid JSON: a control character in a string");
		if (++i >= r->n)
			return jr_fail(r, w, "invalid JSON: a string is not closed");
		switch (s[i++]) {
		case '"': strbuf_add(&r->str, "\"", 1); break;
		case '\\': strbuf_add(&r->str, "\\", 1); break;
		case '/': strbuf_add(&r->str, "/", 1); break;
		case 'b': strbuf_add(&r->str, "\b", 1); break;
		case 'f': strbuf_add(&r->str, "\f", 1); break;
		case 'n': strbuf_add(&r->str, "\n", 1); break;
		case 'r': strbuf_add(&r->str, "\r", 1); break;
		case 't': strbuf_add(&r->str, "\t", 1); break;
		case 'u': {
			unsigned c = i + 4 <= r->n ? hex4(s + i) : 0x110000, lo;

			i += 4;
			if (c >= 0xdc00 && c <= 0xdfff)
				return jr_fail(r, w, UNPAIRED, c);
			if (c >= 0xd800 && c <= 0xdbff) {
				lo = i + 6 <= r->n && s[i] == '\\' && s[i + 1] == 'u'
					     ? hex4(s + i + 2)
					     : 0x110000;
				if (lo < 0xdc00 || lo > 0xdfff)
					return jr_fail(r, w, UNPAIRED, c);
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i += 6;
			}
			if (c > 0x10ffff)
				return jr_fail(r, w, "invalid JSON: a bad \\u escape in a string");
			if (c == 0 && !r->ours)
				return jr_fail(r, w, "a string holds a NUL character (\\u0000)");
			if (put_utf8(&r->str, c) < 0)
				return jr_fail(r, w, "out of memory");
			break;
		}
		default:
			return jr_fail(r, w, "invalid JSON: a bad escape in a string");
		}
	}
	r->pos = i + 1;
	return 0;
}

static int emit(struct strbuf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int emit(struct strbuf *out, const char *fmt, ...)
{
	va_list ap;
	int r;

	if (!out)
		return 0;
	va_start(ap, fmt);
	r = strbuf_vaddf(out, fmt, ap);
	va_end(ap);
	return r;
}

static int jr_scalar(struct jr *r, enum sig_base b, const struct where *w, struct strbuf *out)
{
	char num[400];
	bool integer;
	size_t end;

	switch (b) {
	case SIG_INT:
	case SIG_DOUBLE:
		if (r->ours && b == SIG_DOUBLE && jr_peek(r) == '"') {
			static const char *const special[] = { "\"NaN\"", "\"Infinity\"",
							       "\"-Infinity\"" };
			size_t k;

			for (k = 0; k < 3; k++)
				if (literal(r, special[k])) {
					r->pos += strlen(special[k]);
					return emit(out, "%.*s\n", (int)strlen(special[k]) - 2,
						    special[k] + 1);
				}
		}
		end = number_end(r, &integer);
		if (!end || (b == SIG_INT && !integer))
			return jr_expected(r, w, (struct sig_type){ b, 0 });
		if (end - r->pos >= sizeof(num))
			return jr_fail(r, w, "a number is longer than %zu characters",
				       sizeof(num) - 1);
		memcpy(num, r->s + r->pos, end - r->pos);
		num[end - r->pos] = '\0';
		r->pos = end;
		errno = 0;
		if (b == SIG_INT) {
			long long v = strtoll(num, NULL, 10);

			if (errno == ERANGE)
				return jr_fail(r, w, "%s is out of the range of an int (64-bit)",
					       num);
			return emit(out, "%lld\n", v);
		} else {
			double v = strtod(num, NULL);

			if (isinf(v))
				return emit(out, "%s\n", v < 0 ? "-Infinity" : "Infinity");
			return emit(out, "%.17g\n", v);
		}
	case SIG_BOOL:
		if (literal(r, "true")) {
			r->pos += 4;
			return emit(out, "1\n");
		}
		if (literal(r, "false")) {
			r->pos += 5;
			return emit(out, "0\n");
		}
		return jr_expected(r, w, (struct sig_type){ b, 0 });
	case SIG_STRING:
		if (r->ours && literal(r, "null")) {
			r->pos += 4;
			return emit(out, "-1\n");
		}
		if (jr_peek(r) != '"')
			return jr_expected(r, w, (struct sig_type){ b, 0 });
		if (jr_string(r, w) < 0)
			return -1;
		if (!out)
			return 0;
		if (strbuf_addf(out, "%zu\n", r->str.len) < 0 ||
		    strbuf_add(out, r->str.buf, r->str.len) < 0 || strbuf_add(out, "\n", 1) < 0)
			return -1;
		return 0;
	default:
		return -1;
	}
}

/* Put data at offset at of sb, moving what follows. */
static int sb_insert(struct strbuf *sb, size_t at, const char *data, size_t n)
{
	if (strbuf_grow(sb, n) < 0)
		return -1;
	memmove(sb->buf + at + n, sb->buf + at, sb->len - at);
	memcpy(sb->buf + at, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}

static int jr_value(struct jr *r, struct sig_type t, struct where *w, struct strbuf *out)
{
	struct sig_type elem = { t.base, t.dims - 1 };
	size_t count = 0, at = out ? out->len : 0;
	char head[24];
	int n;

	jr_ws(r);
	if (t.dims == 0)
		return jr_scalar(r, t.base, w, out);
	if (r->ours && literal(r, "null")) {
		r->pos += 4;
		return emit(out, "-1\n");
	}
	if (jr_peek(r) != '[')
		return jr_expected(r, w, t);
	r->pos++;
	jr_ws(r);
	if (jr_peek(r) == ']') {
		r->pos++;
		return emit(out, "0\n");
	}
	w->depth++;
	for (;;) {
		w->idx[w->depth - 1] = count;
		if (jr_value(r, elem, w, out) < 0)
			return -1;
		count++;
		jr_ws(r);
		if (jr_peek(r) == ',') {
			r->pos++;
			continue;
		}
		if (jr_peek(r) == ']') {
			r->pos++;
			break;
		}
		return jr_fail(r, w, "invalid JSON: expected ',' or ']' after the element");
	}
	w->depth--;
	/* the count comes first on the wire: now that it is known, put it before the elements */
	n = snprintf(head, sizeof(head), "%zu\n", count);
	if (out && sb_insert(out, at, head, (size_t)n) < 0)
		return jr_fail(r, w, "out of memory");
	return 0;
}

static void jr_init(struct jr *r, const char *s, size_t n, bool ours, char *err, size_t errlen)
{
	r->s = s;
	r->n = n;
	r->pos = 0;
	r->ours = ours;
	strbuf_init(&r->str);
	r->err = err;
	r->errlen = errlen;
}

static int jr_end(struct jr *r)
{
	jr_ws(r);
	if (r->pos < r->n)
		return jr_fail(r, NULL, "invalid JSON: more data after the value (at byte %zu)",
			       r->pos);
	return 0;
}

/* One value of type t that is the whole text. */
static int read_value(struct jr *r, struct sig_type t, struct strbuf *out)
{
	struct where w = { .name = "result" };

	if (jr_value(r, t, &w, out) < 0)
		return -1;
	return jr_end(r);
}

/*
 * The input object: every param once, each value checked; at[k] is where
 * param k's value starts.  Members may come in any order.
 */
static int read_input(struct jr *r, const struct signature *sig, size_t *at)
{
	bool seen[SIG_MAX_PARAMS] = { false };
	char got[48], names[SIG_MAX_PARAMS * (SIG_MAX_NAME + 2) + 1] = "";
	size_t k;

	for (k = 0; k < sig->nparams; k++)
		snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", k ? ", " : "",
			 sig->params[k].name);
	jr_ws(r);
	if (jr_peek(r) != '{')
		return jr_fail(r, NULL, "the input must be a JSON object of the params (%s), got %s",
			       sig->nparams ? names : "none: {}", jr_what(r, got, sizeof(got)));
	r->pos++;
	jr_ws(r);
	if (jr_peek(r) == '}')
		r->pos++;
	else
		for (;;) {
			struct where w = { 0 };

			jr_ws(r);
			if (jr_peek(r) != '"')
				return jr_fail(r, NULL,
					       "invalid JSON: expected a member name (at byte %zu)",
					       r->pos);
			if (jr_string(r, NULL) < 0)
				return -1;
			for (k = 0; k < sig->nparams; k++)
				if (!strcmp(sig->params[k].name, r->str.buf) &&
				    strlen(sig->params[k].name) == r->str.len)
					break;
			if (k == sig->nparams) {
				size_t i;

				/* the name goes into a message: printable ASCII only */
				for (i = 0; i < r->str.len; i++)
					if ((unsigned char)r->str.buf[i] < 0x20 ||
					    (unsigned char)r->str.buf[i] >= 0x7f)
						r->str.buf[i] = '?';
				return jr_fail(r, NULL, "unknown param '%.64s' (%s takes %s)",
					       r->str.buf, sig->function,
					       sig->nparams ? names : "no params");
			}
			if (seen[k])
				return jr_fail(r, NULL, "param '%s' is given twice",
					       sig->params[k].name);
			seen[k] = true;
			jr_ws(r);
			if (jr_peek(r) != ':')
				return jr_fail(r, NULL, "invalid JSON: expected ':' after \"%s\"",
					       sig->params[k].name);
			r->pos++;
			jr_ws(r);
			at[k] = r->pos;
			w.name = sig->params[k].name;
			if (jr_value(r, sig->params[k].type, &w, NULL) < 0)
				return -1;
			jr_ws(r);
			if (jr_peek(r) == ',') {
				r->pos++;
				continue;
			}
			if (jr_peek(r) == '}') {
				r->pos++;
				break;
			}
			return jr_fail(r, NULL, "invalid JSON: expected ',' or '}' after \"%s\"",
				       sig->params[k].name);
		}
	if (jr_end(r) < 0)
		return -1;
	for (k = 0; k < sig->nparams; k++)
		if (!seen[k])
			return jr_fail(r, NULL, "param '%s' is missing", sig->params[k].name);
	return 0;
}

int sig_check_input(const struct signature *sig, const char *json, size_t len, char *err,
		    size_t errlen)
{
	size_t at[SIG_MAX_PARAMS];
	struct jr r;
	int rc;

	jr_init(&r, json, len, false, err, errlen);
	rc = read_input(&r, sig, at);
	strbuf_release(&r.str);
	return rc;
}

int sig_input_wire(const struct signature *sig, const char *json, size_t len, struct strbuf *out,
		   char *err, size_t errlen)
{
	size_t at[SIG_MAX_PARAMS], k, start = out->len;
	struct jr r;
	int rc;

	jr_init(&r, json, len, false, err, errlen);
	rc = read_input(&r, sig, at);
	/* checked: now each param's value again, in the signature's order */
	for (k = 0; rc == 0 && k < sig->nparams; k++) {
		struct where w = { .name = sig->params[k].name };

		r.pos = at[k];
		rc = jr_value(&r, sig->params[k].type, &w, out);
	}
	strbuf_release(&r.str);
	if (rc < 0)
		strbuf_setlen(out, start);
	return rc;
}

int sig_check_expected(const struct signature *sig, const char *json, size_t len, char *err,
		       size_t errlen)
{
	struct jr r;
	int rc;

	jr_init(&r, json, len, false, err, errlen);
	rc = read_value(&r, sig->ret, NULL);
	strbuf_release(&r.str);
	return rc;
}

/* ---- the wire: a program's result in, canonical JSON out ---- */

/* Wire text read line by line; from a program it is untrusted. */
struct wr {
	const char *s;
	size_t n, pos;
	char *err;
	size_t errlen;
};

#define WIRE_MAX_TOKEN 64

static int wr_fail(struct wr *w, const struct where *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int wr_fail(struct wr *w, const struct where *at, const char *fmt, ...)
{
	char where[SIG_MAX_NAME + 64], msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where[0] = '\0';
	if (at)
		where_text(at, where, sizeof(where));
	return fail(w->err, w->errlen, "malformed result%s%s: %s", where[0] ? " at " : "", where,
		    msg);
}

/* The next line, without its "\n": at most WIRE_MAX_TOKEN bytes. */
static int wr_token(struct wr *w, const struct where *at, const char **tok, size_t *len)
{
	size_t left = w->n - w->pos;
	const char *nl;

	if (!left)
		return wr_fail(w, at, "it ends early");
	nl = memchr(w->s + w->pos, '\n', left < WIRE_MAX_TOKEN + 1 ? left : WIRE_MAX_TOKEN + 1);
	if (!nl)
		return wr_fail(w, at, "%s",
			       left <= WIRE_MAX_TOKEN ? "it ends early" : "a line is too long");
	*tok = w->s + w->pos;
	*len = (size_t)(nl - *tok);
	w->pos += *len + 1;
	return 0;
}

/* A decimal integer, nothing else: "-0", "42"; false when not one or out of range. */
static bool parse_ll(const char *s, size_t len, long long *v)
{
	unsigned long long m = 0, lim;
	bool neg = len && s[0] == '-';
	size_t i = neg;

	if (i >= len || len - i > 19)
		return false;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
	for (; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		if (m > (lim - (unsigned long long)(s[i] - '0')) / 10)
			return false;
		m = m * 10 + (unsigned long long)(s[i] - '0');
	}
	*v = neg ? (m == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)m)
		 : (long long)m;
	return true;
}

/* A double as the languages print it: decimal, "NaN", "Infinity", "inf", "-nan", ... */
static bool parse_double(const char *s, size_t len, double *v)
{
	char buf[WIRE_MAX_TOKEN + 1], *end;
	const char *p = s;
	size_t n = len, i, digits = 0;
	bool neg = false;

	if (n && (*p == '-' || *p == '+')) {
		neg = *p == '-';
		p++;
		n--;
	}
	if ((n == 3 && !strncasecmp(p, "nan", 3))) {
		*v = NAN;
		return true;
	}
	if ((n == 3 && !strncasecmp(p, "inf", 3)) || (n == 8 && !strncasecmp(p, "infinity", 8))) {
		*v = neg ? -INFINITY : INFINITY;
		return true;
	}
	/* decimal only: strtod also takes hex, and the names handled above */
	if (!len || len > WIRE_MAX_TOKEN)
		return false;
	for (i = 0; i < len; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (!s[i] || !strchr("+-.eE", s[i]))
			return false;
	}
	if (!digits)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*v = strtod(buf, &end);
	return end == buf + len;
}

/* Shortest text that reads back as v, with a fraction or an exponent: "1.0", "0.1", "1e+300". */
static void fmt_double(double v, char *buf, size_t len)
{
	int p;

	/* 15 digits make most doubles; a subnormal one may need fewer */
	for (p = fabs(v) < DBL_MIN ? 1 : 15; p <= 17; p++) {
		snprintf(buf, len, "%.*g", p, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (!strpbrk(buf, ".e"))
		snprintf(buf + strlen(buf), len - strlen(buf), ".0");
}

static int json_double(struct strbuf *out, double v)
{
	char b[40];

	if (isnan(v))
		return strbuf_addstr(out, "\"NaN\"");
	if (isinf(v))
		return strbuf_addstr(out, v < 0 ? "\"-Infinity\"" : "\"Infinity\"");
	fmt_double(v, b, sizeof(b));
	return strbuf_addstr(out, b);
}

/* s as a JSON string: invalid UTF-8 becomes U+FFFD, controls are escaped. */
static int json_string(struct strbuf *out, const char *s, size_t n)
{
	size_t i = 0, k;
	int r = strbuf_add(out, "\"", 1);

	while (r == 0 && i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80) {
			k = utf8_seq((const unsigned char *)s + i, n - i);
			r = k ? strbuf_add(out, s + i, k) : strbuf_add(out, "\xef\xbf\xbd", 3);
			i += k ? k : 1;
			continue;
		}
		for (k = i; k < n && (unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x80 &&
			    s[k] != '"' && s[k] != '\\';
		     k++)
			;
		if (k > i) {
			r = strbuf_add(out, s + i, k - i);
			i = k;
			continue;
		}
		switch (c) {
		case '"': r = strbuf_addstr(out, "\\\""); break;
		case '\\': r = strbuf_addstr(out, "\\\\"); break;
		case '\n': r = strbuf_addstr(out, "\\n"); break;
		case '\r': r = strbuf_addstr(out, "\\r"); break;
		case '\t': r = strbuf_addstr(out, "\\t"); break;
		case '\b': r = strbuf_addstr(out, "\\b"); break;
		case '\f': r = strbuf_addstr(out, "\\f"); break;
		default: r = strbuf_addf(out, "\\u%04x", c); break;
		}
		i++;
	}
	return r == 0 ? strbuf_add(out, "\"", 1) : r;
}

/* A count: -1 (null) when nullable, else 0..max. */
static int wr_count(struct wr *w, const struct where *at, size_t max, long long *v)
{
	const char *tok;
	size_t len;

	if (wr_token(w, at, &tok, &len) < 0)
		return -1;
	if (!parse_ll(tok, len, v) || *v < -1)
		return wr_fail(w, at, "'%.*s' is not a length", (int)len, tok);
	if (*v >= 0 && (unsigned long long)*v > max)
		return wr_fail(w, at, "a length of %lld is more than the data holds", *v);
	return 0;
}

static int wr_scalar(struct wr *w, enum sig_base b, const struct where *at, struct strbuf *out)
{
	const char *tok;
	size_t len;
	long long n;
	double d;

	if (b == SIG_STRING) {
		if (wr_count(w, at, w->n - w->pos, &n) < 0)
			return -1;
		if (n < 0)
			return strbuf_addstr(out, "null");
		if ((size_t)n >= w->n - w->pos || w->s[w->pos + (size_t)n] != '\n')
			return wr_fail(w, at, "a string of %lld bytes is not followed by a newline",
				       n);
		if (json_string(out, w->s + w->pos, (size_t)n) < 0)
			return -1;
		w->pos += (size_t)n + 1;
		return 0;
	}
	if (wr_token(w, at, &tok, &len) < 0)
		return -1;
	switch (b) {
	case SIG_INT:
		if (!parse_ll(tok, len, &n))
			return wr_fail(w, at, "'%.*s' is not an int", (int)len, tok);
		return strbuf_addf(out, "%lld", n);
	case SIG_DOUBLE:
		if (!parse_double(tok, len, &d))
			return wr_fail(w, at, "'%.*s' is not a double", (int)len, tok);
		return json_double(out, d);
	case SIG_BOOL:
		if (len != 1 || (tok[0] != '0' && tok[0] != '1'))
			return wr_fail(w, at, "'%.*s' is not a bool (0 or 1)", (int)len, tok);
		return strbuf_addstr(out, tok[0] == '1' ? "true" : "false");
	default:
		return -1;
	}
}

static int wr_value(struct wr *w, struct sig_type t, struct where *at, struct strbuf *out)
{
	struct sig_type elem = { t.base, t.dims - 1 };
	long long n, i;

	if (t.dims == 0)
		return wr_scalar(w, t.base, at, out);
	/* an element takes two bytes at least ("0\n") */
	if (wr_count(w, at, (w->n - w->pos) / 2, &n) < 0)
		return -1;
	if (n < 0)
		return strbuf_addstr(out, "null");
	if (strbuf_add(out, "[", 1) < 0)
		return -1;
	at->depth++;
	for (i = 0; i < n; i++) {
		at->idx[at->depth - 1] = (size_t)i;
		if ((i && strbuf_add(out, ",", 1) < 0) || wr_value(w, elem, at, out) < 0)
			return -1;
	}
	at->depth--;
	return strbuf_add(out, "]", 1);
}

int sig_result_json(const struct signature *sig, const char *wire, size_t len,
		    struct strbuf *json_out, char *err, size_t errlen)
{
	struct wr w = { .s = wire, .n = len, .err = err, .errlen = errlen };
	struct where at = { .name = "" };
	size_t start = json_out->len;

	if (err && errlen)
		err[0] = '\0';
	if (len == 0)
		return fail(err, errlen, "no result: %s did not return", sig->function);
	if (wr_value(&w, sig->ret, &at, json_out) < 0)
		goto bad;
	if (w.pos != w.n) {
		wr_fail(&w, NULL, "%zu bytes follow the value", w.n - w.pos);
		goto bad;
	}
	return 0;
bad:
	if (err && errlen && !err[0])
		fail(err, errlen, "out of memory");
	strbuf_setlen(json_out, start);
	return -1;
}

int sig_expected_json(const struct signature *sig, const char *json, size_t len,
		      struct strbuf *out, char *err, size_t errlen)
{
	struct strbuf wire = STRBUF_INIT;
	struct jr r;
	int rc;

	jr_init(&r, json, len, false, err, errlen);
	rc = read_value(&r, sig->ret, &wire);
	strbuf_release(&r.str);
	if (rc == 0)
		rc = sig_result_json(sig, wire.buf, wire.len, out, err, errlen);
	strbuf_release(&wire);
	return rc;
}

/* ---- comparing ---- */

/* One scalar of a canonical wire: the token, or a string's bytes. */
struct item {
	const char *p;
	size_t len;
	bool null;
};

static int wr_item(struct wr *w, enum sig_base b, const struct where *at, struct item *it)
{
	long long n;

	it->null = false;
	if (b != SIG_STRING)
		return wr_token(w, at, &it->p, &it->len);
	if (wr_count(w, at, w->n - w->pos, &n) < 0)
		return -1;
	it->p = w->s + w->pos;
	it->len = n < 0 ? 0 : (size_t)n;
	it->null = n < 0;
	if (!it->null) {
		if (it->len >= w->n - w->pos || w->s[w->pos + it->len] != '\n')
			return wr_fail(w, at, "a string is cut");
		w->pos += it->len + 1;
	}
	return 0;
}

static void show_item(struct strbuf *why, enum sig_base b, const struct item *it)
{
	double d;
	size_t cut;

	if (it->null) {
		strbuf_addstr(why, "null");
	} else if (b == SIG_STRING) {
		cut = utf8_cut(it->p, it->len, 48);
		json_string(why, it->p, cut);
		if (cut < it->len)
			strbuf_addstr(why, "...");
	} else if (b == SIG_DOUBLE && parse_double(it->p, it->len, &d)) {
		json_double(why, d);
	} else if (b == SIG_BOOL) {
		strbuf_addstr(why, it->len == 1 && it->p[0] == '1' ? "true" : "false");
	} else {
		strbuf_add(why, it->p, it->len);
	}
}

struct cmp {
	struct wr got, want;
	double abs_tol, rel_tol;
	struct strbuf *why;
};

static void cmp_where(struct cmp *c, const struct where *at)
{
	char w[SIG_MAX_NAME + 64];

	where_text(at, w, sizeof(w));
	if (c->why && w[0])
		strbuf_addf(c->why, "%s: ", w);
}

static bool same_scalar(const struct cmp *c, enum sig_base b, const struct item *g,
			const struct item *e)
{
	long long x, y;
	double u, v;

	if (g->null || e->null)
		return g->null && e->null;
	switch (b) {
	case SIG_INT:
		return parse_ll(g->p, g->len, &x) && parse_ll(e->p, e->len, &y) && x == y;
	case SIG_DOUBLE:
		if (!parse_double(g->p, g->len, &u) || !parse_double(e->p, e->len, &v))
			return false;
		if (isnan(u) || isnan(v))
			return isnan(u) && isnan(v);
		if (isinf(u) || isinf(v))
			return u == v;
		return fabs(u - v) <= c->abs_tol || fabs(u - v) <= c->rel_tol * fabs(v);
	default:
		return g->len == e->len && !memcmp(g->p, e->p, g->len);
	}
}

/* 1 when got and want hold the same value of type t, 0 when not (why says where), -1 malformed. */
static int cmp_value(struct cmp *c, struct sig_type t, struct where *at)
{
	struct sig_type elem = { t.base, t.dims - 1 };
	long long n, m, i;
	int r;

	if (t.dims == 0) {
		struct item g, e;

		if (wr_item(&c->got, t.base, at, &g) < 0 || wr_item(&c->want, t.base, at, &e) < 0)
			return -1;
		if (same_scalar(c, t.base, &g, &e))
			return 1;
		if (c->why) {
			cmp_where(c, at);
			strbuf_addstr(c->why, "got ");
			show_item(c->why, t.base, &g);
			strbuf_addstr(c->why, ", expected ");
			show_item(c->why, t.base, &e);
		}
		return 0;
	}
	if (wr_count(&c->got, at, c->got.n - c->got.pos, &n) < 0 ||
	    wr_count(&c->want, at, c->want.n - c->want.pos, &m) < 0)
		return -1;
	if (n != m) {
		if (c->why) {
			cmp_where(c, at);
			if (n < 0 || m < 0)
				strbuf_addf(c->why, "got %s, expected %s", n < 0 ? "null" : "an array",
					    m < 0 ? "null" : "an array");
			else
				strbuf_addf(c->why, "got %lld element%s, expected %lld", n,
					    n == 1 ? "" : "s", m);
		}
		return 0;
	}
	at->depth++;
	for (i = 0; i < n; i++) {
		at->idx[at->depth - 1] = (size_t)i;
		r = cmp_value(c, elem, at);
		if (r <= 0)
			return r;
	}
	at->depth--;
	return 1;
}

/* JSON of the return type (ours or the recruiter's) as canonical wire. */
static int canonical_wire(const struct signature *sig, const char *json, struct strbuf *wire,
			  char *err, size_t errlen)
{
	struct jr r;
	int rc;

	jr_init(&r, json, strlen(json), true, err, errlen);
	rc = read_value(&r, sig->ret, wire);
	strbuf_release(&r.str);
	return rc;
}

bool sig_result_matches(const struct signature *sig, const char *got_json, const char *want_json,
			double abs_tol, double rel_tol, struct strbuf *why)
{
	struct strbuf gw = STRBUF_INIT, ww = STRBUF_INIT;
	struct where at = { .name = "" };
	struct cmp c = { .why = why };
	char err[256] = "";
	int r = -1;

	c.abs_tol = abs_tol >= 0 ? abs_tol : SIG_TOLERANCE;
	c.rel_tol = rel_tol >= 0 ? rel_tol : SIG_TOLERANCE;
	if (canonical_wire(sig, got_json, &gw, err, sizeof(err)) < 0) {
		if (why)
			strbuf_addf(why, "the result is not a value of the return type: %s", err);
		goto out;
	}
	if (canonical_wire(sig, want_json, &ww, err, sizeof(err)) < 0) {
		if (why)
			strbuf_addf(why, "the expected value is not a value of the return type: %s",
				    err);
		goto out;
	}
	c.got = (struct wr){ .s = gw.buf, .n = gw.len, .err = err, .errlen = sizeof(err) };
	c.want = (struct wr){ .s = ww.buf, .n = ww.len, .err = err, .errlen = sizeof(err) };
	r = cmp_value(&c, sig->ret, &at);
	if (r < 0 && why)
		strbuf_addstr(why, err);
out:
	strbuf_release(&gw);
	strbuf_release(&ww);
	return r == 1;
}
