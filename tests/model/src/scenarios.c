// SPDX-License-Identifier: GPL-2.0
/*
 * scenarios.c - the scenarios, their table and the command line. Each
 * scenario (and each fault-injection point) runs in a forked child: one
 * process = one boot, with model_load() and model_unload() of load.c.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <dlfcn.h>
#include <sys/wait.h>
#include "model.h"

static int cycles = 10000;
static int prereg;	/* --prereg: an earlier module registered AEN in this boot */
static char ctx[160];

static void set_ctx(const char *fmt, const char *a, int n)
{
	snprintf(ctx, sizeof(ctx), fmt, a, n);
	model_ctx = ctx;
}

/* a scenario's exit status: PASS, FAIL or SKIP; anything else is made a FAIL here */
static int child_status(int st)
{
	if (WIFEXITED(st)) {
		int c = WEXITSTATUS(st);

		if (c == MODEL_EXIT_PASS || c == MODEL_EXIT_FAIL || c == MODEL_EXIT_SKIP)
			return c;
		if (c == MODEL_EXIT_ASAN_ERROR)
			printf("FAIL [%s] ASAN: AddressSanitizer/UBSan reported an error (above)\n", ctx);
		else if (c == MODEL_EXIT_VALGRIND_ERROR)
			printf("FAIL [%s] VALGRIND: valgrind reported an error (above)\n", ctx);
		else
			printf("FAIL [%s] HARNESS: the scenario exited with status %d\n", ctx, c);
		return MODEL_EXIT_FAIL;
	}
	printf("FAIL [%s] CRASH: killed by signal %d%s\n", ctx, WTERMSIG(st),
	       WTERMSIG(st) == 11 ? " (e.g. a physical address or freed memory used as a pointer: D2/D6)" : "");
	return MODEL_EXIT_FAIL;
}

/* ---------------- scenarios ---------------- */
/*
 * A scenario: a boot in a forked child (boot) or a driver of its own
 * (run), and what it varies, by name (as kselftest's FIXTURE_VARIANT).
 */
enum unavail { SWITCH_OFF = 1, ZPCI_OFF, NO_FACILITY, MACHINE, NO_AIV };
enum facility { ZPCI_LSI, AISI, AENI, AISII };
struct scenario {
	const char *name;
	void (*boot)(const struct scenario *s);
	void (*run)(void);
	enum unavail unavail;	/* sc_unavail: why AEN is not allowed */
	enum facility facility;	/* NO_FACILITY: the one missing */
	int machine;		/* MACHINE: the machine type */
	bool prereg;		/* sc_reuse_isc: an earlier module registered */
	int probe;		/* sc_probe: the defect it probes, D4 or D8 */
	bool bench;		/* sc_cycles: print the bench figures */
	const char *group;	/* also run by this name */
	bool in_all;		/* run by "all" */
	const char *about;
};
static int NR;		/* the module's ZPCI_NR_DEVICES, read at first load */
static bool upstream;	/* the module is upstream (6.1-7.2): an AEN failure fails the load */
#define ISC MODEL_GAL_ISC

static void sc_clean(const struct scenario *s)
{
	const void *aipb;

	set_ctx("%s", "clean", 0);
	if (model_load("kvm.so", -1))
		model_fail("LOAD", "first load failed: rc=%d", model_last.rc);
	else
		model_check_loaded(1, ISC, NR, NULL);
	aipb = zpci_aipb;
	if (model_handle)
		model_unload();
	set_ctx("%s", "clean reload", 0);
	if (model_load("kvm.so", -1))
		model_fail("LOAD", "reload failed: rc=%d", model_last.rc);
	else
		model_check_loaded(0, ISC, NR, aipb);
	if (model_handle)
		model_unload();
	set_ctx("%s", "clean", 0);
	model_end_boot("clean: load, check, unload, check, reload (reuse), check, unload, check");
}

