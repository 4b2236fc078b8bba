/* uuid.h - random RFC 4122 version 4 UUIDs */
#ifndef CE_UUID_H
#define CE_UUID_H

/* A random version 4 UUID, lower-case, into out[37]. */
void uuid_v4(char out[37]);

#endif
