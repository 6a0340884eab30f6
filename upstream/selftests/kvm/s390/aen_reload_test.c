// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test that kvm reuses its AEN interpretation setup across module reloads
 *
 * Firmware takes the AEN interpretation controls once per boot: the first
 * kvm load registers the adapter interruption parameter block (AIPB),
 * later loads reuse it. Each load writes one kvm-trace record about it:
 * "aen: registered aipb=%p isc=%u faal=%u", "aen: reused ..." (same
 * fields) or "aen: unavailable: <reason>". A failed setup fails the load;
 * a kernel that loads kvm without AEN instead writes "aen: failed rc=%d:
 * <reason>", which fails the test too.
 * The test loads kvm LOADS times (default 3): every load must succeed,
 * write one such record and reuse the AIPB (same hash), ISC and table
 * size (faal) of the first. It needs kvm as a module (CONFIG_KVM=m) that
 * no VM uses, and leaves it loaded or not, with its parameters, as found.
 */
#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>

#include "kselftest.h"

#define KVM_SYSFS		"/sys/module/kvm"
#define S390DBF			"/sys/kernel/debug/s390dbf"
#define KVM_TRACE		S390DBF "/kvm-trace/sprintf"
#define LOADS_DEFAULT		3
#define LOADS_MAX		1000
/*
 * Per modprobe run: kvm loads in well under a second, and the 6 runs of the
 * default loads plus 1 to put kvm back stay within the runner's default of
 * 45 s, well below the 120 s of kvm/settings.
 */
#define MODPROBE_TIMEOUT_S	5
#define MAX_PARAMS		16
#define MAX_ISC			7

enum aen_kind { AEN_NONE, AEN_REGISTERED, AEN_REUSED, AEN_FAILED,
		AEN_UNAVAILABLE, AEN_MALFORMED };

struct aen_record {
	enum aen_kind kind;
	char text[256];		/* the record without the view's header */
	char aipb[32];
	unsigned int isc, faal;
};

static char modprobe_path[256];
static char param_buf[MAX_PARAMS][384];
static const char *kvm_params[MAX_PARAMS + 1];
static bool kvm_was_loaded, kvm_changed;

/* Parse a sprintf view line: "area sec:usec level - cpu caller  record" */
static enum aen_kind aen_parse(const char *line, struct aen_record *r)
{
	int hdr = 0, n = 0, m = 0, num;
	const char *rest;
	char verb[16];

	memset(r, 0, sizeof(*r));
	if (sscanf(line, "%*d %*d:%*d %d %*1[-*] %*d %*s %n", &num, &hdr) != 1)
		hdr = 0;
	snprintf(r->text, sizeof(r->text), "%s", line + hdr);
	if (strncmp(r->text, "aen:", 4))
		return r->kind = AEN_NONE;
	r->kind = AEN_MALFORMED;
	if (!hdr || sscanf(r->text, "aen: %15s %n", verb, &n) != 1)
		return r->kind;
	rest = r->text + n;
	if (!strcmp(verb, "registered") || !strcmp(verb, "reused")) {
		if (sscanf(rest, "aipb=%31s isc=%u faal=%u%n", r->aipb, &r->isc,
			   &r->faal, &m) == 3 && !rest[m] && r->isc <= MAX_ISC)
			r->kind = strcmp(verb, "reused") ? AEN_REGISTERED : AEN_REUSED;
	} else if (!strcmp(verb, "failed")) {
		if (sscanf(rest, "rc=%d: %n", &num, &m) == 1 && m && rest[m])
			r->kind = AEN_FAILED;
	} else if (!strcmp(verb, "unavailable:") && *rest) {
		r->kind = AEN_UNAVAILABLE;
	}
	return r->kind;
}

/*
 * Check the kvm-trace of one load: exactly one AEN record, which becomes
 * @ref at the first load and must reuse @ref at later ones. Returns
 * KSFT_PASS, or KSFT_FAIL or KSFT_SKIP with the reason in @why.
 */
