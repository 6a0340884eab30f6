// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that reloads of the kvm module keep one AEN registration
 *
 * Firmware takes the AEN interpretation controls with the AIPB (adapter
 * interruption parameter block) once per boot: the first kvm load registers
 * it, later loads must reuse it. The test loads kvm, reloads it RELOADS times
 * and reads each load's record in debugfs s390dbf/kvm-trace/sprintf:
 *   "aen: registered aipb=%p isc=%u faal=%u": the load registered the AIPB (%p:
 *	hashed), a second time if on a reload; "aen: reused ...": it reused it;
 *   "aen: failed rc=%d: <reason>" (kvm loads without AEN), "aen: unavailable:
 *	<reason>", "gib not initialized, no AIV facility": no AEN interpretation.
 *
 * kvm is put back as found, with its parameters. Each load resets the
 * kvm-trace and kvm-uv logs; if kvm was not loaded, the test makes this
 * boot's AEN registration.
 */
#include <fcntl.h>
#include <glob.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>

#include "kselftest.h"

#define KVM_SYSFS	"/sys/module/kvm"
#define S390DBF		"/sys/kernel/debug/s390dbf"
#define RELOADS		2
/*
 * A modprobe run gets MODPROBE_S, then REAP_S to end after SIGKILL. At most
 * 7 runs (unload, first load, 2 per reload, put back): 7 * (5 + 1) = 42 s,
 * below the kselftest runner's default timeout of 45 s.
 */
#define MODPROBE_S	5
#define REAP_S		1
#define MAX_PARAMS	32

enum aen_kind { AEN_NONE, AEN_REGISTERED, AEN_SET, AEN_UNAVAILABLE, AEN_FAILED, AEN_MALFORMED };

struct aen_record {
	enum aen_kind kind;
	char aipb[32], why[160], text[200];	/* hashed AIPB, what is wrong, record */
};

#define KVM_M_NOTE "kvm/config asks for CONFIG_KVM=y: build with KVM=m to run it"

/* Parse a kvm-trace record (r->text) */
static enum aen_kind aen_parse(struct aen_record *r)
{
	const char *s = r->text;
	unsigned int isc = 0, faal;
	int n = 0, m = 0;
	char verb[16] = "";

	if (!strcmp(s, "gib not initialized, no AIV facility"))
		s = "aen: unavailable: no AIV facility";
	if (strncmp(s, "aen:", 4))
		return r->kind = AEN_NONE;
	r->kind = AEN_MALFORMED;
	if (sscanf(s, "aen: %15s %n", verb, &n) == 1 && !strcmp(verb, "unavailable:") && s[n])
		r->kind = AEN_UNAVAILABLE;
	else if (!strcmp(verb, "failed") && sscanf(s + n, "rc=%*d: %n", &m) == 0 && m && s[n + m])
		r->kind = AEN_FAILED;
	else if (sscanf(s + n, "aipb=%31s isc=%u faal=%u%n", r->aipb, &isc, &faal, &m) == 3 &&
		 !s[n + m] && isc < 8 && (!strcmp(verb, "registered") || !strcmp(verb, "reused")))
		r->kind = strcmp(verb, "reused") ? AEN_REGISTERED : AEN_SET;
	snprintf(r->why, sizeof(r->why), "AEN%s", s + 4);
	return r->kind;
}

static char modprobe_path[256], param_buf[MAX_PARAMS][160];
static const char *kvm_params[MAX_PARAMS + 2] = { "kvm" };
static bool kvm_was_loaded, kvm_changed, stuck;
static int kmsg;

/* The AEN record in @f, the kvm-trace sprintf view of one load */
static enum aen_kind read_record(FILE *f, struct aen_record *rec)
{
	struct aen_record r;
	char line[256];
	int hdr;

	*rec = (struct aen_record){ .why = "no AEN record in kvm-trace" };
	while (f && rec->kind != AEN_MALFORMED && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		hdr = 0;	/* "area sec:usec level -|* cpu caller  text" */
		if (sscanf(line, "%*d %*d:%*d %*d %*1[-*] %*d %*s %n", &hdr) == EOF)
			continue;
		snprintf(r.text, sizeof(r.text), "%s", line + hdr);
		if (!aen_parse(&r) || (r.kind == AEN_UNAVAILABLE && rec->kind == r.kind))
			continue;
		if (!hdr || rec->kind)
			r.kind = AEN_MALFORMED;
		if (r.kind == AEN_MALFORMED)
			snprintf(r.why, sizeof(r.why), "%s",
				 rec->kind ? "two AEN records" : "malformed AEN record");
		*rec = r;
	}
	return rec->kind;
}

