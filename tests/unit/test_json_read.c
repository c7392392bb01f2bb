/* SPDX-License-Identifier: MIT */
/* The streaming JSON reader: tokens, string escapes (\uXXXX, surrogate
 * pairs, surrogateescape bytes), integers and their overflow, JSON Lines,
 * and malformed input, each error with its line and column; reading from a
 * file across the read buffer's boundaries. */
#include <criterion/criterion.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/json_read.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void show_bytes(struct buf *b, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf_putc(b, (char)c);
		else
			buf_printf(b, "\\x%02x", c);
	}
}

/* Every token of the input, space-separated: { } [ ] k:KEY s:STR i:INT
 * d:DOUBLE o:OVERFLOW t f n EOF, or ERR:message at the end. */
static char *tokens(const char *in, bool multi)
{
	struct json_reader r;
	struct buf b = BUF_INIT;
	enum jr_token tok;

	json_reader_init(&r, in, strlen(in));
	json_reader_set_multi(&r, multi);
	do {
		tok = json_reader_next(&r);
		if (b.len)
			buf_putc(&b, ' ');
		switch (tok) {
		case JR_OBJ_BEGIN: buf_putc(&b, '{'); break;
		case JR_OBJ_END: buf_putc(&b, '}'); break;
		case JR_ARR_BEGIN: buf_putc(&b, '['); break;
		case JR_ARR_END: buf_putc(&b, ']'); break;
		case JR_KEY:
			buf_puts(&b, "k:");
			show_bytes(&b, r.str.data, r.len);
			break;
		case JR_STRING:
			buf_puts(&b, "s:");
			show_bytes(&b, r.str.data, r.len);
			break;
		case JR_NUMBER:
			if (r.num_overflow)
				buf_printf(&b, "o:%s", r.num);
			else if (r.num_is_int)
				buf_printf(&b, "i:%lld", (long long)r.i64);
			else
				buf_printf(&b, "d:%g", r.dbl);
			break;
		case JR_TRUE: buf_putc(&b, 't'); break;
		case JR_FALSE: buf_putc(&b, 'f'); break;
		case JR_NULL: buf_putc(&b, 'n'); break;
		case JR_EOF: buf_puts(&b, "EOF"); break;
		case JR_ERROR: buf_printf(&b, "ERR:%s", json_reader_errmsg(&r)); break;
		}
	} while (tok != JR_EOF && tok != JR_ERROR);
	json_reader_fini(&r);
	return buf_detach(&b);
}

Test(json_read, reads_every_kind_of_token)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "EOF" },
		{ "  \n\t ", "EOF" },
		{ " {\"a\" : 1 } ", "{ k:a i:1 } EOF" },
		{ "[1,-2.5e3,\"x\",true,false,null,{},[]]",
		  "[ i:1 d:-2500 s:x t f n { } [ ] ] EOF" },
		{ "{\"a\":{\"b\":[{\"c\":0}]}}", "{ k:a { k:b [ { k:c i:0 } ] } } EOF" },
		{ "\"\"", "s: EOF" },
		{ "-0", "i:0 EOF" },
		{ "9223372036854775807", "i:9223372036854775807 EOF" },
		{ "-9223372036854775808", "i:-9223372036854775808 EOF" },
		{ "9223372036854775808", "o:9223372036854775808 EOF" },
		{ "-9223372036854775809", "o:-9223372036854775809 EOF" },
		{ "123456789012345678901234567890", "o:123456789012345678901234567890 EOF" },
		{ "1e400", "o:1e400 EOF" },
		{ "0.5", "d:0.5 EOF" },
		{ "1E+2", "d:100 EOF" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		char *got = tokens(cases[i].in, false);

		cr_expect_str_eq(got, cases[i].want, "input %s", cases[i].in);
		free(got);
	}
}

