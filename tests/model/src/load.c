// SPDX-License-Identifier: GPL-2.0
/*
 * load.c - insmod and rmmod of the module under test, and the checks made
 * between them. The module is kvm.so (pci.c + the tree's lifecycle
 * functions + glue.c): dlopen() = insmod, dlclose() = rmmod, so the
 * module's static data starts fresh at every load while the built-in
 * state (zpci_aipb, zpci_aif_sbv, firmware) persists.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "model.h"

struct model_module *model_mod;
int model_allow_faal_mismatch;

void model_register_module(struct model_module *m)
{
	model_mod = m;
}

void model_unregister_module(struct model_module *m)
{
	if (model_mod == m)
		model_mod = NULL;
}

char model_mod_dir[512] = ".";
int model_records = -1;		/* -1: not asserted (tree emits none) */
void *model_handle;
static const char *cur_so = "kvm.so";
struct model_load_res model_last;

static long fwcalls(void)
{
	return model_fw.aeni_calls + model_fw.irq_calls + model_fw.chsc_calls;
}

long model_sic_calls(void)
{
	return model_fw.aeni_calls + model_fw.irq_calls;
}

/* kvm's own record when there is no GIB, and so no AEN setup: it stands for "aen: unavailable" */
static const char no_aiv[] = "gib not initialized, no AIV facility";

/*
 * kvm's own records that stand for "aen: unavailable" when no AEN record is
 * written: no AIV (no GIB), and upstream the GIB's event alone (the
 * follow-up records AEN from pci.c only when it sets it up).
 */
static bool kvm_own(const char *r)
{
	int n = 0;

	if (!strcmp(r, no_aiv))
		return true;
	return model_mod->upstream && sscanf(r, "gib 0x%*s (nisc=%*d) initialized%n", &n) == 0 && n && !r[n];
}

/*
 * The AEN record of a kvm-trace line, as the README's "kvm-trace records"
 * say: "aen: KIND aipb=HASH ..." (the 5.10 series, and upstream with the
 * follow-up), or kvm's own record (above). Returns its kind, copying the
 * AIPB hash to @hash, or NULL if the line is not about AEN.
 */
static const char *rec_kind(const char *r, char *hash)
{
	static char kind[16];

	hash[0] = '\0';
	if (kvm_own(r))
		return "unavailable";
	if (strncmp(r, "aen: ", 5) || sscanf(r, "aen: %15[a-z]", kind) != 1)
		return NULL;
	sscanf(r, "aen: %*s aipb=%31s", hash);
	return kind;
}

static int count_aen_records(void)
{
	char h[32];
	int i, n = 0, gib = 0;

	for (i = 0; i < model_nrec; i++) {
		if (kvm_own(model_rec[i]))
			gib++;
		else
			n += rec_kind(model_rec[i], h) != NULL;
	}
	return n ? n : gib;
}

static void module_gone(const char *when)
{
	const void *aift = model_mod ? model_mod->aift_ptr() : NULL;
	char path[600];

	if (model_mod)
		model_mod->inspect(PH_UNLOADED, 0);
	if (dlclose(model_handle))
		model_harness("dlclose: %s", dlerror());
	snprintf(path, sizeof(path), "%s/%s", model_mod_dir, cur_so);
	if (model_mod || dlopen(path, RTLD_NOW | RTLD_NOLOAD))
		model_harness("kvm.so still loaded after dlclose (the model needs a fresh module per load)");
	model_handle = NULL;
	if (model_locks_held())
		model_fail("LOCK", "%d lock(s) held %s", model_locks_held(), when);
	if (model_airqs_registered())
		model_fail("MEM", "adapter interrupt handler still registered %s (points into the unloaded module)", when);
	if (model_fw.gib_origin)
		model_fail("D5-GIB-HELD-FREED", "a GIB is still associated with firmware (chsc_sgib) %s", when);
	model_check_residue(when, aift);
	model_check_builtin(when);
}

/* insmod: returns the module init's rc; a failed load is unloaded (module gone) */
int model_load(const char *so, int isc)
{
	char path[600];
	long a0 = model_stats.allocs, b0 = model_stats.bytes_allocated, f0 = fwcalls();
	int rc, want;

	model_nrec = model_nlog = 0;
	cur_so = so;
	snprintf(path, sizeof(path), "%s/%s", model_mod_dir, so);
	model_handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!model_handle || !model_mod)
		model_harness("dlopen %s: %s", path, model_handle ? "module did not register" : dlerror());
	if (isc >= 0)
		*model_mod->gal_isc = isc;
	rc = model_mod->arch_init(NULL);
	memset(&model_last, 0, sizeof(model_last));
	model_last.rc = rc;
	model_last.allocs = model_stats.allocs - a0;
	model_last.bytes = model_stats.bytes_allocated - b0;
	model_last.fwcalls = fwcalls() - f0;
	model_last.aen_init_ok = model_mod->aen_init_ok;
	if (model_locks_held())
		model_fail("LOCK", "%d lock(s) held when %s returned", model_locks_held(), model_mod->init_name);
	if (rc) {
		if (rc > 0 || rc < -4095)
			model_fail("ERRNO", "%s returned %d, not a negative errno%s", model_mod->init_name, rc,
				   rc > 0 ? " (kvm_init() fails with it, but a module init returning > 0 counts as loaded)" : "");
		module_gone("after the failed load");
	} else {
		model_mod->inspect(PH_LOADED, 0);
		model_check_builtin("after load");
		/* one a load; none from the 5.10 series built without its option */
		want = !model_mod->upstream && !strcmp(so, "kvm-off.so") ? 0 : 1;
		if (model_records > 0 && count_aen_records() != want)
			model_fail("REC", "%d AEN kvm-trace records in this load, expected %d",
				   count_aen_records(), want);
	}
	return rc;
}

