/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/kvm_host.h> - see model_kernel.h */
#ifndef SHIM_LINUX_KVM_HOST_H
#define SHIM_LINUX_KVM_HOST_H
#include "../model_kernel.h"

#ifdef MODEL_UPSTREAM	/* the built-in hooks kvm_s390_pci_init() sets (src/firmware.c; the struct: kernel-defs.h) */
extern struct zpci_kvm_hook zpci_kvm_hook;
#endif
#endif
