/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <linux/processor.h> (<asm/processor.h>): get_cpu_id(), with the model's machine type (struct cpuid: kernel-defs.h) */
#ifndef SHIM_LINUX_PROCESSOR_H
#define SHIM_LINUX_PROCESSOR_H
#include "../model_kernel.h"

extern unsigned int model_machine_type;	/* src/firmware.c */
static inline void get_cpu_id(struct cpuid *ptr)
{
	*ptr = (struct cpuid){ .machine = model_machine_type };
}
#endif
