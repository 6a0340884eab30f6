// SPDX-License-Identifier: GPL-2.0
/*
 * alloc.c - the kernel's allocators as the model tracks them: kzalloc,
 * kcalloc, alloc_pages, get_zeroed_page (and, through airq.c and dbf.c,
 * airq_iv_create and debug_register). Every allocation records size,
 * elements, kind, order and call site; a wrong free function or order, a
 * double free, an unknown address or a free of memory firmware still
 * holds is a failure. Physical = virtual ^ MODEL_PHYS_BIT, so a mix-up of
 * the two is caught (D2; not in the identity address model, where they are
 * equal). At the end of a boot everything is released.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

struct model_stats model_stats;

static struct model_alloc *live;
static unsigned long seq;
static struct { const void *addr; const char *what; } freed_ring[1024];
static int freed_i;
#define PAGE_MAGIC 0x9a9e5eedUL

struct model_alloc *model_alloc_new(void *addr, size_t size, enum model_kind kind, const char *what,
				    const char *file, int line)
{
	struct model_alloc *a = calloc(1, sizeof(*a));

	if (!a)
		abort();
	a->addr = addr;
	a->size = size;
	a->n = 1;
	a->elem = size;
	a->kind = kind;
	a->what = model_intern(what);
	a->site = strdup(model_site(file, line));
	a->seq = ++seq;
	a->next = live;
	live = a;
	model_stats.allocs++;
	model_stats.live_allocs++;
	model_stats.bytes_allocated += size;
	model_stats.live_bytes += size;
	return a;
}

struct model_alloc *model_alloc_find(const void *p)
{
	struct model_alloc *a;

	for (a = live; a; a = a->next)
		if (a->addr == p)
			return a;
	return NULL;
}

const struct model_alloc *model_lookup(const void *p)
{
	struct model_alloc *a;
	const char *c = p;

	if (!p)
		return NULL;
	for (a = live; a; a = a->next) {
		if (c >= (char *)a->addr && c < (char *)a->addr + (a->size ? a->size : 1))
			return a;
		if (a->extra && c >= (char *)a->extra && c < (char *)a->extra + a->extra_size)
			return a;
	}
	return NULL;
}

int model_recently_freed(const void *p)
{
	int i;

	for (i = 0; i < 1024; i++)
		if (freed_ring[i].addr == p)
			return 1;
	return 0;
}

struct model_alloc *model_allocs(void)
{
	return live;
}

static int powering_off;

void model_alloc_free(struct model_alloc *a)
{
	struct model_alloc **pp;

	model_locks_check_free(a, powering_off);
	for (pp = &live; *pp; pp = &(*pp)->next)
		if (*pp == a) {
			*pp = a->next;
			break;
		}
	model_stats.frees++;
	model_stats.live_allocs--;
	model_stats.live_bytes -= a->size;
	freed_ring[freed_i].addr = a->addr;
	freed_ring[freed_i].what = a->what;
	freed_i = (freed_i + 1) % 1024;
	free(a->extra);
	free(a->addr);
	free((void *)a->site);
	free(a);
}

/* bad free: say what it was */
void model_bad_free(const char *fn, const void *p, const char *file, int line)
{
	unsigned long v = (unsigned long)p;

	if ((v & MODEL_PHYS_BIT) && model_alloc_find((void *)(v ^ MODEL_PHYS_BIT)))
		model_fail("D2-PHYS-VIRT", "%s(%#lx) at %s: a physical address, the allocation is at virtual %#lx",
			   fn, v, model_site(file, line), v ^ MODEL_PHYS_BIT);
	else if (model_recently_freed(p))
		model_fail("MEM", "%s(%#lx) at %s: double free", fn, v, model_site(file, line));
	else
		model_fail("MEM", "%s(%#lx) at %s: not a live allocation", fn, v, model_site(file, line));
}

int model_fw_held_free(struct model_alloc *a, const char *fn, const char *file, int line)
{
	if (!a->fw_held)
		return 0;
	model_fail(strstr(a->fw_held, "GIB") ? "D5-GIB-HELD-FREED" : "FW", "%s() at %s frees memory firmware still holds: %s",
		   fn, model_site(file, line), a->fw_held);
	return 1;	/* keep it: firmware would keep writing there */
}

void *model_kmalloc(size_t n, size_t elem, gfp_t gfp, const char *what, const char *file, int line)
{
	struct model_alloc *a;
	void *p;

	if (n && elem > (size_t)-1 / n)
		return NULL;
	if (!n || !elem)
		model_fail("MEM", "%s of 0 bytes at %s", what, model_site(file, line));
	if (model_fallible(what, file, line))
		return NULL;
	p = malloc(n * elem + !(n * elem != 0));
	if (!p)
		abort();
	memset(p, (gfp & __GFP_ZERO) ? 0 : 0xa5, n * elem);
	a = model_alloc_new(p, n * elem, MK_KMALLOC, what, file, line);
	a->n = n;
	a->elem = elem;
	return p;
}

void model_kfree(const void *p, const char *file, int line)
{
	struct model_alloc *a;

	if (!p)
		return;
	a = model_alloc_find(p);
	if (!a)
		return model_bad_free("kfree", p, file, line);
	if (a->kind != MK_KMALLOC) {
		model_fail("MEM", "kfree() at %s of a %s allocation (from %s): wrong free function",
			   model_site(file, line), a->what, a->site);
		return;
	}
	if (model_fw_held_free(a, "kfree", file, line))
		return;
	model_alloc_free(a);
}

