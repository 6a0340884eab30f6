// SPDX-License-Identifier: GPL-2.0
/*
 * builtin.c - the simulated machine: the always-built-in kernel services
 * the module calls (tracked allocator, locks, airq, s390dbf, printk), the
 * firmware (SIC, CHSC), and fault injection. One process = one boot.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include "model.h"
#include "../shim/model_kernel.h"
#include "../shim/asm/pci.h"
#include "../shim/asm/airq.h"
#include "../shim/lifecycle.h"

/* ---------------- reporting ---------------- */
int model_failures;
int model_quiet;
int model_verbose;
const char *model_ctx = "";
char model_tags[256];		/* tags of failures seen, " D1 D2 ..." */
static int printed;

void model_fail(const char *tag, const char *fmt, ...)
{
	va_list ap;
	char t[16];

	model_failures++;
	snprintf(t, sizeof(t), " %s ", tag);
	if (!strstr(model_tags, t) && strlen(model_tags) + strlen(t) < sizeof(model_tags))
		strcat(model_tags, t + (model_tags[0] ? 1 : 0));
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
static const char *intern(const char *s)
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

static const char *base(const char *f)
{
	const char *s = strrchr(f, '/');

	return s ? s + 1 : f;
}

static const char *site(const char *file, int line)
{
	static char ring[64][80];
	static int i;
	char *s = ring[i++ % 64];

	snprintf(s, 80, "%s:%d", base(file), line);
	return s;
}

/* ---------------- fault injection ---------------- */
int model_inject_at;		/* 1-based index of the fallible call to fail, 0 = none */
int model_fallible_count;
long model_pci_calls;		/* fallible calls (allocations, SIC) made from pci.c */
char model_injected[128];
char model_sites[256][96];	/* names of the fallible calls, while counting */

bool model_fallible(const char *what, const char *file, int line)
{
	int n = ++model_fallible_count;

	if (!strcmp(base(file), "pci.c"))
		model_pci_calls++;

	if (n <= 256)
		snprintf(model_sites[n - 1], sizeof(model_sites[0]), "%s@%s:%d", what, base(file), line);
	if (model_inject_at && n == model_inject_at) {
		snprintf(model_injected, sizeof(model_injected), "%s@%s:%d", what, base(file), line);
		return true;
	}
	return false;
}

/* ---------------- allocator ---------------- */
struct model_stats {
	long allocs, frees, live_allocs;
	long bytes_allocated, live_bytes;
} model_stats;

static struct model_alloc *live;
static unsigned long seq;
static struct { const void *addr; const char *what; } freed_ring[1024];
static int freed_i;
#define PAGE_MAGIC 0x9a9e5eedUL

static struct model_alloc *rec_new(void *addr, size_t size, enum model_kind kind, const char *what,
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
	a->what = intern(what);
	a->site = strdup(site(file, line));
	a->seq = ++seq;
	a->next = live;
	live = a;
	model_stats.allocs++;
	model_stats.live_allocs++;
	model_stats.bytes_allocated += size;
	model_stats.live_bytes += size;
	return a;
}

static struct model_alloc *rec_find(const void *p)	/* exact start */
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

extern struct model_lockdep *model_held[16];
static struct model_lockdep *mutexes[16];	/* initialized, not destroyed */
static int powering_off;

static void rec_free(struct model_alloc *a)
{
	struct model_alloc **pp;
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
static void bad_free(const char *fn, const void *p, const char *file, int line)
{
	unsigned long v = (unsigned long)p;

	if ((v & MODEL_PHYS_BIT) && rec_find((void *)(v ^ MODEL_PHYS_BIT)))
		model_fail("D2", "%s(%#lx) at %s: a physical address, the allocation is at virtual %#lx",
			   fn, v, site(file, line), v ^ MODEL_PHYS_BIT);
	else if (model_recently_freed(p))
		model_fail("MEM", "%s(%#lx) at %s: double free", fn, v, site(file, line));
	else
		model_fail("MEM", "%s(%#lx) at %s: not a live allocation", fn, v, site(file, line));
}

static int fw_held_free(struct model_alloc *a, const char *fn, const char *file, int line)
{
	if (!a->fw_held)
		return 0;
	model_fail(strstr(a->fw_held, "GIB") ? "D5" : "FW", "%s() at %s frees memory firmware still holds: %s",
		   fn, site(file, line), a->fw_held);
	return 1;	/* keep it: firmware would keep writing there */
}

void *model_kmalloc(size_t n, size_t elem, gfp_t gfp, const char *what, const char *file, int line)
{
	struct model_alloc *a;
	void *p;

	if (n && elem > (size_t)-1 / n)
		return NULL;
	if (!n || !elem)
		model_fail("MEM", "%s of 0 bytes at %s", what, site(file, line));
	if (model_fallible(what, file, line))
		return NULL;
	p = malloc(n * elem + !(n * elem != 0));
	if (!p)
		abort();
	memset(p, (gfp & __GFP_ZERO) ? 0 : 0xa5, n * elem);
	a = rec_new(p, n * elem, MK_KMALLOC, what, file, line);
	a->n = n;
	a->elem = elem;
	return p;
}

void model_kfree(const void *p, const char *file, int line)
{
	struct model_alloc *a;

	if (!p)
		return;
	a = rec_find(p);
	if (!a)
		return bad_free("kfree", p, file, line);
	if (a->kind != MK_KMALLOC) {
		model_fail("MEM", "kfree() at %s of a %s allocation (from %s): wrong free function",
			   site(file, line), a->what, a->site);
		return;
	}
	if (fw_held_free(a, "kfree", file, line))
		return;
	rec_free(a);
}

static struct model_alloc *pages_alloc(gfp_t gfp, unsigned int order, const char *what, const char *file, int line)
{
	struct model_alloc *a;
	size_t size = PAGE_SIZE << order;
	void *p;

	if (order > 10) {
		model_fail("MEM", "%s(order %u) at %s: absurd order", what, order, site(file, line));
		return NULL;
	}
	if (model_fallible(what, file, line))
		return NULL;
	p = aligned_alloc(PAGE_SIZE, size);
	if (!p)
		abort();
	memset(p, (gfp & __GFP_ZERO) ? 0 : 0xa5, size);
	a = rec_new(p, size, MK_PAGES, what, file, line);
	a->order = order;
	a->pg.model_magic = PAGE_MAGIC;
	return a;
}

struct page *model_alloc_pages(gfp_t gfp, unsigned int order, const char *file, int line)
{
	struct model_alloc *a = pages_alloc(gfp, order, "alloc_pages", file, line);

	return a ? &a->pg : NULL;
}

unsigned long model_get_zeroed_page(gfp_t gfp, const char *file, int line)
{
	struct model_alloc *a = pages_alloc(gfp | __GFP_ZERO, 0, "get_zeroed_page", file, line);

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
		model_fail("MEM", "page_to_phys() at %s of a struct page that is not live", site(file, line));
		return 0;
	}
	return (unsigned long)a->addr ^ MODEL_PHYS_BIT;
}

static void pages_free(struct model_alloc *a, unsigned int order, const char *fn, const char *file, int line)
{
	if (a->kind != MK_PAGES) {
		model_fail("MEM", "%s() at %s of a %s allocation (from %s): wrong free function",
			   fn, site(file, line), a->what, a->site);
		return;
	}
	if (order != a->order) {
		model_fail("MEM", "%s() at %s with order %u, allocated with order %u at %s",
			   fn, site(file, line), order, a->order, a->site);
		return;
	}
	if (fw_held_free(a, fn, file, line))
		return;
	rec_free(a);
}

void model___free_pages(struct page *page, unsigned int order, const char *file, int line)
{
	struct model_alloc *a = page_rec(page);

	if (!a) {
		model_fail("MEM", "__free_pages() at %s of a struct page that is not live%s", site(file, line),
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
	a = rec_find((void *)addr);
	if (!a)
		return bad_free(order ? "free_pages" : "free_page(s)", (void *)addr, file, line);
	pages_free(a, order, "free_pages", file, line);
}

unsigned long model_virt_to_phys(const volatile void *p, const char *file, int line)
{
	unsigned long v = (unsigned long)p;

	if (v & MODEL_PHYS_BIT)
		model_fail("D2", "virt_to_phys(%#lx) at %s: applied to a physical address", v, site(file, line));
	return v ^ MODEL_PHYS_BIT;
}

void *model_phys_to_virt(unsigned long pa, const char *file, int line)
{
	if (!(pa & MODEL_PHYS_BIT))
		model_fail("D2", "phys_to_virt(%#lx) at %s: not a physical address", pa, site(file, line));
	return (void *)(pa ^ MODEL_PHYS_BIT);
}

/* ---------------- airq ---------------- */
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
	a = rec_new(iv, sizeof(*iv), MK_AIRQ, "airq_iv_create", file, line);
	a->extra = iv->vector;
	a->extra_size = vsize;
	model_stats.bytes_allocated += vsize;
	model_stats.live_bytes += vsize;
	a->size = sizeof(*iv);
	return iv;
}

void model_airq_iv_release(struct airq_iv *iv, const char *file, int line)
{
	struct model_alloc *a = rec_find(iv);

	if (!a)
		return bad_free("airq_iv_release", iv, file, line);
	if (a->kind != MK_AIRQ) {
		model_fail("MEM", "airq_iv_release() at %s of a %s allocation: wrong free function", site(file, line), a->what);
		return;
	}
	if (fw_held_free(a, "airq_iv_release", file, line))
		return;
	model_stats.live_bytes -= a->extra_size;
	rec_free(a);
}

/* ---------------- locks ---------------- */
#define LOCK_MAGIC 0x10c4dead
struct model_lockdep *model_held[16];
int model_expect_lockdep, model_lockdep_violations;
int model_allow_faal_mismatch;
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
		model_fail("LOCK", "%s initialized at %s while held", name, site(file, line));
	l->magic = LOCK_MAGIC;
	l->held = 0;
	l->name = intern(name);
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
	if (!found || l->magic != LOCK_MAGIC)
		model_fail("LOCK", "mutex_destroy() at %s of a mutex that is not initialized", site(file, line));
	else if (l->held)
		model_fail("LOCK", "mutex_destroy() at %s of %s while it is held", site(file, line), l->name);
	l->magic = 0;	/* using it again is a use before init */
}

void model_lock(struct model_lockdep *l, const char *file, int line)
{
	int i;

	if (l->magic != LOCK_MAGIC) {
		model_fail("LOCK", "lock at %#lx taken at %s before it was initialized",
			   (unsigned long)l, site(file, line));
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
			   site(file, line), l->site ? l->site : "?");
		return;
	}
	l->held = 1;
	l->site = strdup(site(file, line));
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
			   site(file, line));
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
		model_fail("LOCK", "lockdep_assert_held(%s) at %s: not held", expr, site(file, line));
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

