/* SPDX-License-Identifier: GPL-2.0 */
/* shim: "kvm-s390.h" - KVM_EVENT into the model's kvm-trace records */
#ifndef SHIM_KVM_S390_H
#define SHIM_KVM_S390_H
#include "model_kernel.h"

typedef struct model_debug_info debug_info_t;
extern debug_info_t *kvm_s390_dbf;
extern debug_info_t *kvm_s390_dbf_uv;

#define KVM_EVENT(d_loglevel, d_string, d_args...) \
do { \
	model_dbf_event(kvm_s390_dbf, d_loglevel, d_string "\n", d_args); \
} while (0)

int kvm_s390_gib_init(u8 nisc);
void kvm_s390_gib_destroy(void);
#endif
