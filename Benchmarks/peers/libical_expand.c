/*
 * libical peer for the expansion benchmark (docs/benchmarks.md).
 *
 * Reads every .ics file of a directory (or one file) into memory first, then times only parsing
 * (icalparser_parse_string) and expansion (icalcomponent_foreach_recurrence) of every VEVENT and
 * AVAILABLE over [--from, --to), and prints one JSON line:
 *   {"tool":"libical","files":N,"bytes":B,"occurrences":K,"seconds":S,...}
 *
 * Counting rule, shared by every tool of the benchmark (RFC 5545 §3.8.4.4, §3.8.5):
 *   the instances of each master (DTSTART + RRULE + RDATE - EXDATE) that overlap the window,
 *   minus the instances replaced by a RECURRENCE-ID override of the same UID,
 *   plus each override whose own (moved) DTSTART..DTEND overlaps the window.
 * libical 3.0's foreach_recurrence applies EXDATE but not RECURRENCE-ID overrides: it would
 * count the master's original instance AND the override. So this program does the replacement
 * itself (the override's RECURRENCE-ID, resolved in its TZID, is matched against the instance
 * start); "occurrences_without_overrides" reports what libical alone gives.
 *
 * Usage: libical_expand DIR|FILE [--from 2027-01-01T00:00:00Z] [--to 2028-01-01T00:00:00Z] [--dump FILE]
 */
#include <dirent.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#ifndef LIBICAL_PKG_VERSION
#define LIBICAL_PKG_VERSION ICAL_VERSION
#endif

typedef struct { char *data; size_t size; } Buffer;

typedef struct { const char *uid; time_t start; } Override;

static FILE *dump; /* --dump FILE: one "UID start end" line per counted occurrence, to find disagreements */

typedef struct {
    Override *overrides; size_t override_count, override_capacity;
    const char *uid;          /* the master being expanded */
    long long occurrences;    /* after RECURRENCE-ID replacement */
    long long raw;            /* what foreach_recurrence gives alone */
    long long replaced;
} Count;

static int read_file(const char *path, Buffer *out) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    struct stat st;
    if (fstat(fileno(f), &st) != 0) { fclose(f); return -1; }
    out->size = (size_t)st.st_size;
    out->data = malloc(out->size + 1);
    if (!out->data || fread(out->data, 1, out->size, f) != out->size) { fclose(f); return -1; }
    out->data[out->size] = '\0';
    fclose(f);
    return 0;
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct icaltimetype parse_instant(const char *s) {
    int y, mo, d, h, mi, se;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &se) != 6) {
        fprintf(stderr, "libical_expand: bad instant '%s' (want 2027-01-01T00:00:00Z)\n", s);
        exit(64);
    }
    struct icaltimetype t = icaltime_null_time();
    t.year = y; t.month = mo; t.day = d; t.hour = h; t.minute = mi; t.second = se;
    t.zone = icaltimezone_get_utc_timezone();
    return t;
}

static time_t as_utc_seconds(struct icaltimetype t) {
    return icaltime_as_timet_with_zone(t, t.zone);
}

static void dump_instance(icalcomponent *comp, struct icaltime_span *span) {
    const char *uid = icalcomponent_get_uid(comp);
    fprintf(dump, "%s %lld %lld\n", uid ? uid : "", (long long)span->start, (long long)span->end);
}

static void on_instance(icalcomponent *comp, struct icaltime_span *span, void *data) {
    Count *c = data;
    c->raw++;
    if (c->uid) {
        for (size_t i = 0; i < c->override_count; i++) {
            if (c->overrides[i].start == span->start && strcmp(c->overrides[i].uid, c->uid) == 0) {
                c->replaced++;
                return;
            }
        }
    }
    c->occurrences++;
    if (dump) dump_instance(comp, span);
}

static void on_override(icalcomponent *comp, struct icaltime_span *span, void *data) {
    Count *c = data;
    c->raw++;
    c->occurrences++;
    if (dump) dump_instance(comp, span);
}

static int is_expanded_kind(icalcomponent_kind k) {
    return k == ICAL_VEVENT_COMPONENT || k == ICAL_XAVAILABLE_COMPONENT;
}

/* Collect the RECURRENCE-ID overrides of one container (VCALENDAR or VAVAILABILITY). */
static void collect_overrides(icalcomponent *parent, Count *c) {
    for (icalcomponent *e = icalcomponent_get_first_component(parent, ICAL_ANY_COMPONENT); e;
         e = icalcomponent_get_next_component(parent, ICAL_ANY_COMPONENT)) {
        icalcomponent_kind k = icalcomponent_isa(e);
        if (k == ICAL_VAVAILABILITY_COMPONENT) { collect_overrides(e, c); continue; }
        if (!is_expanded_kind(k)) continue;
        icalproperty *rid = icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY);
        if (!rid) continue;
        if (c->override_count == c->override_capacity) {
            c->override_capacity = c->override_capacity ? 2 * c->override_capacity : 8;
            c->overrides = realloc(c->overrides, c->override_capacity * sizeof(Override));
        }
        Override *o = &c->overrides[c->override_count++];
        o->uid = icalcomponent_get_uid(e);
        o->start = as_utc_seconds(icalproperty_get_datetime_with_component(rid, e));
        if (!o->uid) o->uid = "";
    }
}

