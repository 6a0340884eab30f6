/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shim: <asm/airq.h>: airq_iv_create() of 5.10 (two arguments) or of the
 * seed and 7.2 (three); struct airq_iv and AIRQ_IV_* are the tree's (kernel-defs.h)
 */
#ifndef SHIM_ASM_AIRQ_H
#define SHIM_ASM_AIRQ_H
#include "../model_kernel.h"

struct airq_iv *model_airq_iv_create(unsigned long bits, unsigned long flags, const char *file, int line);
void model_airq_iv_release(struct airq_iv *iv, const char *file, int line);
#ifndef MODEL_SEED_API
#define airq_iv_create(bits, flags) model_airq_iv_create((bits), (flags), __FILE__, __LINE__)
#else	/* the 3-argument version (the seed's patch 06, upstream since 6.0): no input vector here */
#define airq_iv_create(bits, flags, vec) \
	model_airq_iv_create((bits), (flags) | (0 * (unsigned long)(vec)), __FILE__, __LINE__)
#endif
#define airq_iv_release(iv) model_airq_iv_release((iv), __FILE__, __LINE__)
#endif
