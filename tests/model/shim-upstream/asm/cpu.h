/* SPDX-License-Identifier: GPL-2.0 */
/* upstream-only shim: <asm/cpu.h> (struct cpuid; get_cpu_id() comes with it here) */
#ifndef SHIM_ASM_CPU_H
#define SHIM_ASM_CPU_H
#include <linux/processor.h>
#endif
