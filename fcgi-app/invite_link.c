/* invite_link.c - invitation tokens derived from a nonce and the server's secret */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "invite_link.h"
#include "sha256.h"
#include "util.h"

#define SECRET_MIN 32
#define SECRET_MAX 4096

static unsigned char secret[SECRET_MAX];
static size_t secret_len;

/* The secret from a file: its bytes, less a final newline. */
static size_t read_secret(const char *path)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		fprintf(stderr, "ce-fcgi: invitation links cannot be shown again: CE_LINK_SECRET_FILE: %s\n",
			strerror(errno));
		return 0;
	}
	n = fread(secret, 1, sizeof(secret), f);
	fclose(f);
	while (n && (secret[n - 1] == '\n' || secret[n - 1] == '\r'))
		n--;
	return n;
}

void invite_link_init(void)
{
	const char *s = getenv("CE_LINK_SECRET"), *path = getenv("CE_LINK_SECRET_FILE");
	size_t n = 0;

	if (s && *s) {
		n = strlen(s) < sizeof(secret) ? strlen(s) : sizeof(secret);
		memcpy(secret, s, n);
	} else if (path && *path)
		n = read_secret(path);
	else
		return;
	if (n < SECRET_MIN) {
		/* never the secret itself in the log: only that it is too short */
		fprintf(stderr, "ce-fcgi: invitation links cannot be shown again: the link secret"
				" has fewer than %d bytes\n", SECRET_MIN);
		explicit_bzero(secret, sizeof(secret));
		n = 0;
	}
	secret_len = n;
}

bool invite_link_enabled(void)
{
	return secret_len > 0;
}

int invite_link_token(const char *nonce, char token[TOKEN_HEX_LEN + 1])
{
	unsigned char mac[SHA256_LEN];
	char msg[64];
	size_t len;

	if (!secret_len || !nonce || strlen(nonce) != INVITE_NONCE_HEX_LEN ||
	    strspn(nonce, "0123456789abcdef") != INVITE_NONCE_HEX_LEN)
		return -1;
	len = (size_t)snprintf(msg, sizeof(msg), "ce-invite-v1:%s", nonce);
	hmac_sha256(secret, secret_len, msg, len, mac);
	hex_encode(mac, sizeof(mac), token);
	return 0;
}

int invite_link_new(char token[TOKEN_HEX_LEN + 1], char nonce[INVITE_NONCE_HEX_LEN + 1])
{
	nonce[0] = '\0';
	if (!secret_len)
		return auth_new_token(token);
	if (random_hex(nonce, INVITE_NONCE_HEX_LEN / 2) < 0)
		return -1;
	return invite_link_token(nonce, token);
}
