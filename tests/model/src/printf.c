// SPDX-License-Identifier: GPL-2.0
/*
 * printf.c - the formatting of kernel log and kvm-trace record lines: the
 * kernel's printf subset, with %p printed as a hash, never raw; printk()
 * and WARN_ON_ONCE() into the log lines the scenarios read.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

unsigned long model_hash_ptr(const void *p)
{
	unsigned long z = (unsigned long)p ^ 0x5bd1e9955bd1e995UL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
	z ^= z >> 31;
	return z & 0xffffffffUL;	/* 64-bit kernels print 32 hash bits */
}

static void vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	size_t o = 0;
	char spec[32], tmp[256];

	buf[0] = 0;
	while (*fmt && o + 1 < size) {
		const char *start = fmt;
		int n = 0, lng = 0;

		if (*fmt != '%') {
			buf[o++] = *fmt++;
			buf[o] = 0;
			continue;
		}
		fmt++;
		while (*fmt && strchr("-+ #0", *fmt))
			fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			fmt++;
		if (*fmt == '.') {
			fmt++;
			while (*fmt >= '0' && *fmt <= '9')
				fmt++;
		}
		while (*fmt && strchr("hlzjt", *fmt)) {
			lng += (*fmt == 'l' || *fmt == 'z' || *fmt == 'j' || *fmt == 't') ? 1 : 0;
			fmt++;
		}
		n = (int)(fmt - start) + 1;
		if (n >= (int)sizeof(spec))
			n = sizeof(spec) - 1;
		memcpy(spec, start, n);
		spec[n] = 0;
		switch (*fmt) {
		case '%':
			snprintf(tmp, sizeof(tmp), "%%");
			break;
		case 'p': {
			const void *p = va_arg(ap, void *);

			if (fmt[1] == 'K')
				fmt++;
			else if ((fmt[1] >= 'a' && fmt[1] <= 'z') || (fmt[1] >= 'A' && fmt[1] <= 'Z'))
				model_fail("REC", "unsupported %%p extension %%p%c", fmt[1]);
			/* NULL is printed as it is, not hashed (lib/vsprintf.c ptr_to_id()) */
			snprintf(tmp, sizeof(tmp), "%016lx", p ? model_hash_ptr(p) : 0UL);
			break;
		}
		case 's':
			snprintf(tmp, sizeof(tmp), spec, va_arg(ap, const char *));
			break;
		case 'c': case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			if (lng == 0)
				snprintf(tmp, sizeof(tmp), spec, va_arg(ap, int));
			else if (lng == 1)
				snprintf(tmp, sizeof(tmp), spec, va_arg(ap, long));
			else
				snprintf(tmp, sizeof(tmp), spec, va_arg(ap, long long));
			break;
		default:
			model_fail("REC", "unsupported conversion in format \"%s\"", start);
			return;
		}
		if (*fmt)
			fmt++;
		n = snprintf(buf + o, size - o, "%s", tmp);
		o += n > 0 ? (size_t)n : 0;
		if (o >= size)
			o = size - 1;
	}
}

/* One log or record line: formatted, without its trailing newline. */
void model_format_line(char *buf, size_t size, const char *fmt, va_list ap)
{
	size_t l;

	vformat(buf, size, fmt, ap);
	l = strlen(buf);
	if (l && buf[l - 1] == '\n')
		buf[l - 1] = 0;
}

char model_log[64][256];
int model_nlog;

void model_add_line(char (*lines)[256], int *n, const char *s)
{
	if (*n < 64)
		snprintf(lines[(*n)++], 256, "%s", s);
}

void model_printk(const char *level, const char *fmt, ...)
{
	char line[256], out[300];
	va_list ap;

	va_start(ap, fmt);
	model_format_line(line, sizeof(line), fmt, ap);
	va_end(ap);
	snprintf(out, sizeof(out), "%s: %s", level, line);
	model_add_line(model_log, &model_nlog, out);
	if (!model_quiet)
		printf("  log [%s] %s\n", model_ctx, out);
}

bool model_warn(const char *cond, const char *file, int line)
{
	char s[256];

	snprintf(s, sizeof(s), "WARNING: WARN_ON_ONCE(%s) at %s", cond, model_site(file, line));
	model_add_line(model_log, &model_nlog, s);
	model_fail("WARN", "%s", s);
	return true;
}
