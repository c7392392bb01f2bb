/* SPDX-License-Identifier: MIT */
/* The JSON writer: string escaping (control characters, UTF-8 kept, invalid
 * bytes as \udcXX surrogates), integers beyond 2^53, UTC times. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>

#include "output/jsonw.h"
#include "util/buf.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct str_case {
	const char *in;
	size_t len; /* 0: strlen(in) */
	const char *want;
};

static const struct str_case str_cases[] = {
	{ "", 0, "\"\"" },
	{ "plain text 123", 0, "\"plain text 123\"" },
	{ "a\"b", 0, "\"a\\\"b\"" },
	{ "back\\slash", 0, "\"back\\\\slash\"" },
	{ "/", 0, "\"/\"" },
	{ "\n\t\r\b\f", 0, "\"\\n\\t\\r\\b\\f\"" },
	{ "\x01\x1f\x7f", 0, "\"\\u0001\\u001f\\u007f\"" },
	{ "nul\0in", 6, "\"nul\\u0000in\"" },
	/* well-formed UTF-8 is kept as is */
	{ "caf\xc3\xa9", 0, "\"caf\xc3\xa9\"" },
	{ "\xe2\x82\xac \xf0\x9f\x98\x80", 0, "\"\xe2\x82\xac \xf0\x9f\x98\x80\"" },
	{ "\xef\xbf\xbf", 0, "\"\xef\xbf\xbf\"" },
	{ "\xf4\x8f\xbf\xbf", 0, "\"\xf4\x8f\xbf\xbf\"" },
	/* each byte outside a well-formed sequence becomes \udcXX */
	{ "bad\xff\xfe", 0, "\"bad\\udcff\\udcfe\"" },
	{ "\x80", 0, "\"\\udc80\"" },
	{ "\xc3", 0, "\"\\udcc3\"" },				       /* cut at the end */
	{ "\xc3(", 0, "\"\\udcc3(\"" },				       /* bad continuation */
	{ "\xc0\xaf", 0, "\"\\udcc0\\udcaf\"" },		       /* overlong '/' */
	{ "\xe0\x80\xaf", 0, "\"\\udce0\\udc80\\udcaf\"" },	       /* overlong */
	{ "\xed\xa0\x80", 0, "\"\\udced\\udca0\\udc80\"" },	       /* a UTF-16 surrogate */
	{ "\xf4\x90\x80\x80", 0, "\"\\udcf4\\udc90\\udc80\\udc80\"" }, /* above U+10FFFF */
	{ "\xf5\x80", 0, "\"\\udcf5\\udc80\"" },
	{ "\xe2\x82", 0, "\"\\udce2\\udc82\"" }, /* three-byte sequence cut short */
	{ "ok\xe2\x82\xac\xff"
	  "end",
	  0, "\"ok\xe2\x82\xac\\udcffend\"" },
};

Test(jsonw, escapes_strings_into_valid_utf8)
{
	size_t i;

	for (i = 0; i < COUNT(str_cases); i++) {
		struct buf b = BUF_INIT;
		const struct str_case *c = &str_cases[i];

		cr_assert_eq(jsonw_string(&b, c->in, c->len ? c->len : strlen(c->in)), 0);
		cr_expect_str_eq(b.data, c->want, "case %zu", i);
		buf_fini(&b);
	}
}

Test(jsonw, escapes_every_byte_value_reversibly)
{
	struct buf b = BUF_INIT;
	char all[256];
	size_t i;

	for (i = 0; i < 256; i++)
		all[i] = (char)i;
	cr_assert_eq(jsonw_string(&b, all, sizeof(all)), 0);
	/* 0x00-0x1f and 0x7f: 6 bytes (\b \t \n \f \r: 2); printable: 1, '"' and
	 * '\\': 2; 0x80-0xff alone are never well-formed: 6 each. */
	cr_assert_eq(b.len, 2 + 28 * 6 + 5 * 2 + 93 + 2 * 2 + 128 * 6);
	for (i = 0; i < b.len; i++)
		cr_assert((unsigned char)b.data[i] >= 0x20 && (unsigned char)b.data[i] < 0x7f);
	buf_fini(&b);
}

Test(jsonw, null_string_is_json_null)
{
	struct buf b = BUF_INIT;

	jsonw_str(&b, NULL);
	cr_assert_str_eq(b.data, "null");
	buf_fini(&b);
}

Test(jsonw, key_is_escaped_and_followed_by_colon)
{
	struct buf b = BUF_INIT;

	jsonw_key(&b, "a\"b");
	cr_assert_str_eq(b.data, "\"a\\\"b\":");
	buf_fini(&b);
}

static const struct {
	int64_t v;
	const char *want;
} i64_cases[] = {
	{ 0, "0" },
	{ -1, "-1" },
	{ 9007199254740991LL, "9007199254740991" },
	{ -9007199254740991LL, "-9007199254740991" },
	{ 9007199254740992LL, "\"0x20000000000000\"" },
	{ -9007199254740992LL, "\"0xffe0000000000000\"" },
	{ INT64_MIN, "\"0x8000000000000000\"" },
};

Test(jsonw, signed_integers_beyond_2_53_are_hex_strings)
{
	size_t i;

	for (i = 0; i < COUNT(i64_cases); i++) {
		struct buf b = BUF_INIT;

		jsonw_i64(&b, i64_cases[i].v);
		cr_expect_str_eq(b.data, i64_cases[i].want, "case %zu", i);
		buf_fini(&b);
	}
}

Test(jsonw, unsigned_integers_beyond_2_53_are_hex_strings)
{
	struct buf b = BUF_INIT;

	jsonw_u64(&b, 9007199254740991ULL);
	buf_putc(&b, ' ');
	jsonw_u64(&b, 9007199254740992ULL);
	buf_putc(&b, ' ');
	jsonw_u64(&b, UINT64_MAX);
	cr_assert_str_eq(b.data, "9007199254740991 \"0x20000000000000\" \"0xffffffffffffffff\"");
	buf_fini(&b);
}

Test(jsonw, utc_time_has_nanoseconds)
{
	struct buf b = BUF_INIT;

	jsonw_utc_time(&b, 1795668467123456789ULL);
	cr_assert_str_eq(b.data, "\"2026-11-26T04:47:47.123456789Z\"");
	buf_reset(&b);
	jsonw_utc_time(&b, 5);
	cr_assert_str_eq(b.data, "\"1970-01-01T00:00:00.000000005Z\"");
	buf_fini(&b);
}
