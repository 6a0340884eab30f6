// SPDX-License-Identifier: GPL-2.0
/*
 * Module part: kvm_s390_gib_destroy() and kvm_s390_gib_init() exactly as
 * they are in the tree's arch/s390/kvm/interrupt.c (extracted by
 * extract-lifecycle.sh into interrupt-gib.c; struct kvm_s390_gib and
 * struct airq_struct are the tree's, in kernel-defs.h). The calls into
 * pci.c go through glue.c hooks, which check the AIFT when they return.
 */
#include "model.h"
#include "pci.h"

static struct kvm_s390_gib *gib;

/* the GAL handler is never called here: no handler, a summary indicator of its own */
static u8 gib_alert_lsi;
static struct airq_struct gib_alert_irq = {
	.lsi_ptr = &gib_alert_lsi,
};

#define kvm_s390_pci_aen_init(nisc) model_hook_aen_init(nisc)
#define kvm_s390_pci_aen_exit() model_hook_aen_exit()

#include "interrupt-gib.c"
