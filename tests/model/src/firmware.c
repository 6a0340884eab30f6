// SPDX-License-Identifier: GPL-2.0
/*
 * firmware.c - the machine below the kernel and the built-in zPCI state:
 * SIC (set-AENI-controls accepted once per boot, on a live zeroed GAIT
 * and a live summary vector, which firmware then holds; irq mode single
 * per ISC), CHSC set-GIB, the SCLP facility bits, the machine type,
 * AIV, and zpci_aipb/zpci_aif_sbv, checked against what firmware holds.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

struct model_fw model_fw;
union zpci_sic_iib *zpci_aipb;
struct airq_iv *zpci_aif_sbv;
struct sclp_info sclp = { .has_zpci_lsi = 1, .has_aisi = 1, .has_aeni = 1, .has_aisii = 1 };
unsigned int model_machine_type = 0x8561;	/* z15: none of the excluded types */
struct css_general_char css_general_characteristics = { .aiv = 1 };
bool model_zpci_enabled = true;

bool zpci_is_enabled(void)
{
	return model_zpci_enabled;
}
#ifdef MODEL_UPSTREAM
struct zpci_kvm_hook zpci_kvm_hook;
#endif

static int sic_aeni(const union zpci_sic_iib *iib)
{
	const struct zpci_aipb *p = &iib->aipb;
	u64 gait = p->gait, faisb = p->faisb;
	unsigned int faal = p->faal, afi = p->afi;
	struct model_alloc *g, *s;
	size_t need = (size_t)faal * 16, i;

	if (model_fw.aeni_registrations) {
		model_fail("FW", "second SIC set-AENI-controls in one boot (firmware accepts it once; zpci_aipb=%s)",
			   zpci_aipb ? "set" : "NULL");
		return -EIO;
	}
	if (!faal) {
		model_fail("FW", "SIC set-AENI-controls with faal 0");
		return -EIO;
	}
	if (MODEL_PHYS_BIT && (!(gait & MODEL_PHYS_BIT) || !(faisb & MODEL_PHYS_BIT))) {
		model_fail("D2-PHYS-VIRT", "SIC set-AENI-controls given a non-physical address (gait %#lx, faisb %#lx): firmware rejects it",
			   (unsigned long)gait, (unsigned long)faisb);
		return -EIO;
	}
	g = (struct model_alloc *)model_lookup((void *)(gait ^ MODEL_PHYS_BIT));
	if (!g || (char *)(gait ^ MODEL_PHYS_BIT) + need > (char *)g->addr + g->size || g->kind == MK_AIRQ) {
		model_fail("FW", "SIC AENI: gait %#lx is not the physical address of live memory of %zu bytes (faal %u)",
			   (unsigned long)gait, need, faal);
		return -EIO;
	}
	for (i = 0; i < need; i++)
		if (((unsigned char *)(gait ^ MODEL_PHYS_BIT))[i]) {
			model_fail("FW", "SIC AENI: the GAIT is not zeroed (byte %zu)", i);
			return -EIO;
		}
	s = (struct model_alloc *)model_lookup((void *)(faisb ^ MODEL_PHYS_BIT));
	if (!s || s->kind != MK_AIRQ || s->extra != (void *)(faisb ^ MODEL_PHYS_BIT) ||
	    ((struct airq_iv *)s->addr)->bits < faal) {
		model_fail("FW", "SIC AENI: faisb %#lx is not the physical address of a live summary bit vector of >= %u bits",
			   (unsigned long)faisb, faal);
		return -EIO;
	}
	model_fw.aeni_registrations++;
	model_fw.gait = gait;
	model_fw.faisb = faisb;
	model_fw.afi = afi;
	model_fw.faal = faal;
	g->fw_held = "GAIT registered with SIC set-AENI-controls";
	s->fw_held = "forwarding summary bit vector registered with SIC set-AENI-controls";
	return 0;
}

/*
 * The SIC instruction as 5.10's __zpci_set_irq_ctrl() wraps it: 0, or -EIO
 * (its only failure, no facility 72; the condition code is not returned).
 * Operands firmware rejects are model failures and return -EIO as well.
 */