static void expand(icalcomponent *parent, struct icaltimetype from, struct icaltimetype to, Count *c) {
    for (icalcomponent *e = icalcomponent_get_first_component(parent, ICAL_ANY_COMPONENT); e;
         e = icalcomponent_get_next_component(parent, ICAL_ANY_COMPONENT)) {
        icalcomponent_kind k = icalcomponent_isa(e);
        if (k == ICAL_VAVAILABILITY_COMPONENT) { expand(e, from, to, c); continue; }
        if (!is_expanded_kind(k)) continue;
        if (icalcomponent_get_first_property(e, ICAL_RECURRENCEID_PROPERTY)) {
            icalcomponent_foreach_recurrence(e, from, to, on_override, c);
        } else {
            c->uid = icalcomponent_get_uid(e);
            icalcomponent_foreach_recurrence(e, from, to, on_instance, c);
            c->uid = NULL;
        }
    }
}

static void process(icalcomponent *root, struct icaltimetype from, struct icaltimetype to, Count *c) {
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
        c->override_count = 0;
        collect_overrides(root, c);
        expand(root, from, to, c);
        return;
    }
    /* Several VCALENDARs in one file come back wrapped in an XROOT. */
    for (icalcomponent *cal = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); cal;
         cal = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT)) {
        process(cal, from, to, c);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: libical_expand DIR|FILE [--from ISO] [--to ISO]\n");
        return 64;
    }
    const char *path = argv[1];
    const char *from_s = "2027-01-01T00:00:00Z", *to_s = "2028-01-01T00:00:00Z";
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--from") == 0) from_s = argv[i + 1];
        else if (strcmp(argv[i], "--to") == 0) to_s = argv[i + 1];
        else if (strcmp(argv[i], "--dump") == 0) {
            dump = fopen(argv[i + 1], "w");
            if (!dump) { fprintf(stderr, "libical_expand: cannot write %s\n", argv[i + 1]); return 73; }
        }
        else { fprintf(stderr, "libical_expand: unknown option %s\n", argv[i]); return 64; }
    }
    struct icaltimetype from = parse_instant(from_s), to = parse_instant(to_s);

    /* Read everything first: file reading is not timed. */
    size_t n = 0, cap = 0;
    char **names = NULL;
    struct stat st;
    if (stat(path, &st) != 0) { fprintf(stderr, "libical_expand: cannot read %s\n", path); return 66; }
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir) { fprintf(stderr, "libical_expand: cannot open %s\n", path); return 66; }
        for (struct dirent *ent; (ent = readdir(dir));) {
            if (!ends_with(ent->d_name, ".ics")) continue;
            if (n == cap) { cap = cap ? 2 * cap : 1024; names = realloc(names, cap * sizeof(char *)); }
            size_t len = strlen(path) + strlen(ent->d_name) + 2;
            names[n] = malloc(len);
            snprintf(names[n], len, "%s/%s", path, ent->d_name);
            n++;
        }
        closedir(dir);
        qsort(names, n, sizeof(char *), compare_names);
    } else {
        names = malloc(sizeof(char *));
        names[0] = strdup(path);
        n = 1;
    }
    Buffer *files = calloc(n ? n : 1, sizeof(Buffer));
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        if (read_file(names[i], &files[i]) != 0) {
            fprintf(stderr, "libical_expand: cannot read %s\n", names[i]);
            return 66;
        }
        bytes += files[i].size;
    }

    Count c = {0};
    long long parse_failures = 0, parse_errors = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t i = 0; i < n; i++) {
        icalcomponent *root = icalparser_parse_string(files[i].data);
        if (!root) { parse_failures++; continue; }
        process(root, from, to, &c);
        if (dump) parse_errors += icalcomponent_count_errors(root); /* X-LIC-ERROR: RFC violations libical saw */
        icalcomponent_free(root);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (dump) fclose(dump);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    printf("{\"tool\":\"libical\",\"version\":\"%s\",\"files\":%zu,\"bytes\":%zu,\"occurrences\":%lld,"
           "\"seconds\":%.6f,\"occurrences_without_overrides\":%lld,\"overrides_applied\":%lld,"
           "\"parse_failures\":%lld}\n",
           LIBICAL_PKG_VERSION, n, bytes, c.occurrences, seconds, c.raw, c.replaced, parse_failures);
    if (dump) fprintf(stderr, "libical_expand: %lld X-LIC-ERROR properties (RFC 5545 violations libical reports)\n", parse_errors);
    return parse_failures ? 65 : 0;
}
