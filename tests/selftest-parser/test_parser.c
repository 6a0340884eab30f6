// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the kvm-trace parsing in aen_reload_test.c: the test is
 * compiled in with its main() renamed and fopen() stubbed, so that
 * read_record() reads canned text of the sprintf view, one load's kvm-trace
 * per case. AEN_GIB_RECORD (run.sh
 * sets it for a tree with kvm/s390/) selects the upstream record, "gib ...
 * initialized, aipb 0x%p"; without it, the 5.10 "aen: ..." records. Exit 0
 * when every case passes.
 */
#include <stdio.h>
#include <string.h>

/* stub: read_record()'s fopen() of kvm-trace gets the current case's text */
static const char *trace;
static FILE *trace_fopen(const char *path, const char *mode)
{
	(void)path;
	return trace ? fmemopen((void *)trace, strlen(trace), mode) : NULL;
}

#define fopen trace_fopen
#define main aen_reload_test_main
#include "aen_reload_test.c"
#undef main
#undef fopen

/* headers as debug_dflt_header_fn() writes them; the second is seen under TCG */
#define H	"00 01732431234:567890 3 - 0001 000000002b7a11c4  "
#define HT	"00 01795497206:998996 3 * 0000 (____ptrval____)  "
#define OTHER	H "vm 0x000000002b7a11c4 created by pid 77\n"
#define NOAIV	H "gib not initialized, no AIV facility\n"
#define A	"000000003c1e9a77"

