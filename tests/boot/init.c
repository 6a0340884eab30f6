// SPDX-License-Identifier: GPL-2.0-only
/*
 * init (PID 1) of the boot test's initramfs: mount the pseudo file
 * systems, try to load /kvm.ko, run the kselftest /aen_reload_test with
 * KVM_MODULE=/kvm.ko, and power off. Every step prints an "AEN-BOOT:"
 * marker that tests/boot/run.sh parses from the console log.
 * Kernel command line parameters of the form NAME=value reach the test
 * as environment (AEN_RELOAD_CYCLES=5, ...); AEN_BOOT_PRELOAD=0 skips
 * the initial load (for trying the test with a stand-in module).
 * Built static for s390x: s390x-linux-gnu-gcc -static -o init init.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define M "AEN-BOOT: "

static void do_mount(const char *src, const char *dir, const char *type)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, 0, NULL) && errno != EBUSY)
		printf(M "mount %s on %s: %s\n", type, dir, strerror(errno));
	else
		printf(M "mounted %s on %s\n", type, dir);
}

static void console(void)
{
	int fd;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

static const char *errno_name(int err)
{
	switch (err) {
	case 0:
		return "OK";
	case ENODEV:
		return "ENODEV";
	case ENOENT:
		return "ENOENT";
	case EEXIST:
		return "EEXIST";
	case ENOEXEC:
		return "ENOEXEC";
	case EINVAL:
		return "EINVAL";
	case ENOMEM:
		return "ENOMEM";
	case EPERM:
		return "EPERM";
	}
	return "other";
}

static void cat_head(const char *path, int lines)
{
	char line[512];
	FILE *f = fopen(path, "r");

	if (!f) {
		printf(M "cannot read %s: %s\n", path, strerror(errno));
		return;
	}
	while (lines-- > 0 && fgets(line, sizeof(line), f))
		printf(M "s390dbf sample: %s", line);
	fclose(f);
}

static const char *kvm_state(void)
{
	return access("/sys/module/kvm/initstate", F_OK) ? "not loaded" :
							    "loaded";
}

static void power_off(void)
{
	printf(M "power off\n");
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	printf(M "reboot(RB_POWER_OFF) failed: %s\n", strerror(errno));
	fflush(stdout);
	for (;;)
		pause();
}

int main(void)
{
	char *const argv[] = { "/aen_reload_test", NULL };
	const char *preload = getenv("AEN_BOOT_PRELOAD");
	char up[64] = "?";
	int fd, err, status;
	pid_t pid;
	FILE *f;

	console();
	setvbuf(stdout, NULL, _IOLBF, 0);
	do_mount("proc", "/proc", "proc");
	do_mount("sysfs", "/sys", "sysfs");
	do_mount("debugfs", "/sys/kernel/debug", "debugfs");
	f = fopen("/proc/uptime", "r");
	if (f) {
		if (!fgets(up, sizeof(up), f))
			strcpy(up, "?");
		up[strcspn(up, " \n")] = '\0';
		fclose(f);
	}
	printf(M "init started, pid %d, uptime %s s\n", getpid(), up);

	/* a sample of the real sprintf-view header, for the parser */
	cat_head("/sys/kernel/debug/s390dbf/cio_msg/sprintf", 2);

	/* AEN_BOOT_PRELOAD=0 on the kernel command line: start unloaded */
	if (preload && !strcmp(preload, "0")) {
		err = -1;
		printf(M "no initial load of /kvm.ko\n");
	} else if ((fd = open("/kvm.ko", O_RDONLY | O_CLOEXEC)) < 0) {
		err = errno;
		printf(M "open /kvm.ko: %s\n", strerror(err));
	} else {
		err = syscall(__NR_finit_module, fd, "", 0) ? errno : 0;
		close(fd);
	}
	if (err >= 0)
		printf(M "finit_module(/kvm.ko): errno %d %s (%s)\n", err,
		       errno_name(err), err ? strerror(err) : "loaded");

	printf(M "kvm before the selftest: %s\n", kvm_state());
	printf(M "selftest start\n");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* the kernel passes unknown name=value parameters here */
		setenv("KVM_MODULE", "/kvm.ko", 1);
		setenv("PATH", "/sbin:/bin", 1);
		execv(argv[0], argv);
		printf(M "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		printf(M "fork: %s\n", strerror(errno));
	} else {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(status))
			printf(M "selftest exit status %d\n",
			       WEXITSTATUS(status));
		else
			printf(M "selftest killed by signal %d\n",
			       WTERMSIG(status));
	}
	/* reap whatever the test left behind */
	while (waitpid(-1, &status, WNOHANG) > 0)
		;
	printf(M "kvm after the selftest: %s\n", kvm_state());
	power_off();
	return 0;
}
