// SPDX-License-Identifier: GPL-2.0
/*
 * Module part: hooks around the calls into pci.c and the checks of the
 * AIFT, which need pci.h's layout. Registered with the machine when the
 * module (kvm.so) is loaded, unregistered when it is unloaded.
 */
#include "model.h"
#include "pci.h"

#ifndef MODEL_AIFT_LOCK
#define MODEL_AIFT_LOCK aift_lock
#endif

int model_gal_isc = MODEL_GAL_ISC;

#if !defined(MODEL_SEED_API) && !defined(CONFIG_KVM_S390_PCI_AEN)
/* the series without its option: pci.c is not built, there is never an AIFT */
static struct zpci_aift *aift;
#endif

static struct model_module mod;
static int in_aen_init, aen_active;
static const void *kzdev_before_exit;
static const void *aift_seen;	/* the AIFT this module allocated, even if 'aift' was cleared */
static int aen_failed;		/* upstream: kvm_s390_pci_aen_init() failed in this load */
#define P(x) ((unsigned long)(const void *)(x))

/* a pointer field of the AIFT: NULL, or virtual and live */
static int field_ok(const char *name, const void *p, const char *when)
{
	const struct model_alloc *a;

	if (!p)
		return 1;
	if (P(p) & MODEL_PHYS_BIT) {
		model_fail("D2-PHYS-VIRT", "aift->%s = %#lx is a physical address, not a pointer (%s)", name, P(p), when);
		return 0;
	}
	a = model_lookup(p);
	if (!a) {
		model_fail("D6-DANGLING", "aift->%s points at freed/unknown memory (%s)%s", name, when,
			   model_recently_freed(p) ? ": it was freed" : "");
		return 0;
	}
	return 1;
}

#ifdef MODEL_SEED_API	/* the seed's and upstream's AIFT: device table and locks */
static void check_kzdev(const void *p, const char *when)
{
	const struct model_alloc *a = model_lookup(p);
	size_t want = (size_t)ZPCI_NR_DEVICES * sizeof(void *);

	if (!a || a->addr != p)
		return;
	if (a->size == want)
		return;
	if (a->n == (size_t)ZPCI_NR_DEVICES)
		model_fail("D1-KZDEV-SIZE", "kzdev array element size %zu != sizeof(void *) (%zu): %zu bytes for %d pointers (%s at %s, %s)",
			   a->elem, sizeof(void *), a->size, ZPCI_NR_DEVICES, a->what, a->site, when);
	else
		model_fail("D1-KZDEV-SIZE", "kzdev array is %zu bytes, expected exactly ZPCI_NR_DEVICES=%d pointers = %zu bytes (%s)",
			   a->size, ZPCI_NR_DEVICES, want, when);
}

static void check_unlocked(const char *when)
{
	if (aift->MODEL_AIFT_LOCK.dep.held)
		model_fail("LOCK", "aift lock still held %s", when);
	if (aift->gait_lock.dep.held)
		model_fail("LOCK", "aift->gait_lock still held %s", when);
}
#else	/* the series' AIFT has neither: they come with the code that uses them */
static void check_kzdev(const void *p, const char *when)
{
}

static void check_unlocked(const char *when)
{
}
#endif

#ifdef MODEL_SEED_API
#define AIFT_KZDEV(a) ((a)->kzdev)
#else
#define AIFT_KZDEV(a) ((const void *)NULL)
#endif

/* AEN active: the AIFT matches what firmware holds */
static void check_active(const char *when)
{
	u64 gait_virt = model_fw.gait ^ MODEL_PHYS_BIT;
	int isc = model_gal_isc;

	if (!model_fw.aeni_registrations) {
		model_fail("FW", "AEN reported active but firmware has no AENI registration (%s)", when);
		return;
	}
	if (field_ok("gait", aift->gait, when)) {
		if (MODEL_PHYS_BIT && P(aift->gait) == model_fw.gait)
			model_fail("D2-PHYS-VIRT", "aift->gait holds the registered physical address %#lx, not its virtual address (%s)",
				   (unsigned long)model_fw.gait, when);
		else if (P(aift->gait) != gait_virt)
			model_fail("AIFT", "aift->gait %#lx != phys_to_virt(registered GAIT %#lx) (%s)",
				   P(aift->gait), (unsigned long)model_fw.gait, when);
	}
	if (field_ok("sbv", aift->sbv, when)) {
		if (!aift->sbv || aift->sbv != zpci_aif_sbv)
			model_fail("AIFT", "aift->sbv %#lx != zpci_aif_sbv %#lx (%s)", P(aift->sbv), P(zpci_aif_sbv), when);
		else if ((P(aift->sbv->vector) ^ MODEL_PHYS_BIT) != model_fw.faisb)
			model_fail("AIFT", "aift->sbv->vector is not the registered FAISB (%s)", when);
	}
#ifdef MODEL_SEED_API
	if (field_ok("kzdev", aift->kzdev, when)) {
		if (!aift->kzdev)
			model_fail("AIFT", "aift->kzdev is NULL while AEN is active (%s)", when);
		else
			check_kzdev(aift->kzdev, when);
	}
#endif
	if (model_fw.faal != ZPCI_NR_DEVICES && !model_allow_faal_mismatch)
		model_fail("AIFT", "registered faal %u != ZPCI_NR_DEVICES %d (%s)", model_fw.faal, ZPCI_NR_DEVICES, when);
	if (model_fw.afi != isc)
		model_fail("AIFT", "registered ISC %u != this module's ISC %d (%s)", model_fw.afi, isc, when);
#ifdef MODEL_SEED_API	/* they enable them with the handler of the forwarded interruptions */
	if (isc >= 0 && isc < 8 && !model_fw.floating[isc])
		model_fail("AIFT", "floating adapter interrupts not enabled on ISC %d (%s)", isc, when);
#else	/* the series has no such handler, so it enables nothing */
	if (model_fw.irq_calls)
		model_fail("FW", "%ld SIC interruption mode calls: interruptions enabled that nothing handles (%s)",
			   (long)model_fw.irq_calls, when);
#endif
}