/*
 * AEN must not be set up: the switch off (kvm-off.so), zPCI not enabled
 * (the 5.10 series' gate), a facility missing, an excluded machine type, or
 * no AIV (so no GIB). kvm loads, pci.c makes
 * no allocation and no firmware call, one "unavailable" record says why
 * (the 5.10 series with its option off writes none).
 */
static const char *const facility[] = { "zPCI load/store interpretation", "AISI", "AENI", "AISII" };

static void sc_unavail(const struct scenario *s)
{
	enum unavail kind = s->unavail;
	const char *so = "kvm.so";
	char what[80];
	long p0 = model_pci_calls, s0 = model_sic_calls();
	/* 7.2's kvm_s390_pci_init() allocates the AIFT whenever the gate allows, AIV or not */
	long aift = upstream && kind == NO_AIV;

	if (kind == SWITCH_OFF) {
		so = "kvm-off.so";
		snprintf(what, sizeof(what), "the switch off");
	} else if (kind == ZPCI_OFF) {
		if (upstream) {
			printf("SKIP zpci-off: upstream's gate does not ask whether zPCI is enabled\n");
			exit(MODEL_EXIT_SKIP);
		}
		snprintf(what, sizeof(what), "zPCI not enabled");
		model_zpci_enabled = false;
	} else if (kind == NO_FACILITY) {
		snprintf(what, sizeof(what), "no %s facility", facility[s->facility]);
		if (s->facility == ZPCI_LSI)
			sclp.has_zpci_lsi = 0;
		else if (s->facility == AISI)
			sclp.has_aisi = 0;
		else if (s->facility == AENI)
			sclp.has_aeni = 0;
		else
			sclp.has_aisii = 0;
	} else if (kind == MACHINE) {
		snprintf(what, sizeof(what), "machine type %04x", s->machine);
		model_machine_type = s->machine;
	} else {
		snprintf(what, sizeof(what), "no AIV facility");
		css_general_characteristics.aiv = 0;
	}
	set_ctx("unavailable: %s", what, 0);
	if (model_load(so, -1)) {
		model_fail("LOAD", "load with %s failed: rc=%d", what, model_last.rc);
	} else {
		if (model_mod->aift_state() > 0)
			model_fail("GATE", "AEN active with %s", what);
		/* the 5.10 series without its option writes nothing */
		model_check_records(kind == SWITCH_OFF && !upstream ? "none" : "unavailable", 0, 0);
		model_unload();
	}
	if (model_pci_calls - p0 != aift || model_sic_calls() != s0)
		model_fail("GATE", "AEN setup ran with %s: %ld allocations/SIC calls from pci.c, %ld SIC calls",
			   what, model_pci_calls - p0, model_sic_calls() - s0);
	{
		char name[256];

		snprintf(name, sizeof(name), "unavailable with %s: kvm loads, no allocation and no firmware call for AEN, one record", what);
		model_end_boot(name);
	}
}

static void snapshot_check(const void *aipb, const union zpci_sic_iib *copy, const void *sbv,
			   const struct model_fw *fw, long live, long bytes, const char *why)
{
	if (zpci_aipb != aipb || (aipb && memcmp(zpci_aipb, copy, sizeof(*copy))) || zpci_aif_sbv != sbv)
		model_fail("REUSE", "refused reload changed zpci_aipb/zpci_aif_sbv (%s)", why);
	if (model_fw.aeni_registrations != fw->aeni_registrations || model_fw.gait != fw->gait ||
	    model_fw.faisb != fw->faisb || model_fw.afi != fw->afi || model_fw.faal != fw->faal)
		model_fail("REUSE", "refused reload changed the firmware registration (%s)", why);
	if (model_stats.live_allocs != live || model_stats.live_bytes != bytes)
		model_fail("REUSE", "refused reload changed memory: %ld allocations/%ld bytes live, before %ld/%ld (%s)",
			   model_stats.live_allocs, model_stats.live_bytes, live, bytes, why);
}