static int aen_check(FILE *f, struct aen_record *ref, char *why, int size)
{
	struct aen_record rec, r;
	char line[256];
	int n = 0;

	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (aen_parse(line, &r) == AEN_NONE)
			continue;
		if (r.kind == AEN_MALFORMED) {
			snprintf(why, size, "malformed record '%s'", line);
			return KSFT_FAIL;
		}
		rec = r;
		n++;
	}
	if (n != 1) {
		snprintf(why, size, "%d AEN records, expected one", n);
		return KSFT_FAIL;
	}
	snprintf(why, size, "%s", rec.text);
	if (rec.kind == AEN_FAILED)
		return KSFT_FAIL;
	if (ref->kind == AEN_NONE) {
		*ref = rec;
		return rec.kind == AEN_UNAVAILABLE ? KSFT_SKIP : KSFT_PASS;
	}
	if (rec.kind != AEN_REUSED || strcmp(rec.aipb, ref->aipb) ||
	    rec.isc != ref->isc || rec.faal != ref->faal) {
		snprintf(why, size, "'%s' after '%s'", rec.text, ref->text);
		return KSFT_FAIL;
	}
	return KSFT_PASS;
}

static int read_line(const char *path, char *buf, int size)
{
	FILE *f = fopen(path, "r");
	bool ok = f && fgets(buf, size, f);

	if (f)
		fclose(f);
	buf[ok ? strcspn(buf, "\n") : 0] = '\0';
	return ok ? 0 : -1;
}

/*
 * The machine type in /proc/sysinfo, which only an s390 kernel has.
 * uname() cannot tell: qemu-user reports s390x on any host, but its /proc
 * is the host kernel's.
 */
static bool s390_machine(char *type)
{
	char line[128];
	FILE *f = fopen("/proc/sysinfo", "r");

	type[0] = '\0';
	while (f && !type[0] && fgets(line, sizeof(line), f))
		sscanf(line, "Type: %15s", type);
	if (f)
		fclose(f);
	return type[0];
}

/* 1: kvm is a loaded module, 0: it is not loaded, -1: it is built in */
static int kvm_state(void)
{
	if (!access(KVM_SYSFS "/initstate", F_OK))
		return 1;
	return access(KVM_SYSFS, F_OK) ? 0 : -1;
}

