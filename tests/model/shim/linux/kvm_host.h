/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/kvm_host.h> - see model_kernel.h */
#ifndef SHIM_LINUX_KVM_HOST_H
#define SHIM_LINUX_KVM_HOST_H
#include "../model_kernel.h"
#endif
