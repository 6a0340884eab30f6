/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/kvm_host.h> - see model_kernel.h */
#ifndef SHIM_LINUX_KVM_HOST_H
#define SHIM_LINUX_KVM_HOST_H
#include "../model_kernel.h"

#ifdef MODEL_UPSTREAM	/* 7.2: the built-in hooks kvm_s390_pci_init() sets (src/firmware.c) */
struct zpci_kvm_hook {
	int (*kvm_register)(void *opaque, struct kvm *kvm);
	void (*kvm_unregister)(void *opaque);
};
extern struct zpci_kvm_hook zpci_kvm_hook;
#endif
#endif
