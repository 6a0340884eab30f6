/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/pci.h> - see model_kernel.h */
#ifndef SHIM_LINUX_PCI_H
#define SHIM_LINUX_PCI_H
#include "../model_kernel.h"
#include <asm/pci.h>	/* as the real <linux/pci.h> does */
#endif
