/* sha256.h - SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) */
#ifndef CE_SHA256_H
#define CE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;		/* hashed so far */
	unsigned char block[64];
	size_t used;		/* bytes of block waiting for the rest */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);
/* The digest of len bytes in one call. */
void sha256(const void *data, size_t len, unsigned char out[SHA256_LEN]);
void hmac_sha256(const void *key, size_t key_len, const void *msg, size_t len,
		 unsigned char out[SHA256_LEN]);

#endif