void model_unload(void)
{
	model_mod->arch_exit();
	if (model_locks_held())
		model_fail("LOCK", "%d lock(s) held when %s returned", model_locks_held(), model_mod->exit_name);
	module_gone("after unload");
}

int model_has_text(char (*lines)[256], int n, const char *const *words)
{
	int i;

	for (i = 0; i < n; i++)
		for (const char *const *w = words; *w; w++)
			if (strcasestr(lines[i], *w))
				return 1;
	return 0;
}

/* the kvm-trace records of the README ("kvm-trace records"); kind "none": no AEN record */
void model_check_records(const char *kind, int isc, int nr)
{
	int i, n = 0, ok = 0, other = 0;
	char want[64], raw[40], h[32];

	if (model_records < 0)
		return;
	for (i = 0; !strcmp(kind, "none") && i < model_nrec; i++)
		if (rec_kind(model_rec[i], h))
			model_fail("REC", "\"%s\": no AEN record expected", model_rec[i]);
	if (!strcmp(kind, "none"))
		return;
	for (i = 0; i < model_nrec; i++)	/* AEN records besides kvm's own, which then do not count */
		other += !kvm_own(model_rec[i]) && rec_kind(model_rec[i], h);
	for (i = 0; other && i < model_nrec; i++)
		if (!strcmp(model_rec[i], no_aiv))
			model_fail("REC", "\"%s\" and another AEN record: two records for one fact", no_aiv);
	for (i = 0; i < model_nrec; i++) {
		const char *r = model_rec[i], *k;
		unsigned int risc, rfaal;
		int rc, end = 0;

		k = rec_kind(r, h);
		if (!k || (other && kvm_own(r)))
			continue;
		n++;
		snprintf(raw, sizeof(raw), "%lx", (unsigned long)zpci_aipb);
		if (zpci_aipb && (strstr(r, raw) ||
		    (snprintf(raw, sizeof(raw), "%lx", (unsigned long)zpci_aipb ^ MODEL_PHYS_BIT), strstr(r, raw))))
			model_fail("REC", "record shows a raw address: \"%s\"", r);
		snprintf(want, sizeof(want), "%016lx", model_hash_ptr(zpci_aipb));
		if (!strcmp(kind, "registered") || !strcmp(kind, "reused")) {
			if (model_mod->upstream && !strcmp(k, kind) && !strcmp(h, want) &&
			    sscanf(r, "aen: %*s aipb=%*s%n", &end) == 0 && end && !r[end])
				ok++;
			else if (model_mod->upstream)
				model_fail("REC", "\"%s\": expected \"aen: %s aipb=%s\"", r, kind, want);
			else if (sscanf(r, "aen: %*s aipb=%*s isc=%u faal=%u", &risc, &rfaal) == 2 &&
				 !strcmp(k, kind) && !strcmp(h, want) && (int)risc == isc && (int)rfaal == nr)
				ok++;
			else if (!strcmp(k, kind))
				model_fail("REC", "\"%s\": expected aipb=%s isc=%d faal=%d", r, want, isc, nr);
			else
				model_fail("REC", "unexpected record \"%s\" (expected \"aen: %s ...\")", r, kind);
		} else if (!strcmp(kind, "failed")) {
			if (!strcmp(k, "failed") && sscanf(r, "aen: failed rc=%d: %15s", &rc, h) == 2 && rc < 0)
				ok++;
			else
				model_fail("REC", "unexpected record \"%s\" (expected \"aen: failed rc=-ERRNO: reason\")", r);
		} else if (!strcmp(kind, "unavailable")) {
			if (!strcmp(k, "unavailable") && (model_mod->upstream || !strcmp(r, no_aiv) ||
							  (!strncmp(r, "aen: unavailable: ", 18) && r[18])))
				ok++;
			else
				model_fail("REC", "unexpected record \"%s\"", r);
		}
	}
	if (ok != 1)
		model_fail("REC", "expected exactly one \"%s\" AEN record, found %d of %d AEN records",
			   kind, ok, n);
}

/* after a successful load with AEN: first registration or reuse */
void model_check_loaded(int first, int isc, int nr, const void *aipb_before)
{
	if (model_fw.aeni_registrations != 1)
		model_fail("FW", "%d AENI registrations in this boot, expected exactly 1", model_fw.aeni_registrations);
	if (model_last.aen_init_ok != 1)
		model_fail("AIFT", "kvm_s390_pci_aen_init() succeeded %d times in this load, expected once", model_last.aen_init_ok);
	if (!first && zpci_aipb != aipb_before)
		model_fail("REUSE", "zpci_aipb changed across reload (not reused)");
	if (model_fw.gib_origin == 0 || model_airqs_registered() != 1)
		model_fail("GIB", "GIB not associated / GAL handler not registered after load");
	model_check_records(first ? "registered" : "reused", isc, nr);
}

void model_end_boot(const char *name)
{
	if (model_handle)
		model_unload();
	model_poweroff();
	fflush(stdout);
	if (!model_failures)
		printf("PASS %s\n", name);
	exit(model_failures ? MODEL_EXIT_FAIL : MODEL_EXIT_PASS);
}