/*
 * A reload that does not match the registration: kvm loads without AEN, the
 * kernel log and kvm-trace say why, and after the unload nothing changed.
 * 7.2 refuses it by failing the load: then only the last holds.
 * Returns 1 if refused, 0 if accepted (a failure, if tag is set).
 */
static int refused(const char *so, int isc, const char *what, const char *const *words, const char *tag)
{
	union zpci_sic_iib copy;
	const void *aipb = zpci_aipb, *sbv = zpci_aif_sbv;
	struct model_fw fw = model_fw;
	long live = model_stats.live_allocs, bytes = model_stats.live_bytes;
	int ret = 1;

	if (aipb)
		memcpy(&copy, zpci_aipb, sizeof(copy));
	if (model_load(so, isc)) {
		if (!upstream)
			model_fail("FATAL", "reload with %s made kvm fail to load (rc=%d): it must load without AEN",
				   what, model_last.rc);
	} else if (model_mod->aift_state() > 0) {
		ret = 0;
		if (tag)
			model_fail("REUSE", "reload with %s accepted although firmware holds a different registration", what);
	} else {
		if (!model_has_text(model_log, model_nlog, words))
			model_fail("D7-SILENT-REFUSAL", "reload with %s refused, but the kernel log does not say why", what);
		if (model_records > 0 && !model_has_text(model_rec, model_nrec, words))
			model_fail("D7-SILENT-REFUSAL", "reload with %s refused, but kvm-trace does not say why", what);
		if (!upstream)
			model_check_records("failed", 0, 0);
	}
	if (model_handle)
		model_unload();
	snapshot_check(aipb, &copy, sbv, &fw, live, bytes, what);
	return ret;
}

static const char *const isc_words[] = { "isc", NULL };
static const char *const size_words[] = { "size", "faal", "table", "devices", "nr_", NULL };

static void sc_reuse_isc(const struct scenario *s)
{
	bool prereg = s->prereg;
	const void *aipb;

	set_ctx("%s", prereg ? "reuse-isc (registered by an earlier module)" : "reuse-isc", 0);
	if (prereg) {
		model_preregister(3, NR);
	} else if (model_load("kvm.so", -1)) {
		model_fail("LOAD", "first load failed: rc=%d", model_last.rc);
		model_end_boot("reuse-isc");
	} else {
		model_unload();
	}
	aipb = zpci_aipb;
	refused("kvm.so", prereg ? ISC : 3, prereg ? "ISC 5 (registered: 3)" : "ISC 3 (registered: 5)", isc_words, "D7-SILENT-REFUSAL");
	if (model_load("kvm.so", prereg ? 3 : ISC))
		model_fail("REUSE", "correct reload after a refused one failed: rc=%d", model_last.rc);
	else
		model_check_loaded(0, prereg ? 3 : ISC, NR, aipb);
	if (upstream)
		model_end_boot(prereg ? "reuse-isc (earlier module, ISC 3): ISC 5 fails to load, changes nothing; ISC 3 reload works"
				: "reuse-isc: reload with ISC 3 fails to load, changes nothing; correct reload works");
	model_end_boot(prereg ? "reuse-isc (earlier module, ISC 3): ISC 5 loads without AEN, says why, changes nothing; ISC 3 reload works"
			: "reuse-isc: reload with ISC 3 loads without AEN, says why, changes nothing; correct reload works");
}

static void sc_reuse_nr(const struct scenario *s)
{
	const void *aipb;

	set_ctx("%s", "reuse-nr", 0);
	if (upstream) {
		printf("SKIP reuse-nr: upstream reuses a registration without comparing the table size\n");
		exit(MODEL_EXIT_SKIP);
	}
	if (model_load("kvm.so", -1)) {
		model_fail("LOAD", "first load failed: rc=%d", model_last.rc);
		model_end_boot("reuse-nr");
	}
	model_unload();
	aipb = zpci_aipb;
	model_allow_faal_mismatch = 1;	/* if the reload is accepted, report that, not the AIFT */
	refused("kvm-nr64.so", -1, "another table size", size_words, "REUSE");
	model_allow_faal_mismatch = 0;
	if (model_load("kvm.so", -1))
		model_fail("REUSE", "correct reload after the table-size reload failed: rc=%d", model_last.rc);
	else
		model_check_loaded(0, ISC, NR, aipb);
	model_end_boot("reuse-nr: reload with another table size loads without AEN, says why, changes nothing; a correct reload works");
}

