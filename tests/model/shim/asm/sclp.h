/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/sclp.h> with the series' AENI facility bit */
#ifndef SHIM_ASM_SCLP_H
#define SHIM_ASM_SCLP_H
#include "../model_kernel.h"

struct sclp_info {
	unsigned char has_aeni : 1;
};
extern struct sclp_info sclp;
#endif
