/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/pci_insn.h> as patched by the series (SIC controls, AIPB) */
#ifndef SHIM_ASM_PCI_INSN_H
#define SHIM_ASM_PCI_INSN_H
#include "../model_kernel.h"

#define SIC_IRQ_MODE_ALL	0
#define SIC_IRQ_MODE_SINGLE	1
#define SIC_SET_AENI_CONTROLS	2
#define SIC_IRQ_MODE_DIRECT	4
#define SIC_IRQ_MODE_D_ALL	16
#define SIC_IRQ_MODE_D_SINGLE	17
#define SIC_IRQ_MODE_SET_CPU	18

struct zpci_diib {
	u32 : 1;
	u32 isc : 3;
	u32 : 28;
	u16 : 16;
	u16 nr_cpus;
	u64 disb_addr;
	u64 : 64;
	u64 : 64;
} __packed __aligned(8);

struct zpci_cdiib {
	u64 : 64;
	u64 dibv_addr;
	u64 : 64;
	u64 : 64;
	u64 : 64;
} __packed __aligned(8);

struct zpci_aipb {
	u64 faisb;
	u64 gait;
	u16 : 13;
	u16 afi : 3;
	u32 : 32;
	u16 faal;
} __packed __aligned(8);

#ifdef MODEL_UPSTREAM	/* 7.2's pci.h embeds one in struct kvm_zdev; the AEN code never reads it */
struct zpci_fib {
	u64 words[8];
};
#endif

union zpci_sic_iib {
	struct zpci_diib diib;
	struct zpci_cdiib cdiib;
	struct zpci_aipb aipb;
};

/* the SIC instruction: modelled in src/firmware.c (macros: the call site is recorded) */
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
