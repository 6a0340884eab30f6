// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stand-in "kvm" module for the boot test only (tests/boot): under qemu
 * TCG the real kvm.ko cannot load (no SIE), so the kselftest's PASS and
 * FAIL paths never run there. Like kvm, this module registers the
 * kvm-trace s390 debug feature with a sprintf view at each load and
 * writes that load's AEN records in the format of its tree: the "aen: ..."
 * records of the 5.10 series, or upstream's "gib 0x%p (nisc=%d)
 * initialized" and, with AEN set up, the follow-up's "aen:
 * registered|reused aipb=%p". Visible parameters as kvm's: nested (int,
 * 0444) and use_gisa (bool, 0644), which do nothing. Hidden (perm 0)
 * parameters, given per load by the initramfs' modprobe, make a scenario:
 *   aipb=N	N > 0: AEN set up with "AIPB" N (written as the hashed
 *		pointer 0x10000000 + N pages); 0: not allowed here; -1: no AIV
 *   registers=1  this load registers the AIPB ("aen: registered", else
 *		"aen: reused")
 *   ptrval=1	the AIPB is written as %p writes a pointer before the hash
 *		key is ready: "(____ptrval____)"
 *   nogib=1	upstream: no "gib ... initialized" record
 *   raw=1	the AIPB, and upstream the GIB, are written as %p writes
 *		pointers it does not hash (no_hash_pointers): the addresses,
 *		low as s390's identity map gives them, the GIB's page-aligned
 *   fail=E	the load fails with -E, writing nothing
 *   busy=1	the first read of kvm-trace/sprintf takes a reference on the
 *		module (as a VM would); writing to kvm-trace/release drops it
 */
#include <linux/module.h>
#include <linux/version.h>
#include <asm/debug.h>

/* 5.10 has the "aen: ..." records and the prolog without a buffer size */
#define SERIES_510 (LINUX_VERSION_CODE < KERNEL_VERSION(6, 0, 0))

static int nested;
module_param(nested, int, 0444);
static bool use_gisa = true;
module_param(use_gisa, bool, 0644);

static int aipb = 1, fail;
static bool registers, ptrval, raw, nogib, busy;
static char raw_aipb[20], raw_gib[20];
module_param(aipb, int, 0);
module_param(registers, bool, 0);
module_param(ptrval, bool, 0);
module_param(raw, bool, 0);
module_param(nogib, bool, 0);
module_param(fail, int, 0);
module_param(busy, bool, 0);

static debug_info_t *kvm_trace;
static struct debug_view sprintf_hook, release_view;
static bool read_once, held;

#if SERIES_510
static int first_read(debug_info_t *id, struct debug_view *view, char *buf)
#else
static int first_read(debug_info_t *id, struct debug_view *view, char *buf, size_t size)
#endif
{
	if (busy && !read_once)
		held = try_module_get(THIS_MODULE);
	read_once = true;
	return 0;
}

static int release(debug_info_t *id, struct debug_view *view, struct file *file,
		   const char __user *buf, size_t len, loff_t *off)
{
	if (held)
		module_put(THIS_MODULE);
	held = false;
	*off += len;
	return len;
}

static int __init standin_init(void)
{
	void *p = aipb > 0 ? (void *)(0x10000000UL + aipb * PAGE_SIZE) : NULL;
	const char *hash;

	if (fail)
		return -fail;
	kvm_trace = debug_register("kvm-trace", 32, 1, 7 * sizeof(long));
	if (!kvm_trace)
		return -ENOMEM;
	sprintf_hook = debug_sprintf_view;
	sprintf_hook.prolog_proc = first_read;
	strscpy(release_view.name, "release", sizeof(release_view.name));
	release_view.input_proc = release;
	if (debug_register_view(kvm_trace, &sprintf_hook) ||
	    debug_register_view(kvm_trace, &release_view)) {
		debug_unregister(kvm_trace);
		return -ENOMEM;
	}
	if (aipb < 0)
		debug_sprintf_event(kvm_trace, 3, "gib not initialized, no AIV facility\n");
	hash = ptrval ? "(____ptrval____)" : NULL;
	snprintf(raw_aipb, sizeof(raw_aipb), "%016lx", 0x10000100UL + aipb * PAGE_SIZE);
	snprintf(raw_gib, sizeof(raw_gib), "%016lx", 0x20000000UL);
	if (raw)
		hash = raw_aipb;
#if SERIES_510
	if (!aipb)
		debug_sprintf_event(kvm_trace, 3, "aen: unavailable: zPCI interpretation not allowed\n");
	else if (aipb > 0 && hash)
		debug_sprintf_event(kvm_trace, 3, "aen: %s aipb=%s isc=%u faal=%u\n",
				    registers ? "registered" : "reused", hash, 3, 4096);
	else if (aipb > 0)
		debug_sprintf_event(kvm_trace, 3, "aen: %s aipb=%p isc=%u faal=%u\n",
				    registers ? "registered" : "reused", p, 3, 4096);
#else	/* pci.c's event comes before the GIB's, as kvm_s390_gib_init() writes them */
	if (aipb > 0 && hash)
		debug_sprintf_event(kvm_trace, 3, "aen: %s aipb=%s\n",
				    registers ? "registered" : "reused", hash);
	else if (aipb > 0)
		debug_sprintf_event(kvm_trace, 3, "aen: %s aipb=%p\n",
				    registers ? "registered" : "reused", p);
	if (aipb >= 0 && raw && !nogib)
		debug_sprintf_event(kvm_trace, 3, "gib 0x%s (nisc=%d) initialized\n", raw_gib, 5);
	else if (aipb >= 0 && !nogib)
		debug_sprintf_event(kvm_trace, 3, "gib 0x%p (nisc=%d) initialized\n", kvm_trace, 5);
#endif
	return 0;
}

static void __exit standin_exit(void)
{
	debug_unregister(kvm_trace);
}

module_init(standin_init);
module_exit(standin_exit);
MODULE_DESCRIPTION("Stand-in kvm module writing kvm-trace AEN records (boot test only)");
MODULE_LICENSE("GPL");
