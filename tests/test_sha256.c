/* test_sha256.c - unit tests of common/sha256.c: published vectors, and libcrypto's digests */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sha256.h"
#include "util.h"

static void check_hex(const unsigned char md[SHA256_LEN], const char *want)
{
	char hex[2 * SHA256_LEN + 1];

	hex_encode(md, SHA256_LEN, hex);
	CU_ASSERT_STRING_EQUAL(hex, want);
}

/* FIPS 180-4's examples (NIST CSRC) and the million a's */
static void test_vectors(void)
{
	unsigned char md[SHA256_LEN];
	struct sha256 c;
	char a[1000];
	int i;

	sha256("", 0, md);
	check_hex(md, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256("abc", 3, md);
	check_hex(md, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, md);
	check_hex(md, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	memset(a, 'a', sizeof(a));
	sha256_init(&c);
	for (i = 0; i < 1000; i++)
		sha256_update(&c, a, sizeof(a));
	sha256_final(&c, md);
	check_hex(md, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* every length across three blocks, fed whole and in uneven pieces, as libcrypto hashes it */
static void test_against_libcrypto(void)
{
	unsigned char buf[200], mine[SHA256_LEN], theirs[SHA256_LEN];
	struct sha256 c;
	size_t n, off, step;
	int bad = 0;

	for (n = 0; n < sizeof(buf); n++)
		buf[n] = (unsigned char)(n * 131 + 7);
	for (n = 0; n <= sizeof(buf); n++) {
		SHA256(buf, n, theirs);
		sha256(buf, n, mine);
		bad += memcmp(mine, theirs, SHA256_LEN) != 0;
		sha256_init(&c);
		for (off = 0, step = 1; off < n; off += step, step = step * 2 % 67 + 1)
			sha256_update(&c, buf + off, step < n - off ? step : n - off);
		sha256_final(&c, mine);
		bad += memcmp(mine, theirs, SHA256_LEN) != 0;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

/* RFC 4231's test case 1, then keys of every length up to past a block, as libcrypto signs */
static void test_hmac(void)
{
	unsigned char key[150], mine[SHA256_LEN], theirs[EVP_MAX_MD_SIZE];
	static const char msg[] = "what the webhook sends";
	unsigned int len = 0;
	size_t n;
	int bad = 0;

	memset(key, 0x0b, 20);
	hmac_sha256(key, 20, "Hi There", 8, mine);
	check_hex(mine, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	for (n = 0; n < sizeof(key); n++)
		key[n] = (unsigned char)(255 - n);
	for (n = 0; n <= sizeof(key); n++) {
		HMAC(EVP_sha256(), key, (int)n, (const unsigned char *)msg, sizeof(msg) - 1, theirs,
		     &len);
		hmac_sha256(key, n, msg, sizeof(msg) - 1, mine);
		bad += len != SHA256_LEN || memcmp(mine, theirs, SHA256_LEN) != 0;
	}
	CU_ASSERT_EQUAL(bad, 0);
}

static CU_TestInfo tests[] = {
	{ "sha256: published vectors", test_vectors },
	{ "sha256: every length, whole and in pieces, as libcrypto", test_against_libcrypto },
	{ "hmac-sha256: RFC 4231, and keys of every length, as libcrypto", test_hmac },
	CU_TEST_INFO_NULL,
};

TEST_MAIN("sha256", tests)