static const struct {
	const char *trace;	/* one load's kvm-trace; NULL: cannot be read */
	enum aen_kind kind;
	const char *want;	/* in the aipb (registered, set up) or the reason */
} cases[] = {
	{ NULL, AEN_NONE, "no AEN record" },
	{ OTHER, AEN_NONE, "no AEN record" },
	{ "junk\n\n", AEN_NONE, "no AEN record" },
	{ NOAIV, AEN_UNAVAILABLE, "AEN unavailable: no AIV facility" },
	{ OTHER NOAIV OTHER, AEN_UNAVAILABLE, "no AIV facility" },
	{ "gib not initialized, no AIV facility\n", AEN_BAD, "malformed" },
#ifdef AEN_GIB_RECORD
#define GIB(aipb) H "gib 0x000000002b7a11c4 (nisc=5) initialized, aipb 0x" aipb "\n"
	{ GIB(A), AEN_SET, A },
	{ OTHER GIB(A) OTHER, AEN_SET, A },
	{ HT "gib 0x(____ptrval____) (nisc=5) initialized, aipb 0x(____ptrval____)\n",
	  AEN_SET, "(____ptrval____)" },
	{ GIB("0000000000000000"), AEN_UNAVAILABLE, "AEN unavailable: not allowed here" },
	{ GIB("0"), AEN_UNAVAILABLE, "not allowed" },
	{ H "aen: registered aipb=" A " isc=5 faal=512\n", AEN_NONE, "no AEN record" },
	{ GIB(A) GIB(A), AEN_BAD, "second AEN record" },
	{ NOAIV GIB(A), AEN_BAD, "second AEN record" },
	{ GIB(A) NOAIV, AEN_BAD, "second AEN record" },
	{ "gib 0x000000002b7a11c4 (nisc=5) initialized, aipb 0x" A "\n", AEN_BAD, "malformed" },
	{ H "gib 0x000000002b7a11c4 (nisc=5) initialized\n", AEN_OLD, "does not name the AIPB" },
	{ GIB(""), AEN_BAD, "malformed" },
	{ GIB(A " more"), AEN_BAD, "malformed" },
	{ H "gib 0x000000002b7a11c4 (nisc=x) initialized, aipb 0x" A "\n", AEN_BAD, "malformed" },
	{ H "gib 0x000000002b7a11c4 (nisc=5) initialized, aipb " A "\n", AEN_BAD, "malformed" },
	{ H "gib 0x000000002b7a11c4 (nisc=5) initialized, aipb 0x0000000000000000 "
	  "x\n", AEN_BAD, "malformed" },
	{ GIB("000000003c1e9a77000000003c1e9a7700"), AEN_BAD, "malformed" },
	{ OTHER GIB(A) H "gib 0x000000002b7a11c4 (nisc=5) initia\n", AEN_BAD, "second" },
#else
#define REC(rec) H "aen: " rec "\n"
	{ REC("registered aipb=" A " isc=3 faal=512"), AEN_REGISTERED, A },
	{ OTHER REC("reused aipb=" A " isc=3 faal=512") OTHER, AEN_SET, A },
	{ HT "aen: reused aipb=(____ptrval____) isc=0 faal=0\n", AEN_SET, "(____ptrval____)" },
	{ REC("failed rc=-22: forwarding isc 3 differs from registered isc 5"), AEN_FAILED,
	  "AEN failed rc=-22: forwarding isc 3 differs from registered isc 5" },
	{ REC("unavailable: no AENI facility"), AEN_UNAVAILABLE, "AEN unavailable: no AENI facility" },
	{ NOAIV REC("unavailable: no AIV facility, so no GIB"), AEN_UNAVAILABLE, "no AIV facility" },
	{ H "gib 0x000000002b7a11c4 (nisc=3) initialized\n", AEN_NONE, "no AEN record" },
	{ H "AEN: registered aipb=" A " isc=3 faal=512\n", AEN_NONE, "no AEN record" },
	{ REC("registered aipb=" A " isc=3 faal=512") REC("reused aipb=" A " isc=3 faal=512"),
	  AEN_BAD, "second AEN record" },
	{ NOAIV REC("registered aipb=" A " isc=3 faal=512"), AEN_BAD, "second AEN record" },
	{ "aen: reused aipb=" A " isc=3 faal=512\n", AEN_BAD, "malformed" },
	{ REC("registered aipb=" A " isc=3"), AEN_BAD, "malformed" },
	{ REC("registered aipb=" A " isc=3 faal="), AEN_BAD, "malformed" },
	{ REC("registered isc=3 faal=512"), AEN_BAD, "malformed" },
	{ REC("registered aipb=" A " isc=3 faal=512 more"), AEN_BAD, "malformed" },
	{ REC("registered aipb=" A " isc=x faal=512"), AEN_BAD, "malformed" },
	{ REC("reregistered aipb=" A " isc=3 faal=512"), AEN_BAD, "malformed" },
	{ REC("failed rc=-12: "), AEN_BAD, "malformed" },
	{ REC("failed rc=ENOMEM: no memory"), AEN_BAD, "malformed" },
	{ REC("failed: no memory"), AEN_BAD, "malformed" },
	{ REC("unavailable: "), AEN_BAD, "malformed" },
	{ REC("unavailable"), AEN_BAD, "malformed" },
	{ H "aen:\n", AEN_BAD, "malformed" },
	{ REC("reused aipb=" A " isc=3 fa"), AEN_BAD, "malformed" },
#endif
};

int main(void)
{
	struct aen_record r;
	const char *got;
	int failed = 0;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		trace = cases[i].trace;
		read_record(&r);
		got = r.kind == AEN_REGISTERED || r.kind == AEN_SET ? r.aipb : r.why;
		if (r.kind == cases[i].kind && strstr(got, cases[i].want)) {
			printf("ok %zu: kind %d, %s\n", i + 1, r.kind, got);
			continue;
		}
		printf("FAIL %zu: '%s': kind %d (%s), expected %d (%s)\n", i + 1,
		       cases[i].trace ? cases[i].trace : "(unreadable)", r.kind, got,
		       cases[i].kind, cases[i].want);
		failed++;
	}
	printf("selftest-parser: %s records: %zu cases, %d failed\n",
#ifdef AEN_GIB_RECORD
	       "upstream gib",
#else
	       "5.10 aen:",
#endif
	       sizeof(cases) / sizeof(cases[0]), failed);
	return failed ? 1 : 0;
}