/* The first line of @path, if whole */
static int read_line(const char *path, char *buf, int size)
{
	FILE *f = fopen(path, "r");
	bool ok = f && fgets(buf, size, f) && strchr(buf, '\n');

	if (f)
		fclose(f);
	buf[ok ? strcspn(buf, "\n") : 0] = '\0';
	return ok ? 0 : -1;
}

/* -1: kvm is built in, 0: not loaded, 1 + its refcnt: a loaded module */
static int kvm_state(void)
{
	char buf[16];

	if (!read_line(KVM_SYSFS "/refcnt", buf, sizeof(buf)))
		return 1 + atoi(buf);
	return access(KVM_SYSFS, F_OK) ? 0 : -1;
}

/* Load kvm with kvm_params, or unload it: 0, or -1 with the reason in @why */
static int run_modprobe(bool load, char *why, int size)
{
	const char *argv[MAX_PARAMS + 3] = { modprobe_path, "-r", "kvm" };
	int n = 0, ms = 0, status = 0;
	FILE *err = tmpfile();
	struct timespec t0, t;
	char line[256];
	pid_t pid;

	if (load)
		memcpy(&argv[1], kvm_params, sizeof(kvm_params));
	kvm_changed = true;
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (!pid) {
		dup2(err ? fileno(err) : 2, 2);
		execv(modprobe_path, (char *const *)argv);
		_exit(127);
	}
	while (pid > 0 && !(n = waitpid(pid, &status, WNOHANG)) &&
	       ms < (MODPROBE_S + REAP_S) * 1000) {
		usleep(10000);
		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (ms >= MODPROBE_S * 1000)
			kill(pid, SIGKILL);
	}
	stuck = pid > 0 && !n;
	snprintf(why, size, "modprobe %skvm: %s", load ? "" : "-r ",
		 stuck ? "no end after SIGKILL" : ms >= MODPROBE_S * 1000 ? "timed out" : "failed");
	if (err)
		rewind(err);
	while (err && fgets(line, sizeof(line), err)) {
		line[strcspn(line, "\n")] = '\0';
		ksft_print_msg("%s\n", line);
		if (line[0] && n > 0 && ms < MODPROBE_S * 1000)
			snprintf(why, size, "%s", line);
	}
	if (err)
		fclose(err);
	return n > 0 && ms < MODPROBE_S * 1000 && !status ? 0 : -1;
}

/* Put kvm back, fail on a kernel log line that shows a problem, report, exit */
static void finish(int rc, const char *fmt, ...)
{
	static const char *const bad[] = { "WARNING:", "BUG:", "Oops", "KASAN", "UBSAN", "kmemleak",
		"Call Trace", "general protection", "Unable to handle kernel", NULL };
	char msg[512], why[300] = "a modprobe run did not end", rec[8192];
	const char *const *p;
	ssize_t n = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (kvm_changed && (kvm_state() > 0) != kvm_was_loaded &&
	    (stuck || run_modprobe(kvm_was_loaded, why, sizeof(why)))) {
		ksft_print_msg("%s\n", msg);
		snprintf(msg, sizeof(msg), "cannot put kvm back: %s", why);
		rc = KSFT_FAIL;
	}
	while (kvm_changed && (n = read(kmsg, rec, sizeof(rec) - 1)) > 0) {
		rec[n] = '\0';
		rec[strcspn(rec, "\n")] = '\0';	/* "prio,seq,usec,flags;text" */
		for (p = bad; *p && !strstr(rec, *p); p++)
			;
		if (*p && rc != KSFT_FAIL)
			snprintf(msg, sizeof(msg), "kernel log: %s", strchr(rec, ';') + 1);
		if (*p)
			rc = KSFT_FAIL;
	}
	if (kvm_changed && (kmsg < 0 || (n < 0 && errno != EAGAIN)))
		ksft_print_msg("kernel log not checked (to its end): /dev/kmsg cannot be read\n");
	if (rc != KSFT_SKIP) {
		ksft_test_result(rc == KSFT_PASS, "%s\n", msg);
		ksft_exit(rc == KSFT_PASS);
	}
	ksft_test_result_skip("%s\n", msg);
	ksft_print_cnts();	/* 5.10's ksft_exit_skip() would number it "ok 2" */
	exit(KSFT_SKIP);
}