static void sc_prereg(const struct scenario *s)
{
	const void *aipb;

	set_ctx("%s", "prereg", 0);
	model_preregister(ISC, NR);
	aipb = zpci_aipb;
	if (model_load("kvm.so", -1))
		model_fail("LOAD", "load reusing an earlier registration failed: rc=%d", model_last.rc);
	else
		model_check_loaded(0, ISC, NR, aipb);
	if (model_handle)
		model_unload();
	if (model_load("kvm.so", -1))
		model_fail("LOAD", "second reuse failed: rc=%d", model_last.rc);
	else
		model_check_loaded(0, ISC, NR, aipb);
	model_end_boot("prereg: loads reusing a registration made by an earlier module, unloads clean");
}

static void sc_probe(const struct scenario *s)
{
	int d = s->probe;
	int r;

	set_ctx("%s", d == 4 ? "probe-D4" : "probe-D8", 0);
	if (d == 4 && upstream) {
		printf("SKIP %s: upstream tests the AIFT before it takes aift_lock (D4), but only at module init\n", ctx);
		exit(MODEL_EXIT_SKIP);
	}
	model_preregister(ISC, NR);
	model_quiet = 1;
	if (model_load("kvm.so", -1)) {
		model_quiet = 0;
		printf("  note [%s]: load failed (rc=%d); probing needs a loaded module\n", ctx, model_last.rc);
		model_failures = 0;
		printf("SKIP %s: module does not load\n", ctx);
		exit(MODEL_EXIT_SKIP);
	}
	model_quiet = 0;
	model_failures = 0;	/* the probe only judges the probe */
	r = d == 4 ? model_mod->probe_d4() : model_mod->probe_d8();
	model_probe_end();
	if (r < 0) {
		model_poweroff();
		printf("SKIP %s: not applicable to this code (no such lock rule)\n", ctx);
		exit(MODEL_EXIT_SKIP);
	}
	if (d == 4 && r == 0)
		model_fail("D4-TEST-BEFORE-LOCK", "kvm_s390_pci_aen_init() tested the AIFT and returned while another CPU held aift_lock: the 'already enabled' test runs before the lock is taken");
	if (d == 8 && r == 0)
		model_fail("D8-NO-LOCKDEP", "kvm_s390_pci_aen_exit() ran without aift_lock held and no lockdep_assert_held() fired");
	model_poweroff();
	if (!model_failures)
		printf("PASS %s\n", d == 4 ? "probe-D4: kvm_s390_pci_aen_init() takes aift_lock before looking at the AIFT"
					   : "probe-D8: kvm_s390_pci_aen_exit() asserts aift_lock with lockdep");
	exit(model_failures ? MODEL_EXIT_FAIL : MODEL_EXIT_PASS);
}

