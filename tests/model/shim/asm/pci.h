/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/pci.h>: ZPCI_NR_DEVICES is the tree's (kernel-defs.h), CONFIG_PCI_NR_FUNCTIONS the Makefile's */
#ifndef SHIM_ASM_PCI_H
#define SHIM_ASM_PCI_H
#include "../model_kernel.h"
#include <asm/pci_insn.h>
#include <asm/sclp.h>

/* defined in the always-built-in arch/s390/pci/pci.c (here: src/firmware.c) */
extern union zpci_sic_iib *zpci_aipb;
extern struct airq_iv *zpci_aif_sbv;
extern bool model_zpci_enabled;		/* src/firmware.c: false as with pci=off */
bool zpci_is_enabled(void);
#endif
