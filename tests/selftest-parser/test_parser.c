// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the kvm-trace parsing in aen_reload_test.c: the test
 * is compiled in with its main() renamed, and fed canned text of the
 * sprintf view, one string per kvm load. Exit 0 when every case passes.
 */
#define main aen_reload_test_main
#include "aen_reload_test.c"
#undef main

/* headers as debug_dflt_header_fn() writes them; the second is seen under TCG */
#define H	"00 01732431234:567890 3 - 0001 000000002b7a11c4  "
#define HT	"00 01795497206:998996 3 * 0000 (____ptrval____)  "
#define A	"aipb=000000003c1e9a77"
#define REG	H "aen: registered " A " isc=3 faal=512"
#define REUSE	H "aen: reused " A " isc=3 faal=512"
#define OTHER	H "vm 0x000000002b7a11c4 created by pid 77"

static int failed;

static const struct {
	const char *line;
	enum aen_kind kind;
} lines[] = {
	{ REG, AEN_REGISTERED },
	{ HT "aen: reused aipb=(____ptrval____) isc=0 faal=0", AEN_REUSED },
	{ H "aen: failed rc=-22: forwarding isc 3 differs from registered isc 5",
	  AEN_FAILED },
	{ H "aen: unavailable: no AENI facility", AEN_UNAVAILABLE },
	{ OTHER, AEN_NONE },
	{ H "gib 0x000000002b7a11c4 (nisc=3) initialized", AEN_NONE },
	{ H "AEN: registered " A " isc=3 faal=512", AEN_NONE },
	{ "", AEN_NONE },
	{ "junk", AEN_NONE },
	{ "aen: reused " A " isc=3 faal=512", AEN_MALFORMED },	/* no header */
	{ H "aen: registered " A " isc=3", AEN_MALFORMED },
	{ H "aen: registered " A " isc=3 faal=", AEN_MALFORMED },
	{ H "aen: registered isc=3 faal=512", AEN_MALFORMED },
	{ H "aen: registered " A " isc=3 faal=512 more", AEN_MALFORMED },
	{ H "aen: registered " A " isc=8 faal=512", AEN_MALFORMED },
	{ H "aen: registered " A " isc=x faal=512", AEN_MALFORMED },
	{ H "aen: reregistered " A " isc=3 faal=512", AEN_MALFORMED },
	{ H "aen: failed rc=-12: ", AEN_MALFORMED },
	{ H "aen: failed rc=ENOMEM: no memory", AEN_MALFORMED },
	{ H "aen: failed: no memory", AEN_MALFORMED },
	{ H "aen: unavailable: ", AEN_MALFORMED },
	{ H "aen: unavailable", AEN_MALFORMED },
	{ H "aen:", AEN_MALFORMED },
};

/* Each case: the kvm-trace of up to 3 loads and what aen_check() says. */
static const struct {
	const char *name, *load[3];
	int rc[3];
	const char *why;	/* in the reason of the last load */
} seqs[] = {
	{ "first registration reused", { REG, REUSE, OTHER "\n" REUSE "\n" OTHER "\n" },
	  { KSFT_PASS, KSFT_PASS, KSFT_PASS }, "reused " A },
	{ "earlier registration reused", { REUSE, REUSE },
	  { KSFT_PASS, KSFT_PASS }, "reused" },
	{ "second registration", { REG, REG }, { KSFT_PASS, KSFT_FAIL },
	  "'" "aen: registered " A " isc=3 faal=512' after" },
	{ "reused, other aipb",
	  { REG, H "aen: reused aipb=00000000deadbeef isc=3 faal=512" },
	  { KSFT_PASS, KSFT_FAIL }, "deadbeef" },
	{ "reused, other isc", { REG, H "aen: reused " A " isc=5 faal=512" },
	  { KSFT_PASS, KSFT_FAIL }, "isc=5" },
	{ "reused, other faal", { REG, H "aen: reused " A " isc=3 faal=256" },
	  { KSFT_PASS, KSFT_FAIL }, "faal=256" },
	{ "failed", { H "aen: failed rc=-12: no memory for the GAIT" },
	  { KSFT_FAIL }, "aen: failed rc=-12: no memory for the GAIT" },
	{ "failed after registration",
	  { REG, H "aen: failed rc=-22: isc 5 differs from registered isc 3" },
	  { KSFT_PASS, KSFT_FAIL }, "isc 5 differs" },
	{ "unavailable", { OTHER "\n" H "aen: unavailable: no AENI facility\n" },
	  { KSFT_SKIP }, "aen: unavailable: no AENI facility" },
	{ "unavailable after registration",
	  { REG, H "aen: unavailable: no AENI facility" },
	  { KSFT_PASS, KSFT_FAIL }, "unavailable" },
	{ "two records in one load", { REG "\n" REUSE }, { KSFT_FAIL },
	  "2 AEN records" },
	{ "no record", { OTHER }, { KSFT_FAIL }, "0 AEN records" },
	{ "malformed beside a good one", { REUSE "\n" H "aen: reused " A "\n" },
	  { KSFT_FAIL }, "malformed record" },
	{ "cut off", { REG, H "aen: reused " A " isc=3 fa" },
	  { KSFT_PASS, KSFT_FAIL }, "malformed record" },
};

int main(void)
{
	struct aen_record r, ref;
	char why[600];
	size_t i, j;
	FILE *f;
	int rc = -1;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		if (aen_parse(lines[i].line, &r) == lines[i].kind)
			continue;
		printf("FAIL line '%s': kind %d, expected %d\n", lines[i].line,
		       r.kind, lines[i].kind);
		failed++;
	}
	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		ref.kind = AEN_NONE;
		for (j = 0; j < 3 && seqs[i].load[j]; j++) {
			f = fmemopen((void *)seqs[i].load[j],
				     strlen(seqs[i].load[j]), "r");
			if (!f)
				return 2;
			rc = aen_check(f, &ref, why, sizeof(why));
			fclose(f);
			if (rc != seqs[i].rc[j])
				break;
		}
		if (j < 3 && seqs[i].load[j]) {
			printf("FAIL %s: load %zu: %d, expected %d (%s)\n",
			       seqs[i].name, j + 1, rc, seqs[i].rc[j], why);
			failed++;
		} else if (!strstr(why, seqs[i].why)) {
			printf("FAIL %s: reason '%s' lacks '%s'\n",
			       seqs[i].name, why, seqs[i].why);
			failed++;
		} else {
			printf("ok %s: %s\n", seqs[i].name, why);
		}
	}
	printf("selftest-parser: %zu lines, %zu load sequences, %d failed\n",
	       sizeof(lines) / sizeof(lines[0]), sizeof(seqs) / sizeof(seqs[0]),
	       failed);
	return failed ? 1 : 0;
}