/* ---------------- printk, %p, s390dbf ---------------- */
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
			if (p)
				snprintf(tmp, sizeof(tmp), "%016lx", model_hash_ptr(p));
			else
				snprintf(tmp, sizeof(tmp), "(null)");
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
static void format_line(char *buf, size_t size, const char *fmt, va_list ap)
{
	size_t l;

	vformat(buf, size, fmt, ap);
	l = strlen(buf);
	if (l && buf[l - 1] == '\n')
		buf[l - 1] = 0;
}

char model_log[64][256];	/* printk and WARN lines since the last clear */
int model_nlog;
char model_rec[64][256];	/* kvm-trace records since the last clear */
int model_nrec, model_rec_dropped;

static void add_line(char (*lines)[256], int *n, const char *s)
{
	if (*n < 64)
		snprintf(lines[(*n)++], 256, "%s", s);
}

void model_printk(const char *level, const char *fmt, ...)
{
	char line[256], out[300];
	va_list ap;

	va_start(ap, fmt);
	format_line(line, sizeof(line), fmt, ap);
	va_end(ap);
	snprintf(out, sizeof(out), "%s: %s", level, line);
	add_line(model_log, &model_nlog, out);
	if (!model_quiet)
		printf("  log [%s] %s\n", model_ctx, out);
}

