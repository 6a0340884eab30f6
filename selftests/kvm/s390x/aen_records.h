/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Parser for the AEN setup records of the kvm-trace s390 debug feature.
 *
 * When it loads, kvm on s390 writes exactly one of these records to
 * kvm-trace (KVM_EVENT level 3):
 *
 *   aen: registered aipb=%p isc=%u faal=%u
 *   aen: reused aipb=%p isc=%u faal=%u
 *   aen: failed rc=%d: <reason>
 *   aen: unavailable: <reason>
 *
 * They are read from /sys/kernel/debug/s390dbf/kvm-trace/sprintf, where
 * debug_dflt_header_fn() puts a header in front of every record:
 *
 *   "%02i %011ld:%06lu %1u %1s %04u %pK  "
 *   area, seconds:microseconds, level, exception flag ("-" or "*"), cpu,
 *   caller, then two blanks and the record text.
 *
 * Only libc is used, so that the parser also builds on any host and is
 * unit tested there from canned record text.
 */
#ifndef SELFTEST_KVM_S390X_AEN_RECORDS_H
#define SELFTEST_KVM_S390X_AEN_RECORDS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Longer lines are not written by KVM_EVENT(): treated as malformed. */
#define AEN_LINE_MAX	512
/* %p of a 64-bit pointer: 16 hex digits, or "(____ptrval____)" */
#define AEN_PTR_LEN	16
#define AEN_TEXT_MAX	127
/* Interruption subclasses are 0..7 */
#define AEN_ISC_MAX	7

enum aen_kind {
	AEN_NONE,		/* not an AEN record (another kvm-trace event) */
	AEN_REGISTERED,		/* AIPB registered with firmware */
	AEN_REUSED,		/* AIPB of an earlier load reused */
	AEN_FAILED,		/* AEN setup failed */
	AEN_UNAVAILABLE,	/* AEN setup not possible (no AENI, ...) */
	AEN_MALFORMED,		/* looks like an AEN record but is not one */
};

struct aen_record {
	enum aen_kind kind;
	char aipb[AEN_PTR_LEN + 1];	/* registered, reused */
	unsigned int isc;		/* registered, reused */
	unsigned int faal;		/* registered, reused */
	int rc;				/* failed */
	/* failed, unavailable: the reason; malformed: what is wrong */
	char text[AEN_TEXT_MAX + 1];
};

/* All records of one kvm load, as read from the sprintf view */
struct aen_scan {
	unsigned int lines;		/* lines read */
	unsigned int no_header;		/* lines without a sprintf-view header */
	unsigned int setups;		/* registered + reused records */
	unsigned int registered;
	unsigned int reused;
	unsigned int failed;
	unsigned int unavailable;
	unsigned int malformed;
	struct aen_record setup;	/* the last registered/reused record */
	struct aen_record problem;	/* the first failed/unavailable/malformed */
	unsigned int problem_line;	/* its line number, from 1 */
};

enum aen_verdict {
	AEN_V_OK,		/* one setup record, consistent with @ref */
	AEN_V_UNAVAILABLE,	/* AEN not set up on this host */
	AEN_V_FAILED,		/* a record reports an AEN failure */
	AEN_V_MALFORMED,	/* a malformed or contradictory record */
	AEN_V_MISSING,		/* no AEN record at all */
	AEN_V_DUPLICATE,	/* more than one setup record for one load */
	AEN_V_NOT_REUSED,	/* a later load registered the AIPB again */
	AEN_V_MISMATCH,		/* a later load reused different parameters */
};

static inline const char *aen_kind_name(enum aen_kind kind)
{
	switch (kind) {
	case AEN_NONE:
		return "none";
	case AEN_REGISTERED:
		return "registered";
	case AEN_REUSED:
		return "reused";
	case AEN_FAILED:
		return "failed";
	case AEN_UNAVAILABLE:
		return "unavailable";
	case AEN_MALFORMED:
		return "malformed";
	}
	return "?";
}

static inline bool aen_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool aen_isxdigit(char c)
{
	return aen_isdigit(c) || (c >= 'a' && c <= 'f');
}

