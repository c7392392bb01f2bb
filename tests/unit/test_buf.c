/* SPDX-License-Identifier: MIT */
/* The growable buffer: number formatting without printf, padding, growth. */
#include <criterion/criterion.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/buf.h"

Test(buf, numbers_match_printf)
{
	static const long long vals[] = { 0, 1, -1, 42, -12345, LLONG_MAX, LLONG_MIN };
	static const int widths[] = { 0, 1, 5, -5, 12, -12 };
	struct buf b = BUF_INIT;
	char want[64];
	size_t i, k;

	for (i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
		for (k = 0; k < sizeof(widths) / sizeof(widths[0]); k++) {
			buf_reset(&b);
			buf_puts(&b, "x");
			buf_put_i64_width(&b, vals[i], widths[k]);
			snprintf(want, sizeof(want), "x%*lld", widths[k], vals[i]);
			cr_assert_str_eq(b.data, want);
		}
		buf_reset(&b);
		buf_put_hex(&b, (unsigned long long)vals[i]);
		snprintf(want, sizeof(want), "%#llx", (unsigned long long)vals[i]);
		cr_assert_str_eq(b.data, vals[i] ? want : "0x0");
	}
	buf_reset(&b);
	buf_put_oct(&b, 0644);
	cr_assert_str_eq(b.data, "0644");
	buf_fini(&b);
}

Test(buf, pad_and_growth_keep_the_text)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	buf_puts(&b, "close(3)");
	buf_pad(&b, ' ', 32);
	buf_puts(&b, "= 0");
	cr_assert_eq(b.len, 43);
	cr_assert_str_eq(b.data + 40, "= 0");
	for (i = 0; i < 10000; i++)
		buf_putc(&b, 'a' + i % 26);
	cr_assert_eq(b.len, 10043);
	cr_assert_eq(b.data[b.len], '\0');
	s = buf_detach(&b);
	cr_assert_eq(b.len, 0);
	cr_assert_null(b.data);
	free(s);
}
