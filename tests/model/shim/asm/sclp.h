/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/sclp.h>: struct sclp_info is the tree's (kernel-defs.h); the facilities: src/firmware.c */
#ifndef SHIM_ASM_SCLP_H
#define SHIM_ASM_SCLP_H
#include "../model_kernel.h"

extern struct sclp_info sclp;
#endif
