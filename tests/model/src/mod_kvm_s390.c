// SPDX-License-Identifier: GPL-2.0
/*
 * Module part: kvm_arch_init() and kvm_arch_exit() exactly as they are in
 * the tree's arch/s390/kvm/kvm-s390.c (extracted into kvm-s390-arch.c).
 */
#include "model.h"
#include "pci.h"

debug_info_t *kvm_s390_dbf;
debug_info_t *kvm_s390_dbf_uv;
struct kvm_device_ops kvm_flic_ops = { .name = "kvm-flic" };

static void kvm_s390_cpu_feat_init(void)
{
}

#define kvm_s390_pci_init() model_hook_pci_init()
#define kvm_s390_pci_aen_init(nisc) model_hook_aen_init(nisc)
#define kvm_s390_pci_aen_exit() model_hook_aen_exit()

#include "kvm-s390-arch.c"
