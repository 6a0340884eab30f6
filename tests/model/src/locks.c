// SPDX-License-Identifier: GPL-2.0
/*
 * locks.c - mutexes and spinlocks with a small lockdep: use before init,
 * double lock, unlock of a lock not held, freeing a held lock or a mutex
 * never mutex_destroy()ed, lockdep_assert_held() of a lock not held.
 * The probes (D4, D8) make a lock look held by another CPU.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

#define LOCK_MAGIC 0x10c4dead
static struct model_lockdep *model_held[16];
static struct model_lockdep *mutexes[16];	/* initialized, not destroyed */
int model_expect_lockdep, model_lockdep_violations;
static jmp_buf *probe_jmp;
static struct model_lockdep *probe_lock;

int model_locks_held(void)
{
	int i, n = 0;

	for (i = 0; i < 16; i++)
		n += model_held[i] != NULL;
	return n;
}

void model_lock_init(struct model_lockdep *l, const char *name, const char *file, int line)
{
	if (l->magic == LOCK_MAGIC && l->held)
		model_fail("LOCK", "%s initialized at %s while held", name, model_site(file, line));
	l->magic = LOCK_MAGIC;
	l->held = 0;
	l->name = model_intern(name);
}

void model_mutex_init(struct model_lockdep *l, const char *name, const char *file, int line)
{
	int i;

	model_lock_init(l, name, file, line);
	for (i = 0; i < 16; i++)
		if (mutexes[i] == l)
			return;
	for (i = 0; i < 16; i++)
		if (!mutexes[i]) {
			mutexes[i] = l;
			return;
		}
}

void model_mutex_destroy(struct model_lockdep *l, const char *file, int line)
{
	int i, found = 0;

	for (i = 0; i < 16; i++)
		if (mutexes[i] == l) {
			mutexes[i] = NULL;
			found = 1;
		}
	if (!found) {	/* l may point anywhere: not touched */
		model_fail("LOCK", "mutex_destroy() at %s of a mutex that is not initialized", model_site(file, line));
		return;
	}
	if (l->magic != LOCK_MAGIC)
		model_fail("LOCK", "mutex_destroy() at %s of a mutex that is not initialized", model_site(file, line));
	else if (l->held)
		model_fail("LOCK", "mutex_destroy() at %s of %s while it is held", model_site(file, line), l->name);
	l->magic = 0;	/* using it again is a use before init */
}

void model_lock(struct model_lockdep *l, const char *file, int line)
{
	int i;

	if (l->magic != LOCK_MAGIC) {
		model_fail("LOCK", "lock at %#lx taken at %s before it was initialized",
			   (unsigned long)l, model_site(file, line));
		l->magic = LOCK_MAGIC;
	}
	if (l->held == 2 && probe_jmp && l == probe_lock) {
		jmp_buf *env = probe_jmp;	/* this CPU would wait for the other */

		probe_jmp = NULL;
		l->held = 0;
		probe_lock = NULL;
		longjmp(*env, 1);
	}
	if (l->held) {
		model_fail("LOCK", "%s taken at %s while already held (at %s): deadlock", l->name,
			   model_site(file, line), l->site ? l->site : "?");
		return;
	}
	l->held = 1;
	l->site = strdup(model_site(file, line));
	for (i = 0; i < 16; i++)
		if (!model_held[i]) {
			model_held[i] = l;
			break;
		}
}

void model_unlock(struct model_lockdep *l, const char *file, int line)
{
	int i;

	if (l->magic != LOCK_MAGIC || l->held != 1) {
		model_fail("LOCK", "%s released at %s but not held", l->magic == LOCK_MAGIC ? l->name : "lock",
			   model_site(file, line));
		return;
	}
	l->held = 0;
	free((void *)l->site);
	l->site = NULL;
	for (i = 0; i < 16; i++)
		if (model_held[i] == l)
			model_held[i] = NULL;
}

void model_lockdep_assert_held(const struct model_lockdep *l, const char *expr, const char *file, int line)
{
	if (l->magic == LOCK_MAGIC && l->held == 1)
		return;
	model_lockdep_violations++;
	if (!model_expect_lockdep)
		model_fail("LOCK", "lockdep_assert_held(%s) at %s: not held", expr, model_site(file, line));
}

/* from now on, l is held by another CPU; taking it longjmps to env */
void model_probe_arm(struct model_lockdep *l, jmp_buf *env)
{
	l->held = 2;
	probe_lock = l;
	probe_jmp = env;
}

void model_probe_end(void)
{
	if (probe_lock && probe_lock->held == 2)
		probe_lock->held = 0;
	probe_jmp = NULL;
	probe_lock = NULL;
}

/* memory being freed must not hold a lock that is held or a mutex not destroyed */
void model_locks_check_free(const struct model_alloc *a, bool powering_off)
{
	int i;

	for (i = 0; i < 16; i++)
		if (mutexes[i] && (char *)mutexes[i] >= (char *)a->addr &&
		    (char *)mutexes[i] < (char *)a->addr + a->size) {
			if (!powering_off)
				model_fail("LOCK", "memory freed (%s at %s) holds mutex %s, never mutex_destroy()ed",
					   a->what, a->site, mutexes[i]->name);
			mutexes[i] = NULL;
		}

	for (i = 0; i < 16; i++)
		if (model_held[i] && (char *)model_held[i] >= (char *)a->addr &&
		    (char *)model_held[i] < (char *)a->addr + a->size)
			model_fail("LOCK", "memory freed (%s at %s) holds a lock that is still held", a->what, a->site);
}