static void sc_cycles(const struct scenario *s)
{
	bool bench = s->bench;
	int n = cycles;
	long live0, bytes0, allocs0;
	long la, lb, lf, ra, rb, rf, frc, rrc = 0;
	int i, bad = 0;

	set_ctx("%s", "cycles", 0);
	if (prereg)
		model_preregister(ISC, NR);
	if (model_load("kvm.so", -1)) {
		model_fail("LOAD", "first load failed: rc=%d", model_last.rc);
		if (!bench)
			model_end_boot("cycles");
	}
	la = model_last.allocs, lb = model_last.bytes, lf = model_last.fwcalls, frc = model_last.rc;
	if (model_handle)
		model_unload();
	live0 = model_stats.live_allocs;
	bytes0 = model_stats.live_bytes;
	allocs0 = model_stats.allocs;
	model_quiet = 1;
	ra = rb = rf = 0;
	for (i = 1; i <= n; i++) {
		int f = model_failures;

		snprintf(ctx, sizeof(ctx), "cycles #%d", i);
		if (model_load("kvm.so", -1)) {
			model_fail("LOAD", "reload %d failed: rc=%d", i, model_last.rc);
		} else {
			model_check_loaded(0, ISC, NR, zpci_aipb);
			model_unload();
		}
		if (i == 1)
			ra = model_last.allocs, rb = model_last.bytes, rf = model_last.fwcalls, rrc = model_last.rc;
		if (!bench && model_failures != f && ++bad > 3)
			break;
		if (!bench && model_stats.live_bytes != bytes0 && bad++ < 3)
			model_fail("MEM", "after cycle %d: %ld bytes live, %ld after the first unload",
				   i, model_stats.live_bytes, bytes0);
	}
	model_quiet = 0;
	set_ctx("%s", "cycles", 0);
	if (bench) {
		printf("BENCH first_rc %ld\nBENCH first_allocs %ld\nBENCH first_bytes %ld\nBENCH first_fw %ld\n",
		       frc, la, lb, lf);
		printf("BENCH reload_rc %ld\nBENCH reload_allocs %ld\nBENCH reload_bytes %ld\nBENCH reload_fw %ld\n",
		       rrc, ra, rb, rf);
		printf("BENCH growth_bytes_per_1000 %ld\nBENCH growth_allocs_per_1000 %ld\nBENCH registrations %d\n",
		       n ? (model_stats.live_bytes - bytes0) * 1000 / n : 0,
		       n ? (model_stats.live_allocs - live0) * 1000 / n : 0, model_fw.aeni_registrations);
		model_poweroff();
		exit(MODEL_EXIT_PASS);
	}
	if (model_stats.live_allocs != live0 || model_stats.live_bytes != bytes0)
		model_fail("MEM", "after %d cycles: %ld allocations/%ld bytes live, %ld/%ld after the first unload (growth)",
			   i - 1, model_stats.live_allocs, model_stats.live_bytes, live0, bytes0);
	if (model_stats.allocs - model_stats.frees != model_stats.live_allocs)
		model_fail("MEM", "accounting: %ld allocations - %ld frees != %ld live",
			   model_stats.allocs, model_stats.frees, model_stats.live_allocs);
	if (model_fw.aeni_registrations != 1)
		model_fail("FW", "%d AENI registrations after %d cycles, expected exactly 1", model_fw.aeni_registrations, n);
	printf("  note [cycles]: %d cycles, %ld allocations made, live %ld allocations/%ld bytes (same as after the first unload)\n",
	       n, model_stats.allocs - allocs0, model_stats.live_allocs, model_stats.live_bytes);
	{
		char name[160];

		snprintf(name, sizeof(name), "cycles: %d load/unload cycles, zero growth, exactly one registration", n);
		model_end_boot(name);
	}
}

/* one boot with fault injection: phase 1 = first load, 2 = reload */
struct inject_at {
	int phase;	/* 1: the first load, 2: the reload */
	int at;		/* the fallible call that fails, from 1 */
};

