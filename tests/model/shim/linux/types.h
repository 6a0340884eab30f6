/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/types.h> - see model_kernel.h */
#ifndef SHIM_LINUX_TYPES_H
#define SHIM_LINUX_TYPES_H
#include "../model_kernel.h"
#endif
