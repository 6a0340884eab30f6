/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/spinlock.h> - see model_kernel.h */
#ifndef SHIM_LINUX_SPINLOCK_H
#define SHIM_LINUX_SPINLOCK_H
#include "../model_kernel.h"
#endif
