/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/pci.h> as patched by the series */
#ifndef SHIM_ASM_PCI_H
#define SHIM_ASM_PCI_H
#include "../model_kernel.h"
#include <asm/pci_insn.h>
#include <asm/sclp.h>

#ifndef CONFIG_PCI_NR_FUNCTIONS
#define CONFIG_PCI_NR_FUNCTIONS 128
#endif
#define ZPCI_NR_DEVICES CONFIG_PCI_NR_FUNCTIONS

/* defined in the always-built-in arch/s390/pci/pci.c (here: src/firmware.c) */
extern union zpci_sic_iib *zpci_aipb;
extern struct airq_iv *zpci_aif_sbv;
#endif
