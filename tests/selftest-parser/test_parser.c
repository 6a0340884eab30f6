// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit test of the kselftest's kvm-trace record parser
 * (tools/testing/selftests/kvm/s390x/aen_records.h), from canned
 * sprintf-view text. Built by run.sh against the header of a tree.
 * Exit 0: all cases pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aen_records.h"

static int failures, cases;

#define CHECK(cond, ...) do {						\
	cases++;							\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		printf("\n");						\
	}								\
} while (0)

/*
 * The header debug_dflt_header_fn() of 5.10 writes:
 * "%02i %011ld:%06lu %1u %1s %04u %pK  " (area, sec:usec, level,
 * exception, cpu, caller). REAL_* are headers of real lines (the
 * caller is "(____ptrval____)" there: no pointer hash key yet under TCG).
 */
#define H	"00 01732431234:567890 3 - 0001 000000002b7a11c4  "
#define HEXC	"01 01732431234:000001 3 * 0000 (____ptrval____)  "
#define HZERO	"00 01732431234:000001 3 - 0255 0000000000000000  "
/* cio_msg sprintf view, 5.10.223 under qemu-system-s390x 7.2 (TCG) */
#define REAL_1	"00 01795497206:998996 2 - 0000 (____ptrval____)  "
#define REAL_2	"00 01795497207:002245 2 - 0000 (____ptrval____)  "

#define AIPB	"000000003c1e9a77"
#define AIPB2	"00000000deadbeef"

struct line_case {
	const char *line;
	enum aen_kind kind;
	const char *aipb;
	unsigned int isc, faal;
	int rc;
	const char *text;	/* reason or, for malformed, its message */
};