/* Load kvm with kvm_params, or unload it; wait at most MODPROBE_TIMEOUT_S. */
static int modprobe(bool load, char *why, int size)
{
	const char *argv[MAX_PARAMS + 3] = { "modprobe", "-r", "kvm" };
	int ms, status = -1;
	char cmd[300];
	pid_t pid;

	if (load) {
		argv[1] = "kvm";
		memcpy(&argv[2], kvm_params, sizeof(kvm_params));
	}
	snprintf(cmd, sizeof(cmd), "%s %skvm", modprobe_path, load ? "" : "-r ");
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		snprintf(why, size, "fork for %s: %s", cmd, strerror(errno));
		return -1;
	}
	if (!pid) {
		execv(modprobe_path, (char *const *)argv);
		_exit(127);
	}
	for (ms = 0; !waitpid(pid, &status, WNOHANG); ms += 10) {
		if (ms >= MODPROBE_TIMEOUT_S * 1000) {
			kill(pid, SIGKILL);
			snprintf(why, size, "%s: no exit within %d s", cmd,
				 MODPROBE_TIMEOUT_S);
			return -1;
		}
		usleep(10000);
	}
	snprintf(why, size, "%s: exit status %d", cmd, WIFEXITED(status) ?
		 WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

/* Put kvm back as it was found, report the one result and exit. */
static __noreturn __printf(2, 3) void finish(int rc, const char *fmt, ...)
{
	char msg[700], why[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (kvm_changed && (kvm_state() == 1) != kvm_was_loaded &&
	    modprobe(kvm_was_loaded, why, sizeof(why))) {
		ksft_print_msg("%s\n", msg);
		snprintf(msg, sizeof(msg), "cannot put kvm back: %s", why);
		rc = KSFT_FAIL;
	}
	if (rc == KSFT_SKIP)
		ksft_exit_skip("%s\n", msg);
	ksft_test_result(rc == KSFT_PASS, "%s\n", msg);
	ksft_finished();
}

/* Keep kvm's parameters as "name=value", to load it again with them. */
static void save_params(void)
{
	char path[512], val[128];
	DIR *dir = opendir(KVM_SYSFS "/parameters");
	struct dirent *d;
	int n = 0;

	while (dir && (d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/parameters/%s", KVM_SYSFS,
			 d->d_name);
		if (n == MAX_PARAMS || read_line(path, val, sizeof(val)) ||
		    strpbrk(val, " \t\"'"))
			finish(KSFT_SKIP, "cannot keep kvm parameter %s to restore it",
			       d->d_name);
		snprintf(param_buf[n], sizeof(param_buf[n]), "%s=%s",
			 d->d_name, val);
		kvm_params[n] = param_buf[n];
		n++;
	}
	if (dir)
		closedir(dir);
}

int main(int argc, char *argv[])
{
	struct aen_record ref = { .kind = AEN_NONE };
	int i, rc, loads = LOADS_DEFAULT;
	char why[600], type[16], c;
	FILE *f;

	if (argc > 2 || (argc == 2 && (sscanf(argv[1], "%d%c", &loads, &c) != 1 ||
				       loads < 1 || loads > LOADS_MAX))) {
		fprintf(stderr, "aen_reload_test: usage: aen_reload_test [LOADS], 1-%d\n",
			LOADS_MAX);
		return KSFT_FAIL;
	}
	ksft_print_header();
	ksft_set_plan(1);
	if (geteuid())
		finish(KSFT_SKIP, "must be run as root");
	if (!s390_machine(type))
		finish(KSFT_SKIP, "not a real s390 host: no machine type in /proc/sysinfo");
	if (access(S390DBF, F_OK))
		finish(KSFT_SKIP, "no debugfs: %s: %m", S390DBF);
	if (read_line("/proc/sys/kernel/modprobe", modprobe_path,
		      sizeof(modprobe_path)) || !modprobe_path[0])
		strcpy(modprobe_path, "/sbin/modprobe");
	rc = kvm_state();
	if (rc < 0)
		finish(KSFT_SKIP, "kvm is built in, the test needs CONFIG_KVM=m");
	kvm_was_loaded = rc;
	if (rc && (read_line(KVM_SYSFS "/refcnt", why, sizeof(why)) || atoi(why)))
		finish(KSFT_SKIP, "kvm is in use (refcnt %s)", why);
	save_params();
	ksft_print_msg("machine type %s, kvm %s, %d loads with %s\n", type,
		       rc ? "loaded" : "not loaded", loads, modprobe_path);

	kvm_changed = true;
	for (i = 1; i <= loads; i++) {
		if (kvm_state() == 1 && modprobe(false, why, sizeof(why)))
			finish(KSFT_FAIL, "unload before load %d: %s", i, why);
		rc = modprobe(true, why, sizeof(why));
		if (rc && i == 1 && !kvm_was_loaded)
			finish(KSFT_SKIP, "kvm cannot load: %s", why);
		if (rc)
			finish(KSFT_FAIL, "load %d failed: %s", i, why);
		f = fopen(KVM_TRACE, "r");
		if (!f)
			finish(KSFT_FAIL, "load %d: %s: %m", i, KVM_TRACE);
		rc = aen_check(f, &ref, why, sizeof(why));
		fclose(f);
		if (rc != KSFT_PASS)
			finish(rc, "load %d: %s", i, why);
		ksft_print_msg("load %d: %s\n", i, why);
	}
	finish(KSFT_PASS, "%d loads, one AEN registration: %s", loads, ref.text);
}
