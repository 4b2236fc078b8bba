/* account.c - the roles of recruiters' accounts and the ratings of notes: names and order */
#include <stddef.h>
#include <string.h>

#include "account.h"

static const char *const role_names[ROLE__MAX] = {
	[ROLE_NONE] = "",
	[ROLE_REVIEWER] = "reviewer",
	[ROLE_RECRUITER] = "recruiter",
	[ROLE_OWNER] = "owner",
};

static const char *const rating_names[RATING__MAX] = {
	[RATING_NONE] = "",
	[RATING_STRONG_NO] = "strong_no",
	[RATING_NO] = "no",
	[RATING_MIXED] = "mixed",
	[RATING_YES] = "yes",
	[RATING_STRONG_YES] = "strong_yes",
};

const char *account_role_name(enum admin_role role)
{
	return (unsigned)role < ROLE__MAX ? role_names[role] : "";
}

enum admin_role account_role_parse(const char *name)
{
	int i;

	for (i = ROLE_NONE + 1; name && i < ROLE__MAX; i++)
		if (!strcmp(name, role_names[i]))
			return (enum admin_role)i;
	return ROLE_NONE;
}

const char *account_rating_name(enum note_rating rating)
{
	return (unsigned)rating < RATING__MAX ? rating_names[rating] : "";
}

enum note_rating account_rating_parse(const char *name)
{
	int i;

	for (i = RATING_NONE + 1; name && i < RATING__MAX; i++)
		if (!strcmp(name, rating_names[i]))
			return (enum note_rating)i;
	return RATING_NONE;
}