/* Skip one or more decimal digits; NULL if there is none. */
static inline const char *aen_skip_digits(const char *p, const char *end)
{
	const char *start = p;

	while (p < end && aen_isdigit(*p))
		p++;
	return p == start ? NULL : p;
}

/* Skip the expected string @s; NULL if the text differs. */
static inline const char *aen_skip_str(const char *p, const char *end,
				       const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(end - p) < n || memcmp(p, s, n))
		return NULL;
	return p + n;
}

/*
 * Skip the sprintf-view header "%02i %011ld:%06lu %1u %1s %04u %pK  ".
 * The widths are minimum widths. Returns the start of the record text,
 * or NULL if the line does not start with such a header.
 */
static inline const char *aen_skip_header(const char *p, const char *end)
{
	const char *caller;

	p = aen_skip_digits(p, end);			/* area */
	if (p)
		p = aen_skip_str(p, end, " ");
	if (p)
		p = aen_skip_digits(p, end);		/* seconds */
	if (p)
		p = aen_skip_str(p, end, ":");
	if (p)
		p = aen_skip_digits(p, end);		/* microseconds */
	if (p)
		p = aen_skip_str(p, end, " ");
	if (p)
		p = aen_skip_digits(p, end);		/* level */
	if (p)
		p = aen_skip_str(p, end, " ");
	if (!p || p >= end || (*p != '-' && *p != '*'))
		return NULL;				/* exception flag */
	p = aen_skip_str(p + 1, end, " ");
	if (p)
		p = aen_skip_digits(p, end);		/* cpu */
	if (p)
		p = aen_skip_str(p, end, " ");
	if (!p)
		return NULL;
	caller = p;					/* %pK, no blanks */
	while (p < end && *p != ' ')
		p++;
	if (p == caller || p - caller > AEN_PTR_LEN)
		return NULL;
	return aen_skip_str(p, end, "  ");
}

/*
 * Parse a %u: digits without sign or leading zeros, at most UINT_MAX.
 * Returns the end of the number or NULL.
 */
static inline const char *aen_parse_uint(const char *p, const char *end,
					 unsigned int *val)
{
	unsigned long long v = 0;
	const char *start = p;

	while (p < end && aen_isdigit(*p)) {
		v = v * 10 + (unsigned int)(*p - '0');
		if (v > UINT_MAX)
			return NULL;
		p++;
	}
	if (p == start || (*start == '0' && p - start > 1))
		return NULL;
	*val = (unsigned int)v;
	return p;
}

/* Parse a %d: an optional '-' and a %u in the range of int. */
static inline const char *aen_parse_int(const char *p, const char *end,
					int *val)
{
	bool neg = p < end && *p == '-';
	unsigned int u;

	p = aen_parse_uint(neg ? p + 1 : p, end, &u);
	if (!p)
		return NULL;
	if (neg) {
		if (u > (unsigned int)INT_MAX + 1 || u == 0)
			return NULL;
		*val = u == (unsigned int)INT_MAX + 1 ? INT_MIN : -(int)u;
	} else {
		if (u > INT_MAX)
			return NULL;
		*val = (int)u;
	}
	return p;
}

/*
 * Parse a %p: 16 lower-case hex digits (a hashed pointer), or the
 * "(____ptrval____)" vsprintf prints before the hash key is ready.
 */
static inline const char *aen_parse_ptr(const char *p, const char *end,
					char *buf)
{
	static const char ptrval[] = "(____ptrval____)";
	int i;

	if ((size_t)(end - p) < AEN_PTR_LEN)
		return NULL;
	if (memcmp(p, ptrval, AEN_PTR_LEN)) {
		for (i = 0; i < AEN_PTR_LEN; i++)
			if (!aen_isxdigit(p[i]))
				return NULL;
	}
	memcpy(buf, p, AEN_PTR_LEN);
	buf[AEN_PTR_LEN] = '\0';
	return p + AEN_PTR_LEN;
}

/* Copy free text (a reason) into @buf, truncated; false if it is empty. */
static inline bool aen_copy_text(const char *p, const char *end, char *buf)
{
	size_t n = (size_t)(end - p);

	if (!n)
		return false;
	if (n > AEN_TEXT_MAX)
		n = AEN_TEXT_MAX;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return true;
}

