/* SPDX-License-Identifier: GPL-2.0 */
/* upstream-only shim: <asm/pci_io.h>, included by 7.2's pci.c; its AEN part uses none of it */
#ifndef SHIM_ASM_PCI_IO_H
#define SHIM_ASM_PCI_IO_H
#include "../../shim/model_kernel.h"
#endif
