// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the kvm-trace parsing in aen_reload_test.c: the test is
 * compiled in with its main() renamed and fopen() stubbed, so that
 * read_record() reads canned text of the sprintf view, one load's kvm-trace
 * per case. AEN_UPSTREAM (run.sh sets it for a tree with kvm/s390/) selects
 * the upstream records, "aen: registered|reused aipb=%p" and kvm's "gib 0x%p
 * (nisc=%d) initialized"; without it, the 5.10 "aen: ..." records
 * (registered|reused with isc and faal, failed, unavailable). Exit 0 when
 * every case passes.
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
#define GIB	H "gib 0x000000002b7a11c4 (nisc=5) initialized\n"
#define A	"000000003c1e9a77"
#define B	"00000000d00dfeed"

static const struct {
	const char *trace;	/* one load's kvm-trace; NULL: cannot be read */
	enum aen_kind kind;
	const char *want;	/* in the aipb (registered, reused) or the reason */
} cases[] = {
	{ NULL, AEN_NONE, "no AEN record" },
	{ OTHER, AEN_NONE, "no AEN record" },
	{ "junk\n\n", AEN_NONE, "no AEN record" },
	{ NOAIV, AEN_UNAVAILABLE, "AEN unavailable: no AIV facility" },
	{ OTHER NOAIV OTHER, AEN_UNAVAILABLE, "AEN unavailable: no AIV facility" },
	{ "gib not initialized, no AIV facility\n", AEN_UNAVAILABLE, "no AIV facility" },
	{ H "aen:\n", AEN_BAD, "malformed AEN record" },
	{ H "AEN: registered aipb=" A "\n", AEN_NONE, "no AEN record" },
#ifdef AEN_UPSTREAM
#define REC(verb, aipb) H "aen: " verb " aipb=" aipb "\n"
	{ REC("registered", A), AEN_REGISTERED, A },
	{ REC("reused", A), AEN_REUSED, A },
	{ OTHER GIB REC("reused", A) OTHER, AEN_REUSED, A },
	{ REC("registered", B) GIB, AEN_REGISTERED, B },
	{ GIB REC("registered", B), AEN_REGISTERED, B },
	{ "aen: reused aipb=" A "\n", AEN_REUSED, A },
	{ HT "aen: reused aipb=(____ptrval____)\n", AEN_REUSED, PTRVAL },
	{ HT "aen: registered aipb=(____ptrval____)\n", AEN_REGISTERED, PTRVAL },
	{ GIB, AEN_NOT_SET_UP, "AEN not set up (not allowed here" },
	{ OTHER GIB OTHER, AEN_NOT_SET_UP, "AEN not set up" },
	{ HT "gib 0x(____ptrval____) (nisc=5) initialized\n", AEN_NOT_SET_UP, "not set up" },
	{ GIB GIB, AEN_NOT_SET_UP, "not set up" },
	{ GIB NOAIV, AEN_UNAVAILABLE, "no AIV facility" },
	{ REC("registered", A) REC("reused", B), AEN_REGISTERED, A },
	{ REC("reused", A) REC("registered", A), AEN_REUSED, A },
	{ NOAIV REC("registered", A), AEN_UNAVAILABLE, "no AIV facility" },
	{ H "gib 0x000000002b7a11c4 (nisc=5) initialized, aipb 0x" A "\n", AEN_NONE, "no AEN" },
	{ H "gib 0x000000002b7a11c4 (nisc=x) initialized\n", AEN_NONE, "no AEN record" },
	{ GIB REC("reused", "3c1e9a77"), AEN_BAD, "malformed AEN record" },
	{ REC("reused", "000000003C1E9A77"), AEN_BAD, "malformed" },
	{ REC("reused", "00000000zz1e9a77"), AEN_BAD, "malformed" },
	{ REC("reused", A "00"), AEN_BAD, "malformed" },
	{ REC("reused", A "x"), AEN_BAD, "malformed" },
	{ REC("reused", "(null)"), AEN_BAD, "malformed" },
	{ REC("reused", "(____ptrval___)"), AEN_BAD, "malformed" },
	{ REC("reused", ""), AEN_BAD, "malformed" },
	{ REC("reused", A " more"), AEN_BAD, "malformed" },
	{ REC("reregistered", A), AEN_BAD, "malformed" },
	{ REC("registered", A " isc=3 faal=512"), AEN_BAD, "malformed" },
	{ H "aen: unavailable: no AENI facility\n", AEN_BAD, "malformed" },
	{ H "aen: failed rc=-5: no memory\n", AEN_BAD, "malformed" },
	{ H "aen: reused\n", AEN_BAD, "malformed" },
	{ OTHER REC("reused", A) H "aen: reused aipb=" A "x\n", AEN_REUSED, A },
#else
#define REC(rec) H "aen: " rec "\n"
#define SET(verb, aipb) REC(verb " aipb=" aipb " isc=3 faal=512")
	{ SET("registered", A), AEN_REGISTERED, A },
	{ OTHER SET("reused", A) OTHER, AEN_REUSED, A },
	{ GIB SET("reused", B), AEN_REUSED, B },
	{ "aen: reused aipb=" A " isc=3 faal=512\n", AEN_REUSED, A },
	{ HT "aen: reused aipb=(____ptrval____) isc=0 faal=0\n", AEN_REUSED, PTRVAL },
	{ HT "aen: registered aipb=(____ptrval____) isc=0 faal=0\n", AEN_REGISTERED, PTRVAL },
	{ REC("failed rc=-22: forwarding ISC 3 differs from the registered ISC 5"), AEN_FAILED,
	  "AEN failed rc=-22: forwarding ISC 3 differs from the registered ISC 5" },
	{ REC("unavailable: no AENI facility"), AEN_UNAVAILABLE,
	  "AEN unavailable: no AENI facility" },
	{ NOAIV REC("unavailable: no AIV facility, so no GIB"), AEN_UNAVAILABLE,
	  "AEN unavailable: no AIV facility" },
	{ GIB, AEN_NONE, "no AEN record" },
	{ SET("registered", A) SET("reused", A), AEN_REGISTERED, A },
	{ NOAIV SET("registered", A), AEN_UNAVAILABLE, "no AIV facility" },
	{ SET("reused", "3c1e9a77"), AEN_BAD, "malformed AEN record" },
	{ SET("reused", "000000003C1E9A77"), AEN_BAD, "malformed" },
	{ SET("reused", "00000000zz1e9a77"), AEN_BAD, "malformed" },
	{ SET("reused", A "00"), AEN_BAD, "malformed" },
	{ SET("reused", A "x"), AEN_BAD, "malformed" },
	{ SET("reused", "(null)"), AEN_BAD, "malformed" },
	{ SET("reused", "(____ptrval___)"), AEN_BAD, "malformed" },
	{ REC("registered aipb=" A), AEN_BAD, "malformed" },
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
	{ REC("reused aipb=" A " isc=3 fa"), AEN_BAD, "malformed" },
#endif
};

int main(void)
{
	size_t i, n = sizeof(cases) / sizeof(cases[0]);
	struct aen_record r;
	const char *got;
	int failed = 0;

	for (i = 0; i < n; i++) {
		trace = cases[i].trace;
		read_record(&r);
		got = r.kind == AEN_REGISTERED || r.kind == AEN_REUSED ? r.aipb : r.why;
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
#ifdef AEN_UPSTREAM
	       "upstream aen:",
#else
	       "5.10 aen:",
#endif
	       n, failed);
	return failed ? 1 : 0;
}