Test(json_read, decodes_string_escapes_and_surrogates)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "s:\"\\x5c/\\x08\\x0c\\x0a\\x0d\\x09 EOF" },
		{ "\"caf\\u00e9\"", "s:caf\\xc3\\xa9 EOF" },
		{ "\"caf\xc3\xa9\"", "s:caf\\xc3\\xa9 EOF" },
		{ "\"\\u20AC\"", "s:\\xe2\\x82\\xac EOF" },
		/* a pair: U+1F600 */
		{ "\"\\ud83d\\ude00\"", "s:\\xf0\\x9f\\x98\\x80 EOF" },
		/* output/jsonw.c's surrogateescape: \udcXX is the byte XX */
		{ "\"a\\udcffb\"", "s:a\\xffb EOF" },
		/* lone surrogates that are not escaped bytes: U+FFFD */
		{ "\"\\ud800x\"", "s:\\xef\\xbf\\xbdx EOF" },
		{ "\"\\ud800\"", "s:\\xef\\xbf\\xbd EOF" },
		{ "\"\\udc00\"", "s:\\xef\\xbf\\xbd EOF" },
		{ "\"\\ud800\\ud800\\udc00\"", "s:\\xef\\xbf\\xbd\\xf0\\x90\\x80\\x80 EOF" },
		{ "\"\\ud800\\n\"", "s:\\xef\\xbf\\xbd\\x0a EOF" },
		{ "\"a\\u0000b\"", "s:a\\x00b EOF" },
		{ "{\"k\\u0041\":1}", "{ k:kA i:1 } EOF" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		char *got = tokens(cases[i].in, false);

		cr_expect_str_eq(got, cases[i].want, "input %s", cases[i].in);
		free(got);
	}
}

Test(json_read, reads_several_values_only_in_multi_mode)
{
	char *got = tokens("{\"a\":1}\n{\"b\":2}\n", true);

	cr_expect_str_eq(got, "{ k:a i:1 } { k:b i:2 } EOF");
	free(got);
	got = tokens("{\"a\":1}\n{\"b\":2}\n", false);
	cr_expect_str_eq(got, "{ k:a i:1 } ERR:2:1: unexpected data after the end of the JSON "
			      "document");
	free(got);
}