int model_sic(u16 ctl, u8 isc, union zpci_sic_iib *iib, const char *file, int line)
{
	unsigned long v = (unsigned long)iib;

	if (ctl == SIC_SET_AENI_CONTROLS)
		model_fw.aeni_calls++;
	else
		model_fw.irq_calls++;
	if (model_mod && model_mod->inspect)
		model_mod->inspect(PH_FWCALL, 0);
	if (v & MODEL_PHYS_BIT) {
		model_fail("D2-PHYS-VIRT", "SIC operand (iib) %#lx is a physical address, not a pointer", v);
		return -EIO;
	}
	if (model_fallible(ctl == SIC_SET_AENI_CONTROLS ? "SIC(set AENI controls)" : "SIC(irq mode)", file, line))
		return -EIO;	/* 5.10: the only failure (no facility 72) */
	switch (ctl) {
	case SIC_SET_AENI_CONTROLS:
		return sic_aeni(iib);
	case SIC_IRQ_MODE_SINGLE:
		if (isc > 7) {
			model_fail("FW", "SIC irq mode single with ISC %u", isc);
			return -EIO;
		}
		model_fw.floating[isc]++;
		return 0;
	default:
		model_fail("FW", "unexpected SIC operation control %u", ctl);
		return -EIO;
	}
}

int model_chsc_sgib(u32 origin, const char *file, int line)
{
	struct model_alloc *a;

	model_fw.chsc_calls++;
	if (!origin) {
		if (model_fw.gib) {
			a = model_alloc_find(model_fw.gib);
			if (a)
				a->fw_held = NULL;
		}
		model_fw.gib = NULL;
		model_fw.gib_origin = 0;
		return 0;
	}
	if (model_fallible("chsc_sgib", file, line))
		return -EIO;
	if (model_fw.gib_origin) {
		model_fail("FW", "chsc_sgib(%#x) at %s while a GIB is still associated", origin, model_site(file, line));
		return -EIO;
	}
	for (a = model_allocs(); a; a = a->next)
		if (a->kind == MK_PAGES && !strcmp(a->what, "get_zeroed_page") && (u32)(unsigned long)a->addr == origin)
			break;
	if (!a) {
		model_fail("FW", "chsc_sgib(%#x) at %s: not a live page", origin, model_site(file, line));
		return -EIO;
	}
	a->fw_held = "GIB associated with firmware by chsc_sgib()";
	model_fw.gib = a->addr;
	model_fw.gib_origin = origin;
	return 0;
}

/* exported zpci_aipb / zpci_aif_sbv agree with what firmware holds */
void model_check_builtin(const char *when)
{
	const struct model_alloc *a;

	if (model_fw.aeni_registrations) {
		a = model_lookup(zpci_aipb);
		if (!zpci_aipb || !a || a->addr != zpci_aipb) {
			model_fail("D6-DANGLING", "zpci_aipb %s although firmware holds a registration (%s)",
				   zpci_aipb ? "points at freed memory" : "is NULL", when);
		} else if (zpci_aipb->aipb.gait != model_fw.gait || zpci_aipb->aipb.faisb != model_fw.faisb ||
			   zpci_aipb->aipb.afi != model_fw.afi || zpci_aipb->aipb.faal != model_fw.faal) {
			model_fail("D6-DANGLING", "zpci_aipb contents differ from the registration firmware holds (%s)", when);
		}
		a = model_lookup(zpci_aif_sbv);
		if (!zpci_aif_sbv || !a || a->addr != zpci_aif_sbv ||
		    ((unsigned long)zpci_aif_sbv->vector ^ MODEL_PHYS_BIT) != model_fw.faisb)
			model_fail("D6-DANGLING", "zpci_aif_sbv is not the summary vector firmware holds (%s)", when);
	} else {
		if (zpci_aipb)
			model_fail("D6-DANGLING", "zpci_aipb is %s although nothing is registered with firmware (%s)",
				   model_lookup(zpci_aipb) ? "still set" : "dangling", when);
		if (zpci_aif_sbv)
			model_fail("D6-DANGLING", "zpci_aif_sbv is %s although nothing is registered with firmware (%s)",
				   model_lookup(zpci_aif_sbv) ? "still set" : "dangling", when);
	}
}

/* a previous kvm module registered AEN in this boot (as a correct one does) */
void model_preregister(int isc, int nr)
{
	struct model_alloc *g;
	int save = model_inject_at;

	model_inject_at = 0;
	zpci_aipb = model_kmalloc(1, sizeof(*zpci_aipb), GFP_KERNEL | __GFP_ZERO, "kzalloc", "prereg", 1);
	zpci_aif_sbv = model_airq_iv_create(nr, AIRQ_IV_ALLOC, "prereg", 2);
	g = model_pages_alloc(__GFP_ZERO, get_order(PAGE_ALIGN(nr * 16UL)), "alloc_pages", "prereg", 3);
	zpci_aipb->aipb.faisb = (unsigned long)zpci_aif_sbv->vector ^ MODEL_PHYS_BIT;
	zpci_aipb->aipb.gait = (unsigned long)g->addr ^ MODEL_PHYS_BIT;
	zpci_aipb->aipb.afi = isc;
	zpci_aipb->aipb.faal = nr;
	if (sic_aeni(zpci_aipb))
		abort();
	model_fw.aeni_calls++;
	model_inject_at = save;
}
