/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Services used by the lifecycle code extracted from the tree
 * (kvm_s390_gib_init/destroy of interrupt.c, kvm_arch_init/exit of
 * kvm-s390.c). Not visible to pci.c. The kernel types they use (struct
 * airq_struct, struct css_general_char, ...) are the tree's: kernel-defs.h.
 */
#ifndef SHIM_LIFECYCLE_H
#define SHIM_LIFECYCLE_H
#include "model_kernel.h"
#include "kvm-s390.h"
#include <asm/sclp.h>

#define GFP_DMA 0x02u

int model_register_adapter_interrupt(struct airq_struct *airq, const char *file, int line);
void model_unregister_adapter_interrupt(struct airq_struct *airq, const char *file, int line);
#define register_adapter_interrupt(a) model_register_adapter_interrupt((a), __FILE__, __LINE__)
#define unregister_adapter_interrupt(a) model_unregister_adapter_interrupt((a), __FILE__, __LINE__)

int model_chsc_sgib(u32 origin, const char *file, int line);
#define chsc_sgib(origin) model_chsc_sgib((origin), __FILE__, __LINE__)

#define get_zeroed_page(gfp) model_get_zeroed_page((gfp), __FILE__, __LINE__)
#define free_page(addr) model_free_pages((addr), 0, __FILE__, __LINE__)

extern struct css_general_char css_general_characteristics;

struct debug_view {
	const char *name;
};
extern struct debug_view debug_sprintf_view;
debug_info_t *model_debug_register(const char *name, int pages, int nr_areas, int buf_size,
				   const char *file, int line);
int model_debug_register_view(debug_info_t *id, struct debug_view *view, const char *file, int line);
void model_debug_unregister(debug_info_t *id, const char *file, int line);
#define debug_register(n, p, a, s) model_debug_register((n), (p), (a), (s), __FILE__, __LINE__)
#define debug_register_view(id, v) model_debug_register_view((id), (v), __FILE__, __LINE__)
#define debug_unregister(id) model_debug_unregister((id), __FILE__, __LINE__)

struct kvm_device_ops {
	const char *name;
};
#define KVM_DEV_TYPE_FLIC 6
int model_kvm_register_device_ops(const struct kvm_device_ops *ops, u32 type, const char *file, int line);
#define kvm_register_device_ops(o, t) model_kvm_register_device_ops((o), (t), __FILE__, __LINE__)

/* the upstream module init: GFP_KERNEL_ACCOUNT, the epoch and (6.12, 6.18) gmap notifiers (src/airq.c) */
#define GFP_KERNEL_ACCOUNT GFP_KERNEL
struct notifier_block {
	int (*notifier_call)(struct notifier_block *nb, unsigned long action, void *data);
};
struct atomic_notifier_head {
	int unused;
};
extern struct atomic_notifier_head s390_epoch_delta_notifier;
int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *nb);
struct gmap;
struct gmap_notifier {
	void (*notifier_call)(struct gmap *gmap, unsigned long start, unsigned long end);
};
void gmap_register_pte_notifier(struct gmap_notifier *nb);
void gmap_unregister_pte_notifier(struct gmap_notifier *nb);

/*
 * GAL_ISC is compiled into the module: here a module variable (glue.c),
 * which starts as the tree's GAL_ISC (kernel-defs.h), MODEL_GAL_ISC
 */
enum { MODEL_GAL_ISC = GAL_ISC };
#undef GAL_ISC
extern int model_gal_isc;
#define GAL_ISC model_gal_isc

int kvm_arch_init(void *opaque);
void kvm_arch_exit(void);
int model_kvm_s390_init(void *unused);	/* upstream: kvm_arch_init/exit (6.1) or __kvm_s390_init/exit */
void model_kvm_s390_exit(void);
#endif
