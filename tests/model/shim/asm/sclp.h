/* SPDX-License-Identifier: GPL-2.0 */
/* shim: <asm/sclp.h> with the facility bits of the series (fac118) */
#ifndef SHIM_ASM_SCLP_H
#define SHIM_ASM_SCLP_H
#include "../model_kernel.h"

struct sclp_info {
	unsigned char has_zpci_lsi : 1;
	unsigned char has_aisii : 1;
	unsigned char has_aeni : 1;
	unsigned char has_aisi : 1;
};
extern struct sclp_info sclp;
#endif
