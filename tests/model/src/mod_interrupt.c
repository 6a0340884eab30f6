// SPDX-License-Identifier: GPL-2.0
/*
 * Module part: kvm_s390_gib_destroy() and kvm_s390_gib_init() exactly as
 * they are in the tree's arch/s390/kvm/interrupt.c (extracted by
 * extract-lifecycle.sh into interrupt-gib.c). The calls into pci.c go
 * through glue.c hooks, which check the AIFT when they return.
 */
#include "model.h"
#include "pci.h"

struct kvm_s390_gib {
	u32 alert_list_origin;
	u32 reserved01;
	u8:5;
	u8  nisc:3;
	u8  reserved03[3];
	u32 reserved04[5];
};

static struct kvm_s390_gib *gib;

static void gib_alert_irq_handler(struct airq_struct *airq, bool floating)
{
}

static struct airq_struct gib_alert_irq = {
	.handler = gib_alert_irq_handler,
	.lsi_ptr = &gib_alert_irq.lsi_mask,
};

#define kvm_s390_pci_aen_init(nisc) model_hook_aen_init(nisc)
#define kvm_s390_pci_aen_exit() model_hook_aen_exit()

#include "interrupt-gib.c"
