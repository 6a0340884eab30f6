/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/gfp.h> - see model_kernel.h */
#ifndef SHIM_LINUX_GFP_H
#define SHIM_LINUX_GFP_H
#include "../model_kernel.h"
#endif
