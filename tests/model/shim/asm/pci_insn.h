/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/pci_insn.h>: the SIC instruction */
#ifndef SHIM_ASM_PCI_INSN_H
#define SHIM_ASM_PCI_INSN_H
#include "../model_kernel.h"

/*
 * The SIC instruction, modelled in src/firmware.c (macros: the call site is
 * recorded). SIC_*, union zpci_sic_iib and struct zpci_aipb are the tree's
 * (kernel-defs.h, see model_kernel.h).
 */
int model_sic(u16 ctl, u8 isc, union zpci_sic_iib *iib, const char *file, int line);
#define __zpci_set_irq_ctrl(ctl, isc, iib) model_sic((ctl), (isc), (iib), __FILE__, __LINE__)

#ifndef MODEL_SEED_API
#define zpci_set_irq_ctrl(ctl, isc) ({					\
	union zpci_sic_iib __iib = {{0}};				\
	model_sic((ctl), (isc), &__iib, __FILE__, __LINE__); })
#else	/* the externalized 3-argument routine (the seed's patch 07, upstream since 6.0) */
#define zpci_set_irq_ctrl(ctl, isc, iib) model_sic((ctl), (isc), (iib), __FILE__, __LINE__)
#endif
#endif
