/* SPDX-License-Identifier: GPL-2.0 */
/* upstream-only shim: <linux/kvm.h>, for 7.2's pci.h (a prototype names the zPCI op) */
#ifndef SHIM_LINUX_KVM_H
#define SHIM_LINUX_KVM_H
#include "../../shim/model_kernel.h"

struct kvm_s390_zpci_op;
#endif
