// SPDX-License-Identifier: GPL-2.0
/*
 * dbf.c - s390dbf: debug_register() and friends (tracked allocations) and
 * the KVM_EVENT records written into the kvm debug feature, kept as
 * lines for the scenarios' record checks.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

struct model_debug_info {
	char name[32];
	int level;
	int views;
};
struct debug_view debug_sprintf_view = { "sprintf" };
char model_rec[64][256];
int model_nrec;

void model_dbf_event(struct model_debug_info *id, int level, const char *fmt, ...)
{
	struct model_alloc *a;
	char line[256];
	va_list ap;

	if (!id)	/* no debug feature: the event is dropped */
		return;
	a = model_alloc_find(id);
	if (!a || a->kind != MK_DEBUG) {
		model_fail("REC", "KVM_EVENT into a debug feature that is not registered");
		return;
	}
	if (level > id->level)
		return;
	va_start(ap, fmt);
	model_format_line(line, sizeof(line), fmt, ap);
	va_end(ap);
	model_add_line(model_rec, &model_nrec, line);
	if (model_verbose)
		printf("  kvm-trace [%s] %s\n", model_ctx, line);
}

debug_info_t *model_debug_register(const char *name, int pages, int nr_areas, int buf_size,
				   const char *file, int line)
{
	struct model_debug_info *id;

	if (model_fallible("debug_register", file, line))
		return NULL;
	id = calloc(1, sizeof(*id));
	if (!id)
		abort();
	snprintf(id->name, sizeof(id->name), "%s", name);
	id->level = 3;
	model_alloc_new(id, sizeof(*id), MK_DEBUG, "debug_register", file, line);
	return id;
}

int model_debug_register_view(debug_info_t *id, struct debug_view *view, const char *file, int line)
{
	struct model_alloc *a = model_alloc_find(id);

	if (!a || a->kind != MK_DEBUG) {
		model_fail("MEM", "debug_register_view() at %s on an unregistered debug feature", model_site(file, line));
		return -EINVAL;
	}
	if (model_fallible("debug_register_view", file, line))
		return -ENOMEM;
	id->views++;
	return 0;
}

void model_debug_unregister(debug_info_t *id, const char *file, int line)
{
	struct model_alloc *a;

	if (!id)
		return;
	a = model_alloc_find(id);
	if (!a || a->kind != MK_DEBUG)
		return model_bad_free("debug_unregister", id, file, line);
	model_alloc_free(a);
}
