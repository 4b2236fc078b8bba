/*
 * invite_link.h - invitation links that the recruiter can see again (README, "Invitation links")
 *
 * A link's token is derived, not random: the hex HMAC-SHA256, keyed with the server's link
 * secret, of "ce-invite-v1:" and a random 128-bit nonce.  The database keeps the nonce and,
 * as before, the token's SHA-256 (what a candidate's link is looked up by); the token itself
 * is stored nowhere.  With the secret, the token is made again from the nonce; without it,
 * a database dump gives neither the token nor a way to find it.
 *
 * The secret is CE_LINK_SECRET, or the contents of the file CE_LINK_SECRET_FILE (what
 * conf/service.sh makes on the first start), at least 32 bytes.  Without one, links are
 * random as before and cannot be shown again.
 */
#ifndef CE_INVITE_LINK_H
#define CE_INVITE_LINK_H

#include <stdbool.h>

#include "auth.h"

#define INVITE_NONCE_HEX_LEN 32

/* Read the secret from the environment (once, at start). */
void invite_link_init(void);
/* Is there a secret, so that new links can be shown again? */
bool invite_link_enabled(void);
/*
 * A new link: token (64 hex) and nonce (32 hex, "" when there is no secret: the token is
 * then random and cannot be made again).  0, or -1 when no randomness is available.
 */
int invite_link_new(char token[TOKEN_HEX_LEN + 1], char nonce[INVITE_NONCE_HEX_LEN + 1]);
/* The token of nonce: 0, or -1 without a secret or for a nonce of the wrong shape. */
int invite_link_token(const char *nonce, char token[TOKEN_HEX_LEN + 1]);

#endif
