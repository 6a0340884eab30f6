/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/slab.h> - see model_kernel.h */
#ifndef SHIM_LINUX_SLAB_H
#define SHIM_LINUX_SLAB_H
#include "../model_kernel.h"
#endif