Test(json_read, reports_malformed_input_with_line_and_column)
{
	static const struct {
		const char *in, *want; /* the end of tokens(): ERR:LINE:COL: message */
	} cases[] = {
		{ "{\"a\":1,}", "ERR:1:8: trailing comma before '}'" },
		{ "[1,]", "ERR:1:4: trailing comma before ']'" },
		{ "{\"a\" 1}", "ERR:1:6: expected ':' after the member name, found '1'" },
		{ "{\"a\":1 \"b\":2}",
		  "ERR:1:8: expected ',' or '}' after an object member, found '\"'" },
		{ "[1 2]", "ERR:1:4: expected ',' or ']' after an array element, found '2'" },
		{ "{1:2}",
		  "ERR:1:2: expected a member name (a string in double quotes), found '1'" },
		{ "[01]", "ERR:1:3: leading zeros are not allowed in numbers" },
		{ "[1.]", "ERR:1:4: expected a digit after the decimal point, found ']'" },
		{ "[-]", "ERR:1:3: expected a digit in the number, found ']'" },
		{ "[1e]", "ERR:1:4: expected a digit in the exponent, found ']'" },
		{ "[.5]", "ERR:1:2: expected a value, found '.'" },
		{ "[+1]", "ERR:1:2: expected a value, found '+'" },
		{ "12a", "ERR:1:3: unexpected 'a' after a number" },
		{ "\"abc", "ERR:1:5: unexpected end of input inside a string (truncated?)" },
		{ "\"a\\x\"", "ERR:1:3: invalid escape '\\' followed by 'x'" },
		{ "\"\\u12G4\"", "ERR:1:2: invalid \\u escape: 4 hex digits expected" },
		{ "\"a\tb\"", "ERR:1:3: control character 0x09 in a string must be escaped" },
		{ "\"a\nb\"", "ERR:1:3: line break inside a string (unterminated?)" },
		{ "tru", "ERR:1:1: invalid literal (true, false or null expected)" },
		{ "nullx", "ERR:1:5: unexpected 'x' after null" },
		{ "{\n  \"a\": [1,\n  2", "ERR:3:4: unexpected end of input (truncated?): expected "
					  "',' or ']' after an array element" },
		{ "{\"a\":", "ERR:1:6: unexpected end of input (truncated?): expected a value" },
		{ "{\"a\":1}\n\n  x",
		  "ERR:3:3: unexpected data after the end of the JSON document" },
		{ "\x01", "ERR:1:1: expected a value, found byte 0x01" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		char *got = tokens(cases[i].in, false);
		const char *err = strstr(got, "ERR:");

		cr_expect(err && !strcmp(err, cases[i].want), "input %s: got %s, want %s",
			  cases[i].in, got, cases[i].want);
		free(got);
	}
}

Test(json_read, refuses_nesting_deeper_than_the_limit)
{
	char in[JR_MAX_DEPTH + 2];
	char *got;

	memset(in, '[', JR_MAX_DEPTH + 1);
	in[JR_MAX_DEPTH + 1] = '\0';
	got = tokens(in, false);
	cr_expect(strstr(got, "ERR:1:65: nesting deeper than 64 levels"), "%s", got);
	free(got);
}

Test(json_read, skips_whole_values)
{
	const char *in = "{\"skip\":{\"a\":[1,{\"b\":2}],\"c\":\"}\"},\"keep\":3}";
	struct json_reader r;

	json_reader_init(&r, in, strlen(in));
	cr_assert_eq(json_reader_next(&r), JR_OBJ_BEGIN);
	cr_assert_eq(json_reader_next(&r), JR_KEY);
	cr_assert_eq(json_reader_skip(&r, json_reader_next(&r)), 0);
	cr_assert_eq(json_reader_next(&r), JR_KEY);
	cr_assert_str_eq(r.str.data, "keep");
	cr_assert_eq(json_reader_next(&r), JR_NUMBER);
	cr_assert_eq(r.i64, 3);
	cr_assert_eq(json_reader_next(&r), JR_OBJ_END);
	cr_assert_eq(json_reader_next(&r), JR_EOF);
	json_reader_fini(&r);
}

/* Tokens that straddle the file reader's buffer: a long string with escapes
 * on the boundary, then numbers and literals, then an error whose column
 * counts from the start of its line, far into the second buffer. */
Test(json_read, reads_files_across_buffer_boundaries)
{
	char path[] = "/tmp/rn-jr-XXXXXX";
	size_t pad = JR_READ_CHUNK - 5, i;
	struct json_reader r;
	FILE *f;
	int fd = mkstemp(path);

	cr_assert(fd >= 0);
	f = fdopen(fd, "w");
	fputs("[\"", f);
	for (i = 0; i < pad; i++)
		fputc('a', f);
	fputs("\\u00e9\\n\", 12345678901, true, null]\n[1,", f);
	for (i = 0; i < JR_READ_CHUNK; i++)
		fputc(' ', f);
	fputs("x]", f);
	fclose(f);

	cr_assert_eq(json_reader_open(&r, path), 0);
	json_reader_set_multi(&r, true);
	cr_assert_eq(json_reader_next(&r), JR_ARR_BEGIN);
	cr_assert_eq(json_reader_next(&r), JR_STRING);
	cr_assert_eq(r.len, pad + 3);
	cr_assert_eq(memcmp(r.str.data + pad, "\xc3\xa9\n", 3), 0);
	cr_assert_eq(json_reader_next(&r), JR_NUMBER);
	cr_assert_eq(r.i64, 12345678901LL);
	cr_assert_eq(json_reader_next(&r), JR_TRUE);
	cr_assert_eq(json_reader_next(&r), JR_NULL);
	cr_assert_eq(json_reader_next(&r), JR_ARR_END);
	cr_assert_eq(json_reader_next(&r), JR_ARR_BEGIN);
	cr_assert_eq(json_reader_next(&r), JR_NUMBER);
	cr_assert_eq(json_reader_next(&r), JR_ERROR);
	{
		char want[64];

		snprintf(want, sizeof(want), "2:%u: expected a value, found 'x'",
			 JR_READ_CHUNK + 4);
		cr_expect_str_eq(json_reader_errmsg(&r), want);
	}
	json_reader_close(&r);
	unlink(path);
}

Test(json_read, says_why_a_file_cannot_be_opened)
{
	struct json_reader r;

	cr_assert_eq(json_reader_open(&r, "/nonexistent/renacer.json"), -ENOENT);
}