static inline enum aen_kind aen_malformed(struct aen_record *rec,
					  const char *what)
{
	rec->kind = AEN_MALFORMED;
	snprintf(rec->text, sizeof(rec->text), "%s", what);
	return AEN_MALFORMED;
}

/* "aipb=%p isc=%u faal=%u" up to the end of the line */
static inline enum aen_kind aen_parse_setup(const char *p, const char *end,
					    enum aen_kind kind,
					    struct aen_record *rec)
{
	p = aen_skip_str(p, end, "aipb=");
	if (p)
		p = aen_parse_ptr(p, end, rec->aipb);
	if (!p)
		return aen_malformed(rec, "bad or missing aipb=");
	p = aen_skip_str(p, end, " isc=");
	if (p)
		p = aen_parse_uint(p, end, &rec->isc);
	if (!p)
		return aen_malformed(rec, "bad or missing isc=");
	if (rec->isc > AEN_ISC_MAX)
		return aen_malformed(rec, "isc out of range");
	p = aen_skip_str(p, end, " faal=");
	if (p)
		p = aen_parse_uint(p, end, &rec->faal);
	if (!p)
		return aen_malformed(rec, "bad or missing faal=");
	if (p != end)
		return aen_malformed(rec, "trailing text");
	rec->kind = kind;
	return kind;
}

/*
 * Parse the text of one record (after the sprintf-view header, without
 * the newline). Text that does not start with "aen:" is another event.
 */
static inline enum aen_kind aen_parse_text(const char *p, const char *end,
					   struct aen_record *rec)
{
	const char *q;

	memset(rec, 0, sizeof(*rec));
	rec->kind = AEN_NONE;
	p = aen_skip_str(p, end, "aen:");
	if (!p)
		return AEN_NONE;
	q = aen_skip_str(p, end, " registered ");
	if (q)
		return aen_parse_setup(q, end, AEN_REGISTERED, rec);
	q = aen_skip_str(p, end, " reused ");
	if (q)
		return aen_parse_setup(q, end, AEN_REUSED, rec);
	q = aen_skip_str(p, end, " failed rc=");
	if (q) {
		q = aen_parse_int(q, end, &rec->rc);
		if (q)
			q = aen_skip_str(q, end, ": ");
		if (!q)
			return aen_malformed(rec, "bad or missing rc=");
		if (!aen_copy_text(q, end, rec->text))
			return aen_malformed(rec, "failed without reason");
		rec->kind = AEN_FAILED;
		return AEN_FAILED;
	}
	q = aen_skip_str(p, end, " unavailable: ");
	if (q) {
		if (!aen_copy_text(q, end, rec->text))
			return aen_malformed(rec, "unavailable without reason");
		rec->kind = AEN_UNAVAILABLE;
		return AEN_UNAVAILABLE;
	}
	return aen_malformed(rec, "unknown aen record");
}

/* Does the line mention "aen:" anywhere? */
static inline bool aen_mentioned(const char *p, const char *end)
{
	for (; end - p >= 4; p++)
		if (!memcmp(p, "aen:", 4))
			return true;
	return false;
}

/*
 * Parse one line of the sprintf view, without its newline. A line
 * without the header, too long, or holding a NUL byte is malformed if it
 * mentions "aen:" and another event (AEN_NONE) otherwise.
 * @no_header, if not NULL, is set when the header is missing.
 */
static inline enum aen_kind aen_parse_line(const char *line, size_t len,
					   struct aen_record *rec,
					   bool *no_header)
{
	const char *end = line + len;
	const char *text;
	bool bad = false;

	memset(rec, 0, sizeof(*rec));
	if (no_header)
		*no_header = false;
	if (len > AEN_LINE_MAX) {
		bad = true;
		snprintf(rec->text, sizeof(rec->text), "line too long");
	} else if (memchr(line, '\0', len)) {
		bad = true;
		snprintf(rec->text, sizeof(rec->text), "NUL byte in line");
	} else {
		text = aen_skip_header(line, end);
		if (text)
			return aen_parse_text(text, end, rec);
		if (no_header)
			*no_header = true;
		bad = true;
		snprintf(rec->text, sizeof(rec->text),
			 "no sprintf-view header");
	}
	rec->kind = bad && aen_mentioned(line, end) ? AEN_MALFORMED : AEN_NONE;
	if (rec->kind == AEN_NONE)
		rec->text[0] = '\0';
	return rec->kind;
}