/* Keep kvm's parameters as "name=value", to load kvm with them */
static void save_params(void)
{
	char val[128], *name;
	glob_t g = { 0 };
	size_t i;

	glob(KVM_SYSFS "/parameters/*", 0, NULL, &g);
	for (i = 0; i < g.gl_pathc; i++) {
		name = strrchr(g.gl_pathv[i], '/') + 1;
		if (i == MAX_PARAMS || read_line(g.gl_pathv[i], val, sizeof(val)) ||
		    strpbrk(val, " \t\"'"))
			finish(KSFT_SKIP, "cannot keep kvm parameter %s to load kvm with it", name);
		snprintf(param_buf[i], sizeof(param_buf[i]), "%s=%s", name, val);
		kvm_params[i + 1] = param_buf[i];
	}
}

/* Judge the record of load @name: the first sets @ref, later ones reuse it */
static void judge(const char *name, struct aen_record *ref)
{
	FILE *f = fopen(S390DBF "/kvm-trace/sprintf", "r");
	struct aen_record rec;

	read_record(f, &rec);
	if (f)
		fclose(f);
	ksft_print_msg("%s: %s\n", name, rec.kind ? rec.text : rec.why);
	if (!rec.kind && !kvm_changed)
		finish(KSFT_SKIP, "kvm-trace lost the current load's record: unload kvm to test");
	if (rec.kind == AEN_UNAVAILABLE && !ref->kind)
		finish(KSFT_SKIP, "%s", rec.why);
	if (rec.kind != AEN_REGISTERED && rec.kind != AEN_SET)
		finish(KSFT_FAIL, "%s: %s", name, rec.why);
	if (ref->kind && (rec.kind == AEN_REGISTERED || strcmp(rec.aipb, ref->aipb)))
		finish(KSFT_FAIL, "%s: second AEN registration", name);
	if (!ref->kind)
		*ref = rec;
}

int main(void)
{
	struct aen_record ref = { .kind = AEN_NONE };
	char type[16] = "", line[300], name[32];
	FILE *f;
	int i;

	ksft_print_header();
	ksft_set_plan(1);
	if (geteuid())
		finish(KSFT_SKIP, "must be run as root");
	f = fopen("/proc/sysinfo", "r");	/* not uname(): qemu-user says s390x */
	while (f && !type[0] && fgets(line, sizeof(line), f))
		sscanf(line, "Type: %15s", type);
	if (!type[0])
		finish(KSFT_SKIP, "not a real s390 host: no machine type in /proc/sysinfo");
	fclose(f);
	if (access(S390DBF, F_OK))
		finish(KSFT_SKIP, "no s390dbf in debugfs: %s: %s", S390DBF, strerror(errno));
	i = kvm_state();
	if (i < 0)
		finish(KSFT_SKIP, "kvm is built in: the test needs CONFIG_KVM=m (" KVM_M_NOTE ")");
	if (i > 1)
		finish(KSFT_SKIP, "kvm is in use (refcnt %d)", i - 1);
	kvm_was_loaded = i;
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	lseek(kmsg, 0, SEEK_END);
	ksft_print_msg("machine type %s, kvm %sloaded\n", type, i ? "" : "not ");
	if (kvm_was_loaded) {
		judge("current load", &ref);
		save_params();
	}
	if (read_line("/proc/sys/kernel/modprobe", modprobe_path, sizeof(modprobe_path)))
		snprintf(modprobe_path, sizeof(modprobe_path), "/sbin/modprobe");
	for (i = 0; i <= RELOADS; i++) {
		snprintf(name, sizeof(name), i ? "reload %d" : "first load", i);
		if (kvm_state() > 0 && run_modprobe(false, line, sizeof(line))) {
			if (!stuck && kvm_state() > 1)
				finish(KSFT_SKIP, "kvm became busy: %s", line);
			finish(KSFT_FAIL, "unload before %s failed: %s", name, line);
		}
		if (run_modprobe(true, line, sizeof(line))) {
			if (!i && !kvm_was_loaded && strstr(line, "No such device"))
				finish(KSFT_SKIP, "kvm cannot load: %s", line);
			finish(KSFT_FAIL, "%s failed: %s", name, line);
		}
		judge(name, &ref);
	}
	finish(KSFT_PASS, "first load and %d reloads keep one AEN registration", RELOADS);
}