static void check_idle(const char *when, const char *tag)
{
	if (aift->gait) {
		if (field_ok("gait", aift->gait, when))
			model_fail(tag, "aift->gait still set (%#lx) %s", P(aift->gait), when);
	}
	if (aift->sbv) {
		if (field_ok("sbv", aift->sbv, when))
			model_fail(tag, "aift->sbv still set %s", when);
	}
	if (AIFT_KZDEV(aift)) {
		if (field_ok("kzdev", AIFT_KZDEV(aift), when))
			model_fail(tag, "aift->kzdev still set %s", when);
	}
}

static void inspect(enum model_phase ph, int rc)
{
	char when[96];
	const struct model_alloc *a;

	if (aift)
		aift_seen = aift;
	if (ph == PH_UNLOADED) {
		if (aen_failed && aift && (a = model_lookup(aift)) && a->addr == aift)
			check_idle("after the failed load, which left the AIFT allocated", "D6-DANGLING");
		if (aen_active)
			model_fail("D10-EXIT-NOT-SETUP", "AEN was set up by kvm_s390_gib_init() but kvm_s390_gib_destroy() did not tear it down");
		if (aift_seen && (a = model_lookup(aift_seen)) && a->addr == aift_seen)
			model_fail("D3-AIFT-LEAK", "aift (%zu bytes, %s at %s) still allocated when the module is gone: leaked",
				   a->size, a->what, a->site);
		return;
	}
	if (!aift)
		return;
	a = model_lookup(aift);
	if (!a || a->addr != aift) {
		model_fail("MEM", "aift %#lx is not a live allocation", P(aift));
		return;
	}
	switch (ph) {
	case PH_FWCALL:
		if (!in_aen_init)
			return;
		field_ok("gait", aift->gait, "at a firmware call in kvm_s390_pci_aen_init()");
		field_ok("sbv", aift->sbv, "at a firmware call in kvm_s390_pci_aen_init()");
		if (field_ok("kzdev", AIFT_KZDEV(aift), "at a firmware call in kvm_s390_pci_aen_init()") &&
		    AIFT_KZDEV(aift))
			check_kzdev(AIFT_KZDEV(aift), "at a firmware call in kvm_s390_pci_aen_init()");
		break;
	case PH_AEN_INIT_RET:
		if (rc == 0) {
			check_active("when kvm_s390_pci_aen_init() returned 0");
		} else {
			__builtin_snprintf(when, sizeof(when), "after kvm_s390_pci_aen_init() failed with rc=%d", rc);
#ifdef MODEL_UPSTREAM
			/* the load fails and its error path frees the AIFT: judged then, if it outlives it */
			aen_failed = 1;
#else
			check_idle(when, "D6-DANGLING");
#endif
			model_check_builtin(when);
		}
		check_unlocked("when kvm_s390_pci_aen_init() returned");
		break;
	case PH_AEN_EXIT_RET:
		check_idle("after kvm_s390_pci_aen_exit()", "AIFT");
		if (kzdev_before_exit && model_lookup(kzdev_before_exit))
			model_fail("MEM", "kvm_s390_pci_aen_exit() did not free the kzdev array");
		break;
	case PH_LOADED:
		if (aen_active)
			check_active("after module load");
		else
			check_idle("after module load without AEN", aen_failed ? "D6-DANGLING" : "AIFT");
		check_unlocked("after module load");
		break;
	default:
		break;
	}
}

#ifdef MODEL_SEED_API	/* the AIFT is allocated at module init (the seed, 7.2) */
int model_hook_pci_init(void)
{
	int rc = kvm_s390_pci_init();

	if (aift)
		aift_seen = aift;
	return rc;
}
#endif