bool model_warn(const char *cond, const char *file, int line)
{
	char s[256];

	snprintf(s, sizeof(s), "WARNING: WARN_ON_ONCE(%s) at %s", cond, site(file, line));
	add_line(model_log, &model_nlog, s);
	model_fail("WARN", "%s", s);
	return true;
}

struct model_debug_info {
	char name[32];
	int level;
	int views;
};
struct debug_view debug_sprintf_view = { "sprintf" };

void model_dbf_event(struct model_debug_info *id, int level, const char *fmt, ...)
{
	struct model_alloc *a;
	char line[256];
	va_list ap;

	if (!id) {
		model_rec_dropped++;
		return;
	}
	a = rec_find(id);
	if (!a || a->kind != MK_DEBUG) {
		model_fail("REC", "KVM_EVENT into a debug feature that is not registered");
		return;
	}
	if (level > id->level)
		return;
	va_start(ap, fmt);
	format_line(line, sizeof(line), fmt, ap);
	va_end(ap);
	add_line(model_rec, &model_nrec, line);
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
	rec_new(id, sizeof(*id), MK_DEBUG, "debug_register", file, line);
	return id;
}

int model_debug_register_view(debug_info_t *id, struct debug_view *view, const char *file, int line)
{
	struct model_alloc *a = rec_find(id);

	if (!a || a->kind != MK_DEBUG) {
		model_fail("MEM", "debug_register_view() at %s on an unregistered debug feature", site(file, line));
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
	a = rec_find(id);
	if (!a || a->kind != MK_DEBUG)
		return bad_free("debug_unregister", id, file, line);
	rec_free(a);
}

int model_kvm_register_device_ops(const struct kvm_device_ops *ops, u32 type, const char *file, int line)
{
	if (model_fallible("kvm_register_device_ops", file, line))
		return -EEXIST;
	return 0;
}

/* ---------------- firmware and the built-in s390 PCI / CIO state ---------------- */
struct model_fw model_fw;
union zpci_sic_iib *zpci_aipb;
struct airq_iv *zpci_aif_sbv;
struct sclp_info sclp = { .has_zpci_lsi = 1, .has_aisi = 1, .has_aeni = 1, .has_aisii = 1 };
unsigned int model_machine_type = 0x8561;	/* z15: none of the excluded types */
struct css_general_char css_general_characteristics = { .aiv = 1 };
struct model_module *model_mod;
static struct airq_struct *airqs[4];

void model_register_module(struct model_module *m)
{
	model_mod = m;
}

void model_unregister_module(struct model_module *m)
{
	if (model_mod == m)
		model_mod = NULL;
}

static int sic_aeni(const union zpci_sic_iib *iib)
{
	const struct zpci_aipb *p = &iib->aipb;
	u64 gait = p->gait, faisb = p->faisb;
	unsigned int faal = p->faal, afi = p->afi;
	struct model_alloc *g, *s;
	size_t need = (size_t)faal * 16, i;

	if (model_fw.aeni_registrations) {
		model_fail("FW", "second SIC set-AENI-controls in one boot (firmware accepts it once; zpci_aipb=%s)",
			   zpci_aipb ? "set" : "NULL");
		return -EIO;
	}
	if (!faal) {
		model_fail("FW", "SIC set-AENI-controls with faal 0");
		return -EIO;
	}
	if (!(gait & MODEL_PHYS_BIT) || !(faisb & MODEL_PHYS_BIT)) {
		model_fail("D2", "SIC set-AENI-controls given a non-physical address (gait %#lx, faisb %#lx): firmware rejects it",
			   (unsigned long)gait, (unsigned long)faisb);
		return -EIO;
	}
	g = (struct model_alloc *)model_lookup((void *)(gait ^ MODEL_PHYS_BIT));
	if (!g || (char *)(gait ^ MODEL_PHYS_BIT) + need > (char *)g->addr + g->size || g->kind == MK_AIRQ) {
		model_fail("FW", "SIC AENI: gait %#lx is not the physical address of live memory of %zu bytes (faal %u)",
			   (unsigned long)gait, need, faal);
		return -EIO;
	}
	for (i = 0; i < need; i++)
		if (((unsigned char *)(gait ^ MODEL_PHYS_BIT))[i]) {
			model_fail("FW", "SIC AENI: the GAIT is not zeroed (byte %zu)", i);
			return -EIO;
		}
	s = (struct model_alloc *)model_lookup((void *)(faisb ^ MODEL_PHYS_BIT));
	if (!s || s->kind != MK_AIRQ || s->extra != (void *)(faisb ^ MODEL_PHYS_BIT) ||
	    ((struct airq_iv *)s->addr)->bits < faal) {
		model_fail("FW", "SIC AENI: faisb %#lx is not the physical address of a live summary bit vector of >= %u bits",
			   (unsigned long)faisb, faal);
		return -EIO;
	}
	model_fw.aeni_registrations++;
	model_fw.gait = gait;
	model_fw.faisb = faisb;
	model_fw.afi = afi;
	model_fw.faal = faal;
	g->fw_held = "GAIT registered with SIC set-AENI-controls";
	s->fw_held = "forwarding summary bit vector registered with SIC set-AENI-controls";
	return 0;
}

/*
 * The SIC instruction as 5.10's __zpci_set_irq_ctrl() wraps it: 0, or -EIO
 * (its only failure, no facility 72; the condition code is not returned).
 * Operands firmware rejects are model failures and return -EIO as well.
 */
int model_sic(u16 ctl, u8 isc, union zpci_sic_iib *iib, const char *file, int line)
{
	unsigned long v = (unsigned long)iib;

	if (ctl == SIC_SET_AENI_CONTROLS)
		model_fw.aeni_calls++;
	else
		model_fw.irq_calls++;
	if (model_mod && model_mod->inspect)
		model_mod->inspect(PH_FWCALL, 0);
	if (v & MODEL_PHYS_BIT) {
		model_fail("D2", "SIC operand (iib) %#lx is a physical address, not a pointer", v);
		return -EIO;
	}
	if (model_fallible(ctl == SIC_SET_AENI_CONTROLS ? "SIC(set AENI controls)" : "SIC(irq mode)", file, line))
		return -EIO;	/* 5.10: the only failure (no facility 72) */
	switch (ctl) {
	case SIC_SET_AENI_CONTROLS:
		return sic_aeni(iib);
	case SIC_IRQ_MODE_SINGLE:
		if (isc > 7) {
			model_fail("FW", "SIC irq mode single with ISC %u", isc);
			return -EIO;
		}
		model_fw.floating[isc]++;
		return 0;
	default:
		model_fail("FW", "unexpected SIC operation control %u", ctl);
		return -EIO;
	}
}

int model_chsc_sgib(u32 origin, const char *file, int line)
{
	struct model_alloc *a;

	model_fw.chsc_calls++;
	if (!origin) {
		if (model_fw.gib) {
			a = rec_find(model_fw.gib);
			if (a)
				a->fw_held = NULL;
		}
		model_fw.gib = NULL;
		model_fw.gib_origin = 0;
		return 0;
	}
	if (model_fallible("chsc_sgib", file, line))
		return -EIO;
	if (model_fw.gib_origin) {
		model_fail("FW", "chsc_sgib(%#x) at %s while a GIB is still associated", origin, site(file, line));
		return -EIO;
	}
	for (a = live; a; a = a->next)
		if (a->kind == MK_PAGES && !strcmp(a->what, "get_zeroed_page") && (u32)(unsigned long)a->addr == origin)
			break;
	if (!a) {
		model_fail("FW", "chsc_sgib(%#x) at %s: not a live page", origin, site(file, line));
		return -EIO;
	}
	a->fw_held = "GIB associated with firmware by chsc_sgib()";
	model_fw.gib = a->addr;
	model_fw.gib_origin = origin;
	return 0;
}

int model_register_adapter_interrupt(struct airq_struct *airq, const char *file, int line)
{
	int i;

	if (model_fallible("register_adapter_interrupt", file, line))
		return -ENOMEM;
	for (i = 0; i < 4; i++)
		if (airqs[i] == airq) {
			model_fail("FW", "register_adapter_interrupt() at %s: already registered", site(file, line));
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
	model_fail("FW", "unregister_adapter_interrupt() at %s: not registered", site(file, line));
}

int model_airqs_registered(void)
{
	int i, n = 0;

	for (i = 0; i < 4; i++)
		n += airqs[i] != NULL;
	return n;
}

/* exported zpci_aipb / zpci_aif_sbv agree with what firmware holds */
void model_check_builtin(const char *when)
{
	const struct model_alloc *a;

	if (model_fw.aeni_registrations) {
		a = model_lookup(zpci_aipb);
		if (!zpci_aipb || !a || a->addr != zpci_aipb) {
			model_fail("D6", "zpci_aipb %s although firmware holds a registration (%s)",
				   zpci_aipb ? "points at freed memory" : "is NULL", when);
		} else if (zpci_aipb->aipb.gait != model_fw.gait || zpci_aipb->aipb.faisb != model_fw.faisb ||
			   zpci_aipb->aipb.afi != model_fw.afi || zpci_aipb->aipb.faal != model_fw.faal) {
			model_fail("D6", "zpci_aipb contents differ from the registration firmware holds (%s)", when);
		}
		a = model_lookup(zpci_aif_sbv);
		if (!zpci_aif_sbv || !a || a->addr != zpci_aif_sbv ||
		    ((unsigned long)zpci_aif_sbv->vector ^ MODEL_PHYS_BIT) != model_fw.faisb)
			model_fail("D6", "zpci_aif_sbv is not the summary vector firmware holds (%s)", when);
	} else {
		if (zpci_aipb)
			model_fail("D6", "zpci_aipb is %s although nothing is registered with firmware (%s)",
				   model_lookup(zpci_aipb) ? "still set" : "dangling", when);
		if (zpci_aif_sbv)
			model_fail("D6", "zpci_aif_sbv is %s although nothing is registered with firmware (%s)",
				   model_lookup(zpci_aif_sbv) ? "still set" : "dangling", when);
	}
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

/* a previous kvm module registered AEN in this boot (as a correct one does) */
void model_preregister(int isc, int nr)
{
	struct model_alloc *g;
	int save = model_inject_at;

	model_inject_at = 0;
	zpci_aipb = model_kmalloc(1, sizeof(*zpci_aipb), GFP_KERNEL | __GFP_ZERO, "kzalloc", "prereg", 1);
	zpci_aif_sbv = model_airq_iv_create(nr, AIRQ_IV_ALLOC, "prereg", 2);
	g = pages_alloc(__GFP_ZERO, get_order(PAGE_ALIGN(nr * 16UL)), "alloc_pages", "prereg", 3);
	zpci_aipb->aipb.faisb = (unsigned long)zpci_aif_sbv->vector ^ MODEL_PHYS_BIT;
	zpci_aipb->aipb.gait = (unsigned long)g->addr ^ MODEL_PHYS_BIT;
	zpci_aipb->aipb.afi = isc;
	zpci_aipb->aipb.faal = nr;
	if (sic_aeni(zpci_aipb))
		abort();
	model_fw.aeni_calls++;
	model_inject_at = save;
}

/* end of the boot: release everything so ASan/valgrind see no leak */
void model_poweroff(void)
{
	powering_off = 1;
	while (live) {
		live->fw_held = NULL;
		if (live->kind == MK_AIRQ)
			model_stats.live_bytes -= live->extra_size;
		rec_free(live);
	}
	zpci_aipb = NULL;
	zpci_aif_sbv = NULL;
}