static void inject_one(const void *arg)
{
	int phase = ((const struct inject_at *)arg)->phase, at = ((const struct inject_at *)arg)->at;
	const void *aipb;
	int rc, aen_point;

	snprintf(ctx, sizeof(ctx), "inject %s #%d", phase == 1 ? "load" : "reload", at);
	model_ctx = ctx;
	model_quiet = 1;
	if (phase == 2) {
		if (model_load("kvm.so", -1))
			model_fail("LOAD", "clean first load failed: rc=%d", model_last.rc);
		else
			model_unload();
	}
	model_quiet = 0;
	model_fallible_count = 0;
	model_inject_at = at;
	model_injected[0] = 0;
	rc = model_load("kvm.so", -1);
	model_inject_at = 0;
	if (!model_injected[0])
		model_harness("injection point not reached (nondeterministic load?)");
	snprintf(ctx, sizeof(ctx), "inject %s #%d %s", phase == 1 ? "load" : "reload", at, model_injected);
	/* a failure in AEN setup (pci.c) must leave kvm loaded, without AEN (7.2: fail the load) */
	aen_point = strstr(model_injected, "@pci.c:") != NULL;
	if (aen_point && rc && !upstream) {
		model_fail("FATAL", "kvm_arch_init() failed with rc=%d because AEN setup failed: it must load without AEN", rc);
	} else if (aen_point && !rc) {
		if (model_mod->aift_state() > 0)
			model_fail("AIFT", "AEN reported active although its setup failed");
		if (!upstream)
			model_check_records("failed", 0, 0);
	}
	if (!rc) {
		if (!aen_point)
			printf("  note [%s]: load tolerated the failure\n", ctx);
		model_unload();
	}
	model_quiet = 1;
	aipb = zpci_aipb;
	if (model_load("kvm.so", -1)) {
		model_fail("RECOVER", "the next clean load failed: rc=%d", model_last.rc);
	} else {
		model_check_loaded(aipb == NULL, ISC, NR, aipb);
		model_unload();
		aipb = zpci_aipb;
		if (model_load("kvm.so", -1)) {
			model_fail("RECOVER", "the clean reload after it failed: rc=%d", model_last.rc);
		} else {
			model_check_loaded(0, ISC, NR, aipb);
			model_unload();
		}
	}
	model_quiet = 0;
	{
		char name[400];

		snprintf(name, sizeof(name), "%s: %s, no leak, AIFT and zpci_aipb/zpci_aif_sbv consistent, clean load+reload after",
			 ctx, aen_point && !rc ? "kvm loads without AEN" : rc ? "kvm fails to load" : "kvm loads");
		model_end_boot(name);
	}
}

static int run_child(void (*fn)(const void *), const void *arg, const char *name)
{
	pid_t p;
	int st;

	fflush(stdout);
	p = fork();
	if (p < 0)
		model_harness("fork: %s", strerror(errno));
	if (!p) {
		fn(arg);
		exit(MODEL_EXIT_PASS);
	}
	waitpid(p, &st, 0);
	snprintf(ctx, sizeof(ctx), "%s", name);
	return child_status(st);
}

static int pipefd[2];
static void count_calls(const void *unused)
{
	int n[2];

	model_quiet = 1;
	set_ctx("%s", "count", 0);
	model_fallible_count = 0;
	if (model_load("kvm.so", -1))
		printf("  note [count]: clean first load failed: rc=%d\n", model_last.rc);
	n[0] = model_fallible_count;
	for (int i = 0; i < n[0] && i < 256; i++)
		printf("  point load #%d: %s\n", i + 1, model_sites[i]);
	if (model_handle)
		model_unload();
	model_fallible_count = 0;
	if (model_load("kvm.so", -1))
		printf("  note [count]: clean reload failed: rc=%d\n", model_last.rc);
	n[1] = model_fallible_count;
	for (int i = 0; i < n[1] && i < 256; i++)
		printf("  point reload #%d: %s\n", i + 1, model_sites[i]);
	if (model_handle)
		model_unload();
	if (write(pipefd[1], n, sizeof(n)) != sizeof(n))
		model_harness("count: write to the pipe: %s", strerror(errno));
	model_poweroff();
	exit(MODEL_EXIT_PASS);
}

/* ---------------- the scenario table, the command line ---------------- */
static void boot_one(const void *s)
{
	((const struct scenario *)s)->boot(s);
}

static int pass, fail, skip;

static void tally(int r)
{
	if (r == MODEL_EXIT_SKIP)
		skip++;
	else if (r)
		fail++;
	else
		pass++;
}

