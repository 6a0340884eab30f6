// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - how the model reports: FAIL lines (tagged D1..D10 or a model
 * class, see README), notes, the file:line of a call site, and fault
 * injection: every fallible service asks model_fallible() whether this
 * call is the one to fail.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

int model_failures;
int model_quiet;
int model_verbose;
const char *model_ctx = "";
static int printed;

void model_fail(const char *tag, const char *fmt, ...)
{
	va_list ap;

	model_failures++;
	if (++printed > 40) {
		if (printed == 41)
			printf("FAIL [%s] ... further failures not printed\n", model_ctx);
		return;
	}
	printf("FAIL [%s] %s: ", model_ctx, tag);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

void model_harness(const char *fmt, ...)
{
	va_list ap;

	printf("FAIL [%s] HARNESS: ", model_ctx);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(MODEL_EXIT_FAIL);
}

void model_note(const char *fmt, ...)
{
	va_list ap;

	if (model_quiet)
		return;
	printf("  note [%s]: ", model_ctx);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* copies of strings that live in the module (gone after dlclose) */
const char *model_intern(const char *s)
{
	static char pool[256][64];
	static int n;
	int i;

	for (i = 0; i < n; i++)
		if (!strncmp(pool[i], s, 63))
			return pool[i];
	if (n == 256)
		return "?";
	snprintf(pool[n], 64, "%s", s);
	return pool[n++];
}

const char *model_base(const char *f)
{
	const char *s = strrchr(f, '/');

	return s ? s + 1 : f;
}

const char *model_site(const char *file, int line)
{
	static char ring[64][80];
	static int i;
	char *s = ring[i++ % 64];

	snprintf(s, 80, "%s:%d", model_base(file), line);
	return s;
}

/* fault injection */
int model_inject_at;
int model_fallible_count;
long model_pci_calls;
char model_injected[128];
char model_sites[256][96];

bool model_fallible(const char *what, const char *file, int line)
{
	int n = ++model_fallible_count;

	if (!strcmp(model_base(file), "pci.c"))
		model_pci_calls++;

	if (n <= 256)
		snprintf(model_sites[n - 1], sizeof(model_sites[0]), "%s@%s:%d", what, model_base(file), line);
	if (model_inject_at && n == model_inject_at) {
		snprintf(model_injected, sizeof(model_injected), "%s@%s:%d", what, model_base(file), line);
		return true;
	}
	return false;
}

/* kvm_register_device_ops(): a service that can only fail */
int model_kvm_register_device_ops(const struct kvm_device_ops *ops, u32 type, const char *file, int line)
{
	if (model_fallible("kvm_register_device_ops", file, line))
		return -EEXIST;
	return 0;
}
