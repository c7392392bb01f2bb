/* SPDX-License-Identifier: MIT */
/* Generic value-to-name rendering over static xlat tables. */
#include "util/xlat.h"

#include <errno.h>

#include "util/buf.h"

const char *xlat_name(const struct xlat *x, uint64_t val)
{
	size_t i;

	for (i = 0; i < x->count; i++)
		if (x->items[i].val == val)
			return x->items[i].name;
	return NULL;
}

/* Appends the unknown remainder: 0x... plus the table's comment when nothing else
 * was printed, |0x... otherwise. */
static int put_unknown(struct buf *b, const struct xlat *x, uint64_t val, int first)
{
	if (!first && buf_putc(b, '|') < 0)
		return -ENOMEM;
	if (buf_put_hex(b, val) < 0)
		return -ENOMEM;
	if (first && x->unknown && buf_printf(b, " /* %s */", x->unknown) < 0)
		return -ENOMEM;
	return 0;
}

/* Appends matched names; first says whether nothing precedes them. */
static int put_flags(struct buf *b, const struct xlat *x, uint64_t val, int first)
{
	size_t i;

	for (i = 0; i < x->count && val; i++) {
		uint64_t v = x->items[i].val;

		if (!v || (val & v) != v)
			continue;
		if (!first && buf_putc(b, '|') < 0)
			return -ENOMEM;
		if (buf_puts(b, x->items[i].name) < 0)
			return -ENOMEM;
		val &= ~v;
		first = 0;
	}
	if (val)
		return put_unknown(b, x, val, first);
	return 0;
}

int xlat_flags(struct buf *b, const struct xlat *x, uint64_t val, const char *zero)
{
	if (!val) {
		if (!zero)
			zero = xlat_name(x, 0);
		return buf_puts(b, zero ? zero : "0");
	}
	return put_flags(b, x, val, 1);
}

int xlat_flags_more(struct buf *b, const struct xlat *x, uint64_t val)
{
	return put_flags(b, x, val, 0);
}

int xlat_enum(struct buf *b, const struct xlat *x, uint64_t val, enum xlat_fallback fb)
{
	const char *name = xlat_name(x, val);

	if (name)
		return buf_puts(b, name);
	if (fb == XLAT_DEC)
		return buf_put_i64(b, (long long)val);
	return put_unknown(b, x, val, 1);
}
