/* SPDX-License-Identifier: GPL-2.0 */
/*
 * model.h - every declaration the model's own sources share: the machine
 * (report.c, alloc.c, airq.c, locks.c, printf.c, dbf.c, firmware.c), the
 * harness (load.c, scenarios.c) and the module side (glue.c, mod_*.c). It includes
 * the shims for the kernel types; pci.c never includes it and sees only
 * the shims.
 */
#ifndef MODEL_H
#define MODEL_H

#include "model_kernel.h"
#include "lifecycle.h"
#include <asm/pci.h>
#include <asm/airq.h>
#include <linux/kvm_host.h>
#include <linux/processor.h>
#include <setjmp.h>

/*
 * virtual != physical: physical = virtual ^ MODEL_PHYS_BIT (non-canonical on
 * x86-64). MODEL_ADDR_IDENTITY (prepare.sh: the tree's page.h makes __pa()
 * and __va() plain casts, as 6.1's does): physical == virtual, and the D2
 * checks, which need the two to differ, are off.
 */
#ifndef MODEL_ADDR_IDENTITY
#define MODEL_PHYS_BIT (1UL << 62)
#else
#define MODEL_PHYS_BIT 0UL
#endif

/*
 * Exit statuses, of the model and of each scenario (a child): the
 * Makefile defines MODEL_EXIT_PASS, _FAIL, _USAGE and _SKIP, and
 * _ASAN_ERROR and _VALGRIND_ERROR (what those tools exit with when they
 * report: a FAIL), from ../exit-status.
 */

/* ---- report.c: failures, notes, call sites, fault injection ---- */
extern int model_failures, model_quiet, model_verbose;
extern const char *model_ctx;		/* printed in every FAIL/note/log line */
void model_fail(const char *tag, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void model_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* the model cannot go on: a HARNESS failure, exit FAIL */
void model_harness(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
const char *model_intern(const char *s);
const char *model_site(const char *file, int line);
const char *model_base(const char *file);
extern int model_inject_at;		/* 1-based index of the fallible call to fail, 0 = none */
extern int model_fallible_count;
extern long model_pci_calls;		/* fallible calls (allocations, SIC) made from pci.c */
extern char model_injected[128];	/* the call that was failed */
extern char model_sites[256][96];	/* names of the fallible calls, while counting */
bool model_fallible(const char *what, const char *file, int line);

/* ---- alloc.c: the tracked allocator ---- */
enum model_kind { MK_KMALLOC = 1, MK_PAGES, MK_AIRQ, MK_DEBUG };

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

struct model_stats {
	long allocs, frees, live_allocs;
	long bytes_allocated, live_bytes;
};
extern struct model_stats model_stats;

struct model_alloc *model_alloc_new(void *addr, size_t size, enum model_kind kind, const char *what,
				    const char *file, int line);
void model_alloc_free(struct model_alloc *a);
struct model_alloc *model_alloc_find(const void *p);	/* allocation starting at p */
struct model_alloc *model_allocs(void);			/* the live list */
const struct model_alloc *model_lookup(const void *p);	/* live allocation containing p */
int model_recently_freed(const void *p);
void model_bad_free(const char *fn, const void *p, const char *file, int line);
int model_fw_held_free(struct model_alloc *a, const char *fn, const char *file, int line);
struct model_alloc *model_pages_alloc(gfp_t gfp, unsigned int order, const char *what, const char *file, int line);
int model_check_residue(const char *when, const void *skip);
void model_poweroff(void);

/* ---- airq.c ---- */
int model_airqs_registered(void);

/* ---- locks.c ---- */
int model_locks_held(void);
void model_locks_check_free(const struct model_alloc *a, bool powering_off);
extern int model_expect_lockdep, model_lockdep_violations;
void model_probe_arm(struct model_lockdep *l, jmp_buf *env);
void model_probe_end(void);

/* ---- printf.c: log lines, %p ---- */
unsigned long model_hash_ptr(const void *p);
void model_format_line(char *buf, size_t size, const char *fmt, va_list ap);
void model_add_line(char (*lines)[256], int *n, const char *s);
extern char model_log[64][256];		/* printk and WARN lines since the last clear */
extern int model_nlog;

/* ---- dbf.c: s390dbf ---- */
extern char model_rec[64][256];		/* kvm-trace records since the last clear */
extern int model_nrec;

/* ---- firmware.c: SIC, CHSC, facilities, the built-in zPCI state ---- */
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
void model_check_builtin(const char *when);
void model_preregister(int isc, int nr);

/* ---- load.c: the module interface; glue.c registers it when kvm.so is loaded ---- */
enum model_phase { PH_FWCALL, PH_AEN_INIT_RET, PH_AEN_EXIT_RET, PH_LOADED, PH_UNLOADED };
struct model_module {
	int nr_devices;
	bool upstream;				/* 6.1-7.2: an AEN failure fails the load */
	const char *init_name, *exit_name;	/* the module init/exit functions */
	int *gal_isc;				/* GAL_ISC of this module build */
	int (*arch_init)(void *);
	void (*arch_exit)(void);
	void (*inspect)(enum model_phase ph, int rc);	/* AIFT checks */
	int (*aift_state)(void);		/* -1 no aift, 0 idle, 1 AEN active */
	const void *(*aift_ptr)(void);
	int (*probe_d4)(void);			/* 1 lock taken first, 0 not, -1 n/a */
	int (*probe_d8)(void);			/* 1 lockdep fired, 0 not, -1 n/a */
	int aen_init_ok;
};
void model_register_module(struct model_module *m);
void model_unregister_module(struct model_module *m);
extern struct model_module *model_mod;
extern int model_allow_faal_mismatch;	/* reuse-nr: report an accepted reload, not the AIFT */

/* ---- load.c: insmod/rmmod and the checks between them, for scenarios.c ---- */
struct model_load_res {
	int rc, aen_init_ok;
	long allocs, bytes, fwcalls;
};
extern struct model_load_res model_last;	/* what the last model_load() did */
extern char model_mod_dir[512];		/* --mod=DIR */
extern int model_records;		/* 1: assert the aen: records; -1: the tree emits none */
extern void *model_handle;		/* the loaded module, NULL when none is */
long model_sic_calls(void);
int model_load(const char *so, int isc);	/* -1: the module's own ISC */
void model_unload(void);
int model_has_text(char (*lines)[256], int n, const char *const *words);
void model_check_records(const char *kind, int isc, int nr);
void model_check_loaded(int first, int isc, int nr, const void *aipb_before);
void model_end_boot(const char *name);	/* the verdict of this boot: exits */

/* ---- glue.c: the calls of the lifecycle code into pci.c, checked ---- */
int model_hook_pci_init(void);		/* the seed only */
int model_hook_aen_init(u8 nisc);
void model_hook_aen_exit(void);

#endif
