// SPDX-License-Identifier: GPL-2.0
/*
 * Module part, mode upstream (6.1 to 7.2): the AEN functions of the tree's
 * arch/s390/kvm/pci.c exactly as they are (extracted by
 * extract-lifecycle.sh into pci-aen.c). The rest of that pci.c is device
 * passthrough, not modelled: kvm_s390_pci_init() only stores the two
 * hooks below in zpci_kvm_hook, and nothing calls them here.
 */
#include "model_kernel.h"

static int kvm_s390_pci_register_kvm(void *opaque, struct kvm *kvm);
static void kvm_s390_pci_unregister_kvm(void *opaque);

#include "pci-aen.c"

static int kvm_s390_pci_register_kvm(void *opaque, struct kvm *kvm)
{
	return -EOPNOTSUPP;
}

static void kvm_s390_pci_unregister_kvm(void *opaque)
{
}