struct model_alloc *model_pages_alloc(gfp_t gfp, unsigned int order, const char *what, const char *file, int line)
{
	struct model_alloc *a;
	size_t size = PAGE_SIZE << order;
	void *p;

	if (order > 10) {
		model_fail("MEM", "%s(order %u) at %s: absurd order", what, order, model_site(file, line));
		return NULL;
	}
	if (model_fallible(what, file, line))
		return NULL;
	p = aligned_alloc(PAGE_SIZE, size);
	if (!p)
		abort();
	memset(p, (gfp & __GFP_ZERO) ? 0 : 0xa5, size);
	a = model_alloc_new(p, size, MK_PAGES, what, file, line);
	a->order = order;
	a->pg.model_magic = PAGE_MAGIC;
	return a;
}

struct page *model_alloc_pages(gfp_t gfp, unsigned int order, const char *file, int line)
{
	struct model_alloc *a = model_pages_alloc(gfp, order, "alloc_pages", file, line);

	return a ? &a->pg : NULL;
}

unsigned long model_get_zeroed_page(gfp_t gfp, const char *file, int line)
{
	struct model_alloc *a = model_pages_alloc(gfp | __GFP_ZERO, 0, "get_zeroed_page", file, line);

	return a ? (unsigned long)a->addr : 0;
}

static struct model_alloc *page_rec(const struct page *page)
{
	struct model_alloc *a;

	for (a = live; a; a = a->next)
		if (a->kind == MK_PAGES && &a->pg == page)
			return a;
	return NULL;
}

void *model_page_address(const struct page *page)
{
	struct model_alloc *a = page_rec(page);

	if (!a) {
		model_fail("MEM", "page_address() of a struct page that is not a live allocation");
		return NULL;
	}
	return a->addr;
}

unsigned long model_page_to_phys(const struct page *page, const char *file, int line)
{
	struct model_alloc *a = page_rec(page);

	if (!a) {
		model_fail("MEM", "page_to_phys() at %s of a struct page that is not live", model_site(file, line));
		return 0;
	}
	return (unsigned long)a->addr ^ MODEL_PHYS_BIT;
}

static void pages_free(struct model_alloc *a, unsigned int order, const char *fn, const char *file, int line)
{
	if (a->kind != MK_PAGES) {
		model_fail("MEM", "%s() at %s of a %s allocation (from %s): wrong free function",
			   fn, model_site(file, line), a->what, a->site);
		return;
	}
	if (order != a->order) {
		model_fail("MEM", "%s() at %s with order %u, allocated with order %u at %s",
			   fn, model_site(file, line), order, a->order, a->site);
		return;
	}
	if (model_fw_held_free(a, fn, file, line))
		return;
	model_alloc_free(a);
}

void model___free_pages(struct page *page, unsigned int order, const char *file, int line)
{
	struct model_alloc *a = page_rec(page);

	if (!a) {
		model_fail("MEM", "__free_pages() at %s of a struct page that is not live%s", model_site(file, line),
			   page ? "" : " (NULL)");
		return;
	}
	pages_free(a, order, "__free_pages", file, line);
}

void model_free_pages(unsigned long addr, unsigned int order, const char *file, int line)
{
	struct model_alloc *a;

	if (!addr)
		return;
	a = model_alloc_find((void *)addr);
	if (!a)
		return model_bad_free(order ? "free_pages" : "free_page(s)", (void *)addr, file, line);
	pages_free(a, order, "free_pages", file, line);
}

unsigned long model_virt_to_phys(const volatile void *p, const char *file, int line)
{
	unsigned long v = (unsigned long)p;

	if (v & MODEL_PHYS_BIT)
		model_fail("D2-PHYS-VIRT", "virt_to_phys(%#lx) at %s: applied to a physical address", v, model_site(file, line));
	return v ^ MODEL_PHYS_BIT;
}

void *model_phys_to_virt(unsigned long pa, const char *file, int line)
{
	if (MODEL_PHYS_BIT && !(pa & MODEL_PHYS_BIT))
		model_fail("D2-PHYS-VIRT", "phys_to_virt(%#lx) at %s: not a physical address", pa, model_site(file, line));
	return (void *)(pa ^ MODEL_PHYS_BIT);
}

/* what may remain when no module is loaded: firmware-held memory and the preserved AIPB/sbv */
int model_check_residue(const char *when, const void *skip)
{
	struct model_alloc *a;
	int bad = 0;

	for (a = live; a; a = a->next) {
		if (a->fw_held || a->addr == (void *)zpci_aipb || a->addr == (void *)zpci_aif_sbv || a->addr == skip)
			continue;
		if (a->kind == MK_PAGES && model_fw.gib == a->addr)
			continue;
		bad++;
		model_fail("MEM", "leak %s: %zu bytes from %s at %s", when, a->size + a->extra_size, a->what, a->site);
	}
	return bad;
}

/* end of the boot: release everything so ASan/valgrind see no leak */
void model_poweroff(void)
{
	powering_off = 1;
	while (live) {
		live->fw_held = NULL;
		if (live->kind == MK_AIRQ)
			model_stats.live_bytes -= live->extra_size;
		model_alloc_free(live);
	}
	zpci_aipb = NULL;
	zpci_aif_sbv = NULL;
}
