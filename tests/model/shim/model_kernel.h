/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel services arch/s390/kvm/pci.c may use, and nothing more: a
 * call to anything else is an implicit declaration, which the Makefile
 * turns into a build error. Every shim header includes this one.
 */
#ifndef MODEL_KERNEL_H
#define MODEL_KERNEL_H
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

struct page {			/* one per alloc_pages() allocation */
	unsigned long model_magic;
};

struct model_lockdep {		/* inside every struct mutex and spinlock_t */
	unsigned int magic;
	int held;		/* 0, 1 = this CPU, 2 = another CPU (probe) */
	const char *name;
	const char *site;
};

/* the model's services behind the macros below (src/alloc.c, locks.c, printf.c, dbf.c) */
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
void model_lock_init(struct model_lockdep *l, const char *name, const char *file, int line);
void model_mutex_init(struct model_lockdep *l, const char *name, const char *file, int line);
void model_mutex_destroy(struct model_lockdep *l, const char *file, int line);
void model_lock(struct model_lockdep *l, const char *file, int line);
void model_unlock(struct model_lockdep *l, const char *file, int line);
void model_lockdep_assert_held(const struct model_lockdep *l, const char *expr, const char *file, int line);
void model_printk(const char *level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool model_warn(const char *cond, const char *file, int line);
struct model_debug_info;
void model_dbf_event(struct model_debug_info *id, int level, const char *fmt, ...);

#define NULL ((void *)0)
#define true 1
#define false 0
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __init
#define __exit
#define __must_check __attribute__((warn_unused_result))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option) (__is_defined(option) || __is_defined(option##_MODULE))

#define EPERM 1
#define ENOENT 2
#define EIO 5
#define ENOMEM 12
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define EINVAL 22
#define ENOSPC 28
#define EOPNOTSUPP 95

void *memset(void *s, int c, size_t n);

/* memory */
#define GFP_KERNEL 0x01u
#define __GFP_ZERO 0x100u
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)
static inline int get_order(unsigned long size)
{
	int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}
#define kzalloc(size, gfp) model_kmalloc(1, (size), (gfp) | __GFP_ZERO, "kzalloc", __FILE__, __LINE__)
#define kcalloc(n, size, gfp) model_kmalloc((n), (size), (gfp) | __GFP_ZERO, "kcalloc", __FILE__, __LINE__)
#define kfree(p) model_kfree((p), __FILE__, __LINE__)
#define alloc_pages(gfp, order) model_alloc_pages((gfp), (order), __FILE__, __LINE__)
#define page_address(page) model_page_address(page)
#define __free_pages(page, order) model___free_pages((page), (order), __FILE__, __LINE__)
#define free_pages(addr, order) model_free_pages((addr), (order), __FILE__, __LINE__)
#define virt_to_phys(p) model_virt_to_phys((p), __FILE__, __LINE__)
#define phys_to_virt(pa) model_phys_to_virt((pa), __FILE__, __LINE__)
#ifdef MODEL_SEED	/* the seed uses it; the series' contract does not */
#define page_to_phys(page) model_page_to_phys((page), __FILE__, __LINE__)
#endif
#ifdef MODEL_UPSTREAM	/* 7.2: typed allocations (the GFP argument is optional), page_to_virt */
#define kzalloc_obj(P, ...) \
	model_kmalloc(1, sizeof(__typeof__(P)), GFP_KERNEL | __GFP_ZERO, "kzalloc_obj", __FILE__, __LINE__)
#define kzalloc_objs(P, n, ...) \
	model_kmalloc((n), sizeof(__typeof__(P)), GFP_KERNEL | __GFP_ZERO, "kzalloc_objs", __FILE__, __LINE__)
#define page_to_virt(page) model_page_address(page)

struct list_head {
	struct list_head *next, *prev;
};
#endif

/* locks */
struct mutex {
	struct model_lockdep dep;
};
typedef struct spinlock {
	struct model_lockdep dep;
} spinlock_t;
#define mutex_init(m) model_mutex_init(&(m)->dep, #m, __FILE__, __LINE__)
#define mutex_destroy(m) model_mutex_destroy(&(m)->dep, __FILE__, __LINE__)
#define mutex_lock(m) model_lock(&(m)->dep, __FILE__, __LINE__)
#define mutex_unlock(m) model_unlock(&(m)->dep, __FILE__, __LINE__)
#define spin_lock_init(l) model_lock_init(&(l)->dep, #l, __FILE__, __LINE__)
#define spin_lock_irqsave(l, flags) \
	do { model_lock(&(l)->dep, __FILE__, __LINE__); (flags) = 0x5a5aUL; } while (0)
#define spin_unlock_irqrestore(l, flags) \
	do { (void)(flags); model_unlock(&(l)->dep, __FILE__, __LINE__); } while (0)
#define lockdep_assert_held(l) model_lockdep_assert_held(&(l)->dep, #l, __FILE__, __LINE__)

/* printk */
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_err(fmt, ...) model_printk("err", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) model_printk("warn", pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) model_printk("info", pr_fmt(fmt), ##__VA_ARGS__)
#define WARN_ON_ONCE(cond) ({						\
	static bool __warned;						\
	bool __c = !!(cond);						\
	if (__c && !__warned) {						\
		__warned = true;					\
		model_warn(#cond, __FILE__, __LINE__);			\
	}								\
	__c; })

#define EXPORT_SYMBOL(sym) extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym) extern __typeof__(sym) sym

struct kvm;
struct zpci_dev;
struct tpi_info;		/* in the airq handler of 6.1 and later */
struct hlist_node {
	struct hlist_node *next, **pprev;
};

/*
 * The tree's own definitions of what the code under test and the model
 * share (struct zpci_aipb, union zpci_sic_iib, SIC_*, struct sclp_info,
 * struct airq_iv, struct kvm_s390_gib, ...), verbatim with #line markers:
 * extract-lifecycle.sh writes it into SRC from the tree being modelled,
 * and says which. Types only: no service of the tree comes with them.
 */
#include "kernel-defs.h"
#endif