/* count the fallible calls of a clean load and reload (in a child); 0 if that worked */
static int count_points(int n[2])
{
	int r;

	if (pipe(pipefd))
		model_harness("count: pipe: %s", strerror(errno));
	r = run_child(count_calls, NULL, "count");
	if (!r && read(pipefd[0], n, 2 * sizeof(int)) != 2 * sizeof(int))
		r = MODEL_EXIT_FAIL;
	close(pipefd[0]);
	close(pipefd[1]);
	return r;
}

/* inject: every fallible call of a clean load and of a clean reload fails once, each in its own boot */
static void run_inject(void)
{
	int n[2];

	if (count_points(n)) {
		printf("FAIL [count] HARNESS: counting the fallible calls failed\n");
		fail++;
		return;
	}
	printf("inject: %d fallible calls in a clean first load, %d in a clean reload\n", n[0], n[1]);
	for (int ph = 1; ph <= 2; ph++)
		for (int at = 1; at <= n[ph - 1]; at++)
			tally(run_child(inject_one, &(struct inject_at){ ph, at }, "inject"));
	printf("INJECTION_POINTS load=%d reload=%d\n", n[0], n[1]);
}

static void run_count(void)
{
	int n[2];

	if (count_points(n))
		exit(MODEL_EXIT_FAIL);
	printf("BENCH fallible_first %d\nBENCH fallible_reload %d\n", n[0], n[1]);
}

#define UNAVAIL "unavailable"	/* a group: every scenario in which AEN is not allowed */
#define GATE_CLOSED(n, why, ...) \
	{ .name = n, .boot = sc_unavail, __VA_ARGS__, .group = UNAVAIL, .in_all = 1, .about = why }
static const struct scenario scenarios[] = {
	{ .name = "clean", .boot = sc_clean, .in_all = 1, .about = "load, reload (reuse), unload: all checks after each" },
	GATE_CLOSED("switch-off", "kvm-off.so: AEN not built in", .unavail = SWITCH_OFF),
	GATE_CLOSED("zpci-off", "zPCI not enabled (pci=off)", .unavail = ZPCI_OFF),
	GATE_CLOSED("no-zpci-lsi", "no zPCI load/store interpretation facility", .unavail = NO_FACILITY, .facility = ZPCI_LSI),
	GATE_CLOSED("no-aisi", "no AISI facility", .unavail = NO_FACILITY, .facility = AISI),
	GATE_CLOSED("no-aeni", "no AENI facility", .unavail = NO_FACILITY, .facility = AENI),
	GATE_CLOSED("no-aisii", "no AISII facility", .unavail = NO_FACILITY, .facility = AISII),
	GATE_CLOSED("machine-2817", "an excluded machine type", .unavail = MACHINE, .machine = 0x2817),
	GATE_CLOSED("machine-2818", "an excluded machine type", .unavail = MACHINE, .machine = 0x2818),
	GATE_CLOSED("machine-2827", "an excluded machine type", .unavail = MACHINE, .machine = 0x2827),
	GATE_CLOSED("machine-2828", "an excluded machine type", .unavail = MACHINE, .machine = 0x2828),
	GATE_CLOSED("machine-2964", "an excluded machine type", .unavail = MACHINE, .machine = 0x2964),
	GATE_CLOSED("machine-2965", "an excluded machine type", .unavail = MACHINE, .machine = 0x2965),
	GATE_CLOSED("no-aiv", "no AIV facility, so no GIB", .unavail = NO_AIV),
	{ .name = "prereg", .boot = sc_prereg, .in_all = 1, .about = "reuse a registration made by an earlier module" },
	{ .name = "reuse-isc", .boot = sc_reuse_isc, .in_all = 1, .about = "reload with another ISC: no AEN, says why" },
	{ .name = "reuse-isc-prereg", .boot = sc_reuse_isc, .prereg = 1, .in_all = 1,
	  .about = "the same against an earlier module's ISC" },
	{ .name = "reuse-nr", .boot = sc_reuse_nr, .in_all = 1, .about = "reload with another table size: no AEN, says why" },
	{ .name = "probe-d4", .boot = sc_probe, .probe = 4, .in_all = 1,
	  .about = "aen_init waits for aift_lock held by another CPU" },
	{ .name = "probe-d8", .boot = sc_probe, .probe = 8, .in_all = 1, .about = "aen_exit without aift_lock trips lockdep" },
	{ .name = "inject", .run = run_inject, .in_all = 1, .about = "fail each fallible call once, in a fresh boot" },
	{ .name = "cycles", .boot = sc_cycles, .in_all = 1, .about = "--cycles load/unload cycles: zero growth, one registration" },
	{ .name = "count", .run = run_count, .about = "figures: fallible calls of a load and a reload" },
	{ .name = "bench", .boot = sc_cycles, .bench = 1, .about = "figures: allocations, bytes, firmware calls, growth" },
};
#define NSCEN (sizeof(scenarios) / sizeof(scenarios[0]))

