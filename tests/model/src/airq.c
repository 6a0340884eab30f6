// SPDX-License-Identifier: GPL-2.0
/*
 * airq.c - <asm/airq.h>: interrupt bit vectors (tracked allocations whose
 * vector firmware may hold as the forwarding summary) and the adapter
 * interrupt handlers registered by the lifecycle code, and the notifier
 * chains the upstream module init joins (not modelled: nothing calls them here).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

static struct airq_struct *airqs[4];

struct airq_iv *model_airq_iv_create(unsigned long bits, unsigned long flags, const char *file, int line)
{
	struct model_alloc *a;
	struct airq_iv *iv;
	size_t vsize = ((bits + 63) / 64) * 8;

	if (model_fallible("airq_iv_create", file, line))
		return NULL;
	iv = calloc(1, sizeof(*iv));
	if (!iv)
		abort();
	iv->vector = aligned_alloc(256, (vsize + 255) & ~255UL);
	if (!iv->vector)
		abort();
	memset(iv->vector, 0, vsize);
	iv->bits = bits;
	iv->flags = flags;
	model_lock_init(&iv->lock.dep, "iv->lock", file, line);
	a = model_alloc_new(iv, sizeof(*iv), MK_AIRQ, "airq_iv_create", file, line);
	a->extra = iv->vector;
	a->extra_size = vsize;
	model_stats.bytes_allocated += vsize;
	model_stats.live_bytes += vsize;
	a->size = sizeof(*iv);
	return iv;
}

void model_airq_iv_release(struct airq_iv *iv, const char *file, int line)
{
	struct model_alloc *a = model_alloc_find(iv);

	if (!a)
		return model_bad_free("airq_iv_release", iv, file, line);
	if (a->kind != MK_AIRQ) {
		model_fail("MEM", "airq_iv_release() at %s of a %s allocation: wrong free function", model_site(file, line), a->what);
		return;
	}
	if (model_fw_held_free(a, "airq_iv_release", file, line))
		return;
	model_stats.live_bytes -= a->extra_size;
	model_alloc_free(a);
}

int model_register_adapter_interrupt(struct airq_struct *airq, const char *file, int line)
{
	int i;

	if (model_fallible("register_adapter_interrupt", file, line))
		return -ENOMEM;
	for (i = 0; i < 4; i++)
		if (airqs[i] == airq) {
			model_fail("FW", "register_adapter_interrupt() at %s: already registered", model_site(file, line));
			return -EEXIST;
		}
	for (i = 0; i < 4; i++)
		if (!airqs[i]) {
			airqs[i] = airq;
			return 0;
		}
	return -ENOSPC;
}

void model_unregister_adapter_interrupt(struct airq_struct *airq, const char *file, int line)
{
	int i;

	for (i = 0; i < 4; i++)
		if (airqs[i] == airq) {
			airqs[i] = NULL;
			return;
		}
	model_fail("FW", "unregister_adapter_interrupt() at %s: not registered", model_site(file, line));
}

int model_airqs_registered(void)
{
	int i, n = 0;

	for (i = 0; i < 4; i++)
		n += airqs[i] != NULL;
	return n;
}

struct atomic_notifier_head s390_epoch_delta_notifier;

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb)
{
	return 0;
}

int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *nb)
{
	return 0;
}

void gmap_register_pte_notifier(struct gmap_notifier *nb)
{
}

void gmap_unregister_pte_notifier(struct gmap_notifier *nb)
{
}