/*
 * The series' kvm_s390_pci_aen_init() returns nothing: kvm goes on without
 * AEN, and the AIFT is published only when it is set up. The hook returns 0
 * then, -1 otherwise (the seed's and 7.2's return their own rc).
 */
int model_hook_aen_init(u8 nisc)
{
	int rc;

	in_aen_init = 1;
#ifdef MODEL_SEED_API
	rc = kvm_s390_pci_aen_init(nisc);
#else
	kvm_s390_pci_aen_init(nisc);
	rc = aift ? 0 : -1;
#endif
	in_aen_init = 0;
	if (rc == 0) {
		mod.aen_init_ok++;
		aen_active = 1;
	}
	inspect(PH_AEN_INIT_RET, rc);
	return rc;
}

void model_hook_aen_exit(void)
{
	long calls = model_pci_calls;

#ifdef MODEL_SEED	/* the series calls it always, a no-op without AEN */
	if (!aen_active)
		model_fail("D10-EXIT-NOT-SETUP", "kvm_s390_pci_aen_exit() called although AEN setup did not succeed in this load");
#endif
	kzdev_before_exit = aift ? AIFT_KZDEV(aift) : NULL;
	kvm_s390_pci_aen_exit();
	if (!aen_active && (aift || model_pci_calls != calls))
		model_fail("D10-EXIT-NOT-SETUP", "kvm_s390_pci_aen_exit() did something although AEN was not set up in this load");
	aen_active = 0;
	inspect(PH_AEN_EXIT_RET, 0);
	kzdev_before_exit = NULL;
}

static int aift_state(void)
{
	if (!aift)
		return -1;
	return aen_active;
}

static const void *aift_ptr(void)
{
	return aift ? aift : aift_seen;
}

/*
 * D4: another CPU holds aift_lock in the middle of enabling AEN (it has
 * set aift->sbv). kvm_s390_pci_aen_init() on this CPU must take the lock
 * before it looks at the AIFT. The model's mutex_lock() returns to here
 * (longjmp) when it finds the lock held by the other CPU.
 */
static int probe_d4(void)
{
#ifdef MODEL_SEED
	static jmp_buf env;
	static struct airq_iv *sbv_saved;
	static volatile int r;

	if (!aift)
		return -1;
	sbv_saved = aift->sbv;
	if (!aift->sbv)
		aift->sbv = (struct airq_iv *)&mod;	/* "being set up" marker */
	if (setjmp(env) == 0) {
		model_probe_arm(&aift->MODEL_AIFT_LOCK.dep, &env);
		in_aen_init = 0;
		r = kvm_s390_pci_aen_init((u8)model_gal_isc);
		model_note("probe D4: kvm_s390_pci_aen_init() returned %d without waiting for aift_lock", r);
		r = 0;
	} else {
		r = 1;	/* it tried to take aift_lock: it would have waited */
	}
	aift->sbv = sbv_saved;
	return r;
#else
	return -1;	/* n/a: the AIFT is published only once set up, no test outside a lock */
#endif
}

/* D8: kvm_s390_pci_aen_exit() called without aift_lock must trip lockdep */
static int probe_d8(void)
{
#ifndef MODEL_SEED_API
	return -1;	/* n/a: kvm_s390_pci_aen_exit() has no lock rule for its caller */
#endif
	if (!aift)
		return -1;
	model_expect_lockdep = 1;
	model_lockdep_violations = 0;
	kvm_s390_pci_aen_exit();
	model_expect_lockdep = 0;
	aen_active = 0;
	return model_lockdep_violations > 0;
}

static void __attribute__((constructor)) glue_register(void)
{
	mod.nr_devices = ZPCI_NR_DEVICES;
	mod.gal_isc = &model_gal_isc;
#if defined(MODEL_UPSTREAM) && !defined(MODEL_KVM_ARCH_INIT)
	mod.init_name = "__kvm_s390_init()";
	mod.exit_name = "__kvm_s390_exit()";
#else
	mod.init_name = "kvm_arch_init()";
	mod.exit_name = "kvm_arch_exit()";
#endif
#ifdef MODEL_UPSTREAM
	mod.upstream = true;
	mod.arch_init = model_kvm_s390_init;
	mod.arch_exit = model_kvm_s390_exit;
#else
	mod.arch_init = kvm_arch_init;
	mod.arch_exit = kvm_arch_exit;
#endif
	mod.inspect = inspect;
	mod.aift_state = aift_state;
	mod.aift_ptr = aift_ptr;
	mod.probe_d4 = probe_d4;
	mod.probe_d8 = probe_d8;
	model_register_module(&mod);
}

static void __attribute__((destructor)) glue_unregister(void)
{
	model_unregister_module(&mod);
}
