/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/mutex.h> - see model_kernel.h */
#ifndef SHIM_LINUX_MUTEX_H
#define SHIM_LINUX_MUTEX_H
#include "../model_kernel.h"
#endif