/* Parse the whole sprintf view of one kvm load. */
static inline void aen_scan_text(const char *buf, size_t len,
				 struct aen_scan *s)
{
	const char *end = buf + len;
	const char *nl;
	struct aen_record rec;
	bool no_header;

	memset(s, 0, sizeof(*s));
	while (buf < end) {
		nl = memchr(buf, '\n', (size_t)(end - buf));
		if (!nl)
			nl = end;
		s->lines++;
		switch (aen_parse_line(buf, (size_t)(nl - buf), &rec,
				       &no_header)) {
		case AEN_NONE:
			break;
		case AEN_REGISTERED:
			s->registered++;
			s->setups++;
			s->setup = rec;
			break;
		case AEN_REUSED:
			s->reused++;
			s->setups++;
			s->setup = rec;
			break;
		case AEN_FAILED:
			s->failed++;
			break;
		case AEN_UNAVAILABLE:
			s->unavailable++;
			break;
		case AEN_MALFORMED:
			s->malformed++;
			break;
		}
		if (no_header)
			s->no_header++;
		if (rec.kind != AEN_NONE && rec.kind != AEN_REGISTERED &&
		    rec.kind != AEN_REUSED && !s->problem_line) {
			s->problem = rec;
			s->problem_line = s->lines;
		}
		buf = nl + 1;
	}
}

/*
 * Judge the records of one kvm load. @ref is the setup record of the
 * first load seen, NULL for that first load itself. A one-line
 * explanation is written to @why.
 */
static inline enum aen_verdict aen_check_load(const struct aen_scan *s,
					      const struct aen_record *ref,
					      char *why, size_t size)
{
	const struct aen_record *r = &s->setup;

	if (s->malformed) {
		snprintf(why, size, "malformed aen record (line %u: %s)",
			 s->problem_line, s->problem.text);
		return AEN_V_MALFORMED;
	}
	if (s->failed) {
		snprintf(why, size, "aen setup failed: rc=%d: %s",
			 s->problem.rc, s->problem.text);
		return AEN_V_FAILED;
	}
	if (s->unavailable) {
		if (s->setups || s->unavailable > 1) {
			snprintf(why, size,
				 "contradictory aen records: %u setup, %u unavailable",
				 s->setups, s->unavailable);
			return AEN_V_MALFORMED;
		}
		snprintf(why, size, "aen unavailable: %s", s->problem.text);
		return AEN_V_UNAVAILABLE;
	}
	if (!s->setups) {
		snprintf(why, size, "no aen record in %u lines", s->lines);
		return AEN_V_MISSING;
	}
	if (s->setups > 1) {
		snprintf(why, size,
			 "%u aen setup records for one load (%u registered, %u reused)",
			 s->setups, s->registered, s->reused);
		return AEN_V_DUPLICATE;
	}
	if (ref && r->kind != AEN_REUSED) {
		snprintf(why, size,
			 "aipb %s registered again instead of reusing %s",
			 r->aipb, ref->aipb);
		return AEN_V_NOT_REUSED;
	}
	if (ref && (strcmp(r->aipb, ref->aipb) || r->isc != ref->isc ||
		    r->faal != ref->faal)) {
		snprintf(why, size,
			 "reused aipb=%s isc=%u faal=%u differs from aipb=%s isc=%u faal=%u",
			 r->aipb, r->isc, r->faal, ref->aipb, ref->isc,
			 ref->faal);
		return AEN_V_MISMATCH;
	}
	snprintf(why, size, "%s aipb=%s isc=%u faal=%u",
		 aen_kind_name(r->kind), r->aipb, r->isc, r->faal);
	return AEN_V_OK;
}

#endif /* SELFTEST_KVM_S390X_AEN_RECORDS_H */
