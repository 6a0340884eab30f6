// SPDX-License-Identifier: GPL-2.0
/*
 * Module part: the module's init and exit exactly as they are in the
 * tree's arch/s390/kvm/kvm-s390.c (extracted into kvm-s390-init.c):
 * kvm_arch_init() and kvm_arch_exit() of 5.10 and 6.1, __kvm_s390_init()
 * and __kvm_s390_exit() of 6.12, 6.18 and 7.2.
 */
#include "model.h"
#include "pci.h"

debug_info_t *kvm_s390_dbf;
debug_info_t *kvm_s390_dbf_uv;
struct kvm_device_ops kvm_flic_ops = { .name = "kvm-flic" };

static void kvm_s390_cpu_feat_init(void)
{
}

#ifdef MODEL_UPSTREAM	/* what it registers: the epoch notifier; 6.12, 6.18: two gmap notifiers (one is vsie.c's) */
static struct notifier_block kvm_clock_notifier;
static struct gmap_notifier gmap_notifier;
static struct gmap_notifier vsie_gmap_notifier;

static void kvm_gmap_notifier(struct gmap *gmap, unsigned long start, unsigned long end)
{
}

static void kvm_s390_vsie_gmap_notifier(struct gmap *gmap, unsigned long start, unsigned long end)
{
}
#endif

#define kvm_s390_pci_init() model_hook_pci_init()
#define kvm_s390_pci_aen_init(nisc) model_hook_aen_init(nisc)
#define kvm_s390_pci_aen_exit() model_hook_aen_exit()

#include "kvm-s390-init.c"

#ifdef MODEL_UPSTREAM	/* what kvm_s390_init() and kvm_s390_exit() call (6.1: kvm_init() and kvm_exit()) */
int model_kvm_s390_init(void *unused)
{
#ifdef MODEL_KVM_ARCH_INIT
	return kvm_arch_init(unused);
#else
	return __kvm_s390_init();
#endif
}

void model_kvm_s390_exit(void)
{
#ifdef MODEL_KVM_ARCH_INIT
	kvm_arch_exit();
#else
	__kvm_s390_exit();
#endif
}
#endif