static bool selects(const char *arg, const struct scenario *s)
{
	if (!strcmp(arg, "all"))
		return s->in_all;
	return !strcmp(arg, s->name) || (s->group && !strcmp(arg, s->group));
}

static void usage(void)
{
	fprintf(stderr, "usage: model [--mod=DIR] [--cycles=N] [--records] [--prereg] [-v] SCENARIO...\n");
	for (size_t k = 0; k < NSCEN; k++)
		fprintf(stderr, "  %-17s %s\n", scenarios[k].name, scenarios[k].about);
	fprintf(stderr, "  %-17s %s\n  %-17s %s\n", UNAVAIL, "all of switch-off .. no-aiv",
		"all", "every scenario but the figures");
}

static void get_nr(void)
{
	char path[600];
	void *h;

	snprintf(path, sizeof(path), "%s/kvm.so", model_mod_dir);
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!h || !model_mod) {
		fprintf(stderr, "model: cannot load the module %s: %s\n", path, h ? "it did not register" : dlerror());
		exit(MODEL_EXIT_FAIL);
	}
	NR = model_mod->nr_devices;
	upstream = model_mod->upstream;
	dlclose(h);
}

int main(int argc, char **argv)
{
	int i, j;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strncmp(argv[i], "--mod=", 6))
			snprintf(model_mod_dir, sizeof(model_mod_dir), "%s", argv[i] + 6);
		else if (!strncmp(argv[i], "--cycles=", 9))
			cycles = atoi(argv[i] + 9);
		else if (!strcmp(argv[i], "--prereg"))
			prereg = 1;
		else if (!strcmp(argv[i], "--records"))
			model_records = 1;
		else if (!strcmp(argv[i], "-v"))
			model_verbose = 1;
		else {
			usage();
			return MODEL_EXIT_USAGE;
		}
	}
	for (j = i; j < argc; j++) {
		size_t k;

		for (k = 0; k < NSCEN && !selects(argv[j], &scenarios[k]); k++)
			;
		if (k == NSCEN) {
			fprintf(stderr, "model: unknown scenario '%s' (model --help lists them)\n", argv[j]);
			return MODEL_EXIT_USAGE;
		}
	}
	get_nr();
	printf("model: module %s/kvm.so, ZPCI_NR_DEVICES=%d, records %s\n", model_mod_dir, NR,
	       model_records > 0 ? "asserted" : "not asserted (RECORDS=no: the series writes none)");
	for (; i < argc; i++)
		for (size_t k = 0; k < NSCEN; k++) {
			const struct scenario *s = &scenarios[k];

			if (!selects(argv[i], s))
				continue;
			if (s->run)
				s->run();
			else
				tally(run_child(boot_one, s, s->name));
		}
	printf("%d passed, %d failed%s", pass, fail, skip ? "" : "\n");
	if (skip)
		printf(", %d skipped\n", skip);
	return fail ? MODEL_EXIT_FAIL : MODEL_EXIT_PASS;
}
