/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seed-only shim: <asm/kvm_pci.h> of the seed's patch 14 (struct kvm_zdev:
 * two pointers and a field; an approximation of its real size -- what
 * matters is that it is not a pointer).
 */
#ifndef SHIM_ASM_KVM_PCI_H
#define SHIM_ASM_KVM_PCI_H
#include "../../shim/model_kernel.h"

struct kvm_zdev {
	struct zpci_dev *zdev;
	struct kvm *kvm;
	u32 fh;
};
#endif
