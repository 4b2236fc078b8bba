/* uuid.h - random RFC 4122 version 4 UUIDs */
#ifndef CE_UUID_H
#define CE_UUID_H

#include <stdbool.h>

/* A random version 4 UUID, lower-case, into out[37]. */
void uuid_v4(char out[37]);
/* Is s a uuid in its text form (what PostgreSQL takes as ::uuid without error)? */
bool uuid_valid(const char *s);

#endif
