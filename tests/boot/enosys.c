// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stub, boot test only: linked into the kselftest with -Wl,--wrap=syscall,
 * it makes delete_module(2) answer ENOSYS, as a kernel built without
 * CONFIG_MODULE_UNLOAD does; every other syscall() goes through.
 */
#include <errno.h>
#include <sys/syscall.h>

long __real_syscall(long nr, long a, long b, long c, long d, long e, long f);

long __wrap_syscall(long nr, long a, long b, long c, long d, long e, long f)
{
	if (nr == __NR_delete_module) {
		errno = ENOSYS;
		return -1;
	}
	return __real_syscall(nr, a, b, c, d, e, f);
}
