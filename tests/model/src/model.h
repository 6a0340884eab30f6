/* SPDX-License-Identifier: GPL-2.0 */
/*
 * model.h - the simulated machine seen by the code under test: the
 * always-built-in kernel (allocator, locks, airq, s390dbf, printk), the
 * firmware (SIC, CHSC) and the checks. Implemented in builtin.c (the
 * executable); the module (kvm.so: pci.c + extracted lifecycle code +
 * glue.c) calls it. Only basic C types here, no kernel services.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned int gfp_t;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;

/* virtual != physical: physical = virtual ^ MODEL_PHYS_BIT (non-canonical on x86-64) */
#define MODEL_PHYS_BIT (1UL << 62)

enum model_kind { MK_KMALLOC = 1, MK_PAGES, MK_AIRQ, MK_DEBUG };

struct page {			/* one per alloc_pages() allocation */
	unsigned long model_magic;
};

struct model_alloc {
	struct model_alloc *next;
	void *addr;		/* virtual address handed out */
	size_t size;		/* bytes */
	size_t n, elem;		/* kcalloc(n, elem) / kzalloc(size): n = 1 */
	enum model_kind kind;
	unsigned int order;	/* pages */
	const char *what;	/* allocating service */
	const char *site;	/* file:line of the call */
	unsigned long seq;
	const char *fw_held;	/* non-NULL: firmware holds it (what for) */
	void *extra;		/* airq: vector; pages: - */
	size_t extra_size;
	struct page pg;
};

struct model_lockdep {
	unsigned int magic;
	int held;		/* 0, 1 = this CPU, 2 = another CPU (probe) */
	const char *name;
	const char *site;
};

/* ---- allocator (every call is a fault-injection point) ---- */
void *model_kmalloc(size_t n, size_t elem, gfp_t gfp, const char *what, const char *file, int line);
void model_kfree(const void *p, const char *file, int line);
struct page *model_alloc_pages(gfp_t gfp, unsigned int order, const char *file, int line);
void *model_page_address(const struct page *page);
void model___free_pages(struct page *page, unsigned int order, const char *file, int line);
void model_free_pages(unsigned long addr, unsigned int order, const char *file, int line);
unsigned long model_get_zeroed_page(gfp_t gfp, const char *file, int line);
unsigned long model_virt_to_phys(const volatile void *p, const char *file, int line);
void *model_phys_to_virt(unsigned long pa, const char *file, int line);
unsigned long model_page_to_phys(const struct page *page, const char *file, int line);
const struct model_alloc *model_lookup(const void *p);	/* live allocation containing p */
int model_recently_freed(const void *p);
bool model_fallible(const char *what, const char *file, int line);
extern long model_pci_calls;	/* fallible calls made from pci.c (allocations, SIC) */

/* ---- locks ---- */
void model_lock_init(struct model_lockdep *l, const char *name, const char *file, int line);
void model_mutex_init(struct model_lockdep *l, const char *name, const char *file, int line);
void model_mutex_destroy(struct model_lockdep *l, const char *file, int line);
void model_lock(struct model_lockdep *l, const char *file, int line);
void model_unlock(struct model_lockdep *l, const char *file, int line);
void model_lockdep_assert_held(const struct model_lockdep *l, const char *expr, const char *file, int line);
int model_locks_held(void);

/* ---- printk, WARN, s390dbf, %p hashing ---- */
void model_printk(const char *level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool model_warn(const char *cond, const char *file, int line);
struct model_debug_info;
void model_dbf_event(struct model_debug_info *id, int level, const char *fmt, ...);
unsigned long model_hash_ptr(const void *p);

/* ---- checks ---- */
void model_fail(const char *tag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void model_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- firmware state (read-only for checks) ---- */
struct model_fw {
	int aeni_calls, aeni_registrations, irq_calls, chsc_calls;
	u64 faisb, gait;
	u8 afi;
	u16 faal;
	int floating[8];		/* SIC_IRQ_MODE_SINGLE seen per ISC */
	u32 gib_origin;			/* 0: no GIB associated */
	const void *gib;
};
extern struct model_fw model_fw;

/* ---- module interface: glue.c registers it when kvm.so is loaded ---- */
enum model_phase { PH_FWCALL, PH_AEN_INIT_RET, PH_AEN_EXIT_RET, PH_LOADED, PH_UNLOADED };
struct model_module {
	int nr_devices;
	int *gal_isc;				/* GAL_ISC of this module build */
	int (*arch_init)(void *);
	void (*arch_exit)(void);
	void (*inspect)(enum model_phase ph, int rc);	/* AIFT checks */
	int (*aift_state)(void);		/* -1 no aift, 0 idle, 1 AEN active */
	const void *(*aift_ptr)(void);
	int (*probe_d4)(void);			/* 1 lock taken first, 0 not, -1 n/a */
	int (*probe_d8)(void);			/* 1 lockdep fired, 0 not, -1 n/a */
	int aen_init_calls, aen_init_ok, aen_exit_calls;
};
void model_register_module(struct model_module *m);
void model_unregister_module(struct model_module *m);
extern struct model_module *model_mod;

#endif