static const struct line_case line_cases[] = {
	/* valid records */
	{ H "aen: registered aipb=" AIPB " isc=3 faal=512", AEN_REGISTERED,
	  AIPB, 3, 512, 0, "" },
	{ H "aen: reused aipb=" AIPB " isc=3 faal=512", AEN_REUSED,
	  AIPB, 3, 512, 0, "" },
	{ HEXC "aen: reused aipb=(____ptrval____) isc=0 faal=0", AEN_REUSED,
	  "(____ptrval____)", 0, 0, 0, "" },
	{ HZERO "aen: registered aipb=" AIPB " isc=7 faal=4294967295",
	  AEN_REGISTERED, AIPB, 7, 4294967295u, 0, "" },
	{ REAL_1 "aen: registered aipb=" AIPB " isc=3 faal=512",
	  AEN_REGISTERED, AIPB, 3, 512, 0, "" },
	{ H "aen: failed rc=-12: cannot allocate the GAIT", AEN_FAILED,
	  "", 0, 0, -12, "cannot allocate the GAIT" },
	{ H "aen: failed rc=-22: isc 3 differs from registered isc 5",
	  AEN_FAILED, "", 0, 0, -22, "isc 3 differs from registered isc 5" },
	{ H "aen: failed rc=-2147483648: x", AEN_FAILED, "", 0, 0,
	  -2147483647 - 1, "x" },
	{ H "aen: failed rc=0: odd but well formed", AEN_FAILED, "", 0, 0,
	  0, "odd but well formed" },
	{ H "aen: unavailable: no AENI facility", AEN_UNAVAILABLE, "", 0, 0,
	  0, "no AENI facility" },
	{ H "aen: unavailable: CONFIG_PCI is not set", AEN_UNAVAILABLE, "",
	  0, 0, 0, "CONFIG_PCI is not set" },
	/* wide fields: the widths of the header are minimum widths */
	{ "123 123456789012:999999 15 - 12345 0  aen: reused aipb=" AIPB
	  " isc=1 faal=2", AEN_REUSED, AIPB, 1, 2, 0, "" },

	/* other events; the first two lines are real, as captured */
	{ REAL_1 "chsc: ssd failed for 0.0.0000 (rc=0004)", AEN_NONE, "", 0,
	  0, 0, "" },
	{ REAL_2 "event: sch 0.0.0000, process=1, action=3", AEN_NONE, "", 0,
	  0, 0, "" },
	{ H "vm 0x000000002b7a11c4 created by pid 1234", AEN_NONE, "", 0, 0,
	  0, "" },
	{ H "AEN: registered aipb=" AIPB " isc=3 faal=512", AEN_NONE, "", 0,
	  0, 0, "" },
	{ H "", AEN_NONE, "", 0, 0, 0, "" },
	{ "", AEN_NONE, "", 0, 0, 0, "" },
	{ "garbage without header", AEN_NONE, "", 0, 0, 0, "" },
	{ "00 0173243", AEN_NONE, "", 0, 0, 0, "" },

	/* truncated records */
	{ H "aen: registered aipb=" AIPB " isc=3 faal=", AEN_MALFORMED, "",
	  0, 0, 0, "bad or missing faal=" },
	{ H "aen: registered aipb=" AIPB " isc=3", AEN_MALFORMED, "", 0, 0,
	  0, "bad or missing faal=" },
	{ H "aen: registered aipb=" AIPB " isc=", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing isc=" },
	{ H "aen: registered aipb=000000003c1e", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing aipb=" },
	{ H "aen: registered", AEN_MALFORMED, "", 0, 0, 0,
	  "unknown aen record" },
	{ H "aen:", AEN_MALFORMED, "", 0, 0, 0, "unknown aen record" },
	{ H "aen: failed rc=-12", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing rc=" },
	{ H "aen: failed rc=-12: ", AEN_MALFORMED, "", 0, 0, 0,
	  "failed without reason" },
	{ H "aen: unavailable: ", AEN_MALFORMED, "", 0, 0, 0,
	  "unavailable without reason" },
	{ H "aen: unavailable", AEN_MALFORMED, "", 0, 0, 0,
	  "unknown aen record" },
	/* header cut, record text still there */
	{ "00 01732431234:567890 3 - 0001 aen: reused aipb=" AIPB
	  " isc=3 faal=512", AEN_MALFORMED, "", 0, 0, 0,
	  "no sprintf-view header" },
	{ "aen: reused aipb=" AIPB " isc=3 faal=512", AEN_MALFORMED, "", 0,
	  0, 0, "no sprintf-view header" },
	{ "00 01732431234:567890 3 ? 0001 000000002b7a11c4  aen: reused aipb="
	  AIPB " isc=3 faal=512", AEN_MALFORMED, "", 0, 0, 0,
	  "no sprintf-view header" },
	{ "00 01732431234:567890 3 - 0001 000000002b7a11c4 aen: reused aipb="
	  AIPB " isc=3 faal=512", AEN_MALFORMED, "", 0, 0, 0,
	  "no sprintf-view header" },
	{ "00 01732431234:567890 3 - 0001 000000002b7a11c4000  aen: reused aipb="
	  AIPB " isc=3 faal=512", AEN_MALFORMED, "", 0, 0, 0,
	  "no sprintf-view header" },

	/* missing or misspelt fields */
	{ H "aen: registered isc=3 faal=512", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing aipb=" },
	{ H "aen: registered aipb=" AIPB " faal=512", AEN_MALFORMED, "", 0,
	  0, 0, "bad or missing isc=" },
	{ H "aen: registered aipb=" AIPB " isc=3 faal=512 extra",
	  AEN_MALFORMED, "", 0, 0, 0, "trailing text" },
	{ H "aen: registered aipb=" AIPB " isc=3 faal=512 ", AEN_MALFORMED,
	  "", 0, 0, 0, "trailing text" },
	{ H "aen: registered aipb=" AIPB "  isc=3 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "bad or missing isc=" },
	{ H "aen: reregistered aipb=" AIPB " isc=3 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "unknown aen record" },
	{ H "aen: registered aipb=" AIPB "0 isc=3 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "bad or missing isc=" },
	{ H "aen: unavailable no colon", AEN_MALFORMED, "", 0, 0, 0,
	  "unknown aen record" },

	/* garbage numbers */
	{ H "aen: registered aipb=000000003C1E9A77 isc=3 faal=512",
	  AEN_MALFORMED, "", 0, 0, 0, "bad or missing aipb=" },
	{ H "aen: registered aipb=(null) isc=3 faal=512", AEN_MALFORMED, "",
	  0, 0, 0, "bad or missing aipb=" },
	{ H "aen: registered aipb=0x00003c1e9a77 isc=3 faal=512",
	  AEN_MALFORMED, "", 0, 0, 0, "bad or missing aipb=" },
	{ H "aen: registered aipb=" AIPB " isc=3x faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "bad or missing faal=" },
	{ H "aen: registered aipb=" AIPB " isc=-1 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "bad or missing isc=" },
	{ H "aen: registered aipb=" AIPB " isc=+3 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "bad or missing isc=" },
	{ H "aen: registered aipb=" AIPB " isc=03 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "bad or missing isc=" },
	{ H "aen: registered aipb=" AIPB " isc=8 faal=512", AEN_MALFORMED,
	  "", 0, 0, 0, "isc out of range" },
	{ H "aen: registered aipb=" AIPB " isc=3 faal=4294967296",
	  AEN_MALFORMED, "", 0, 0, 0, "bad or missing faal=" },
	{ H "aen: registered aipb=" AIPB " isc=3 faal=99999999999999999999999",
	  AEN_MALFORMED, "", 0, 0, 0, "bad or missing faal=" },
	{ H "aen: registered aipb=" AIPB " isc=3 faal=0x200", AEN_MALFORMED,
	  "", 0, 0, 0, "trailing text" },
	{ H "aen: failed rc=-2147483649: x", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing rc=" },
	{ H "aen: failed rc=2147483648: x", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing rc=" },
	{ H "aen: failed rc=-0: x", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing rc=" },
	{ H "aen: failed rc=--1: x", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing rc=" },
	{ H "aen: failed rc=ENOMEM: x", AEN_MALFORMED, "", 0, 0, 0,
	  "bad or missing rc=" },
};

static void test_lines(void)
{
	const struct line_case *c;
	struct aen_record rec;
	enum aen_kind k;
	size_t i;

	for (i = 0; i < sizeof(line_cases) / sizeof(line_cases[0]); i++) {
		c = &line_cases[i];
		k = aen_parse_line(c->line, strlen(c->line), &rec, NULL);
		CHECK(k == c->kind && rec.kind == k,
		      "line %zu: '%s': kind %s, expected %s (%s)", i, c->line,
		      aen_kind_name(k), aen_kind_name(c->kind), rec.text);
		if (k != c->kind)
			continue;
		if (k == AEN_REGISTERED || k == AEN_REUSED)
			CHECK(!strcmp(rec.aipb, c->aipb) && rec.isc == c->isc &&
			      rec.faal == c->faal,
			      "line %zu: fields aipb=%s isc=%u faal=%u", i,
			      rec.aipb, rec.isc, rec.faal);
		if (k == AEN_FAILED)
			CHECK(rec.rc == c->rc, "line %zu: rc %d, expected %d",
			      i, rec.rc, c->rc);
		CHECK(!strcmp(rec.text, c->text),
		      "line %zu: text '%s', expected '%s'", i, rec.text,
		      c->text);
	}
}

/* overlong lines, embedded NUL, long reasons, no terminating NUL */
static void test_odd_lines(void)
{
	char buf[4096], *heap;
	struct aen_record rec;
	bool no_header;
	size_t n;

	/* a long reason is truncated, the record still counts */
	n = (size_t)snprintf(buf, sizeof(buf), H "aen: unavailable: ");
	memset(buf + n, 'r', 300);
	buf[n + 300] = '\0';
	CHECK(aen_parse_line(buf, strlen(buf), &rec, NULL) == AEN_UNAVAILABLE &&
	      strlen(rec.text) == AEN_TEXT_MAX,
	      "long reason: kind %s, %zu chars", aen_kind_name(rec.kind),
	      strlen(rec.text));

	/* a line over AEN_LINE_MAX: malformed if it mentions aen: */
	n = (size_t)snprintf(buf, sizeof(buf), H "aen: unavailable: ");
	memset(buf + n, 'x', AEN_LINE_MAX);
	buf[n + AEN_LINE_MAX] = '\0';
	CHECK(aen_parse_line(buf, strlen(buf), &rec, NULL) == AEN_MALFORMED &&
	      !strcmp(rec.text, "line too long"),
	      "overlong aen line: %s '%s'", aen_kind_name(rec.kind), rec.text);
	n = (size_t)snprintf(buf, sizeof(buf), H "vm event ");
	memset(buf + n, 'x', AEN_LINE_MAX);
	buf[n + AEN_LINE_MAX] = '\0';
	CHECK(aen_parse_line(buf, strlen(buf), &rec, NULL) == AEN_NONE,
	      "overlong other line: %s", aen_kind_name(rec.kind));

	/* exactly AEN_LINE_MAX is still parsed */
	n = (size_t)snprintf(buf, sizeof(buf), H "aen: unavailable: ");
	memset(buf + n, 'y', AEN_LINE_MAX - n);
	buf[AEN_LINE_MAX] = '\0';
	CHECK(aen_parse_line(buf, AEN_LINE_MAX, &rec, NULL) == AEN_UNAVAILABLE,
	      "line of AEN_LINE_MAX: %s", aen_kind_name(rec.kind));

	/* embedded NUL */
	n = (size_t)snprintf(buf, sizeof(buf),
			     H "aen: reused aipb=" AIPB " isc=3 faal=512");
	buf[n - 3] = '\0';
	CHECK(aen_parse_line(buf, n, &rec, NULL) == AEN_MALFORMED &&
	      !strcmp(rec.text, "NUL byte in line"),
	      "NUL in line: %s '%s'", aen_kind_name(rec.kind), rec.text);

	/* the parser must not read past len: no terminating NUL */
	n = strlen(H "aen: reused aipb=" AIPB " isc=3 faal=51");
	heap = malloc(n);
	if (!heap)
		exit(2);
	memcpy(heap, H "aen: reused aipb=" AIPB " isc=3 faal=51", n);
	CHECK(aen_parse_line(heap, n, &rec, NULL) == AEN_REUSED &&
	      rec.faal == 51, "unterminated buffer: %s faal=%u",
	      aen_kind_name(rec.kind), rec.faal);
	CHECK(aen_parse_line(heap, n - 2, &rec, NULL) == AEN_MALFORMED,
	      "unterminated, cut in faal=: %s", aen_kind_name(rec.kind));
	free(heap);

	/* no_header is reported */
	aen_parse_line("junk", 4, &rec, &no_header);
	CHECK(no_header, "no_header not set for junk");
	aen_parse_line(H "x", strlen(H "x"), &rec, &no_header);
	CHECK(!no_header, "no_header set for a valid header");
}

struct scan_case {
	const char *name;
	const char *text;
	enum aen_verdict first;	/* verdict without a reference */
	enum aen_verdict later;	/* verdict against REF below */
};

/* the reference: the registration of the first load */
static const char ref_text[] =
	H "vm 0x0000000011111111 destroyed\n"
	H "aen: registered aipb=" AIPB " isc=3 faal=512\n";

static const struct scan_case scan_cases[] = {
	{ "registered", ref_text, AEN_V_OK, AEN_V_NOT_REUSED },
	{ "reused",
	  H "aen: reused aipb=" AIPB " isc=3 faal=512\n"
	  H "vm 0x0000000022222222 created by pid 77\n",
	  AEN_V_OK, AEN_V_OK },
	{ "reused, no final newline",
	  H "aen: reused aipb=" AIPB " isc=3 faal=512", AEN_V_OK, AEN_V_OK },
	{ "reused, other aipb",
	  H "aen: reused aipb=" AIPB2 " isc=3 faal=512\n", AEN_V_OK,
	  AEN_V_MISMATCH },
	{ "reused, other isc",
	  H "aen: reused aipb=" AIPB " isc=5 faal=512\n", AEN_V_OK,
	  AEN_V_MISMATCH },
	{ "reused, other faal",
	  H "aen: reused aipb=" AIPB " isc=3 faal=256\n", AEN_V_OK,
	  AEN_V_MISMATCH },
	{ "failed",
	  H "aen: failed rc=-22: isc 5 differs from registered isc 3\n",
	  AEN_V_FAILED, AEN_V_FAILED },
	{ "failed after a setup record",
	  H "aen: reused aipb=" AIPB " isc=3 faal=512\n"
	  H "aen: failed rc=-12: out of memory\n", AEN_V_FAILED,
	  AEN_V_FAILED },
	{ "unavailable",
	  H "aen: unavailable: AENI facility not installed\n",
	  AEN_V_UNAVAILABLE, AEN_V_UNAVAILABLE },
	{ "unavailable and registered",
	  H "aen: unavailable: no GIB\n"
	  H "aen: registered aipb=" AIPB " isc=3 faal=512\n",
	  AEN_V_MALFORMED, AEN_V_MALFORMED },
	{ "two setup records",
	  H "aen: reused aipb=" AIPB " isc=3 faal=512\n"
	  H "aen: reused aipb=" AIPB " isc=3 faal=512\n",
	  AEN_V_DUPLICATE, AEN_V_DUPLICATE },
	{ "no aen record",
	  H "vm 0x0000000022222222 created by pid 77\n", AEN_V_MISSING,
	  AEN_V_MISSING },
	{ "empty view", "", AEN_V_MISSING, AEN_V_MISSING },
	{ "blank lines and junk", "\n\n  \njunk\n", AEN_V_MISSING,
	  AEN_V_MISSING },
	{ "truncated read",
	  H "aen: reused aipb=" AIPB " isc=3 fa", AEN_V_MALFORMED,
	  AEN_V_MALFORMED },
	{ "malformed beside a good one",
	  H "aen: reused aipb=" AIPB " isc=3 faal=512\n"
	  H "aen: reused aipb=" AIPB "\n", AEN_V_MALFORMED,
	  AEN_V_MALFORMED },
	{ "records without header",
	  "aen: reused aipb=" AIPB " isc=3 faal=512\n", AEN_V_MALFORMED,
	  AEN_V_MALFORMED },
};

static void test_scans(void)
{
	struct aen_scan ref_scan, s;
	const struct scan_case *c;
	enum aen_verdict v;
	char why[256];
	size_t i;

	aen_scan_text(ref_text, strlen(ref_text), &ref_scan);
	v = aen_check_load(&ref_scan, NULL, why, sizeof(why));
	CHECK(v == AEN_V_OK && ref_scan.registered == 1 &&
	      ref_scan.lines == 2, "reference scan: %d %s", v, why);

	for (i = 0; i < sizeof(scan_cases) / sizeof(scan_cases[0]); i++) {
		c = &scan_cases[i];
		aen_scan_text(c->text, strlen(c->text), &s);
		v = aen_check_load(&s, NULL, why, sizeof(why));
		CHECK(v == c->first, "scan '%s', first load: verdict %d, expected %d (%s)",
		      c->name, v, c->first, why);
		CHECK(why[0], "scan '%s': no explanation", c->name);
		v = aen_check_load(&s, &ref_scan.setup, why, sizeof(why));
		CHECK(v == c->later, "scan '%s', later load: verdict %d, expected %d (%s)",
		      c->name, v, c->later, why);
		printf("ok: %-28s -> %s\n", c->name, why);
	}

	/* the explanation of a failure carries rc and reason */
	aen_scan_text(scan_cases[6].text, strlen(scan_cases[6].text), &s);
	aen_check_load(&s, NULL, why, sizeof(why));
	CHECK(strstr(why, "rc=-22") && strstr(why, "isc 5 differs"),
	      "failed explanation: %s", why);
	/* unavailable: the reason is passed on for the SKIP line */
	aen_scan_text(scan_cases[8].text, strlen(scan_cases[8].text), &s);
	aen_check_load(&s, NULL, why, sizeof(why));
	CHECK(strstr(why, "AENI facility not installed"),
	      "unavailable explanation: %s", why);
	/* a small buffer is not overrun */
	memset(why, 'Z', sizeof(why));
	aen_check_load(&s, NULL, why, 8);
	CHECK(strlen(why) == 7 && why[8] == 'Z', "small why buffer");
}

/* a sequence of loads as the kselftest sees it */
static void test_sequence(void)
{
	static const char *const loads[] = {
		H "aen: registered aipb=" AIPB " isc=3 faal=512\n",
		H "aen: reused aipb=" AIPB " isc=3 faal=512\n",
		H "vm 0x0000000022222222 created by pid 77\n"
		H "aen: reused aipb=" AIPB " isc=3 faal=512\n",
		H "aen: reused aipb=" AIPB " isc=3 faal=512\n",
	};
	struct aen_record ref;
	struct aen_scan s;
	char why[256];
	size_t i;
	bool have_ref = false;

	for (i = 0; i < sizeof(loads) / sizeof(loads[0]); i++) {
		aen_scan_text(loads[i], strlen(loads[i]), &s);
		CHECK(aen_check_load(&s, have_ref ? &ref : NULL, why,
				     sizeof(why)) == AEN_V_OK,
		      "sequence load %zu: %s", i, why);
		if (!have_ref) {
			ref = s.setup;
			have_ref = true;
		}
	}
}

int main(void)
{
	test_lines();
	test_odd_lines();
	test_scans();
	test_sequence();
	printf("%d checks, %d failed\n", cases, failures);
	return failures ? 1 : 0;
}
