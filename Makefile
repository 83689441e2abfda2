# Makefile — plain PGXS build of pg_perfbudget.
#
#   make && make install         build and install into the pg_config found
#   make installcheck            pg_regress suites in sql/ against a running server
#   make unittest                standalone tests of the pure C core (no server)
#   make fuzz                    libFuzzer harness of the parser (needs clang)
#
# CI adds PROFILE=-Werror; the shipped build keeps the server's own flags.

EXTENSION = pg_perfbudget
MODULE_big = pg_perfbudget
OBJS = \
	src/pg_perfbudget.o \
	src/perf_parse.o \
	src/perf_text.o \
	src/perf_date.o \
	src/perf_format.o \
	src/perf_readback.o \
	src/perf_compare.o \
	src/perf_encode.o \
	src/perf_eval.o \
	src/perf_type.o \
	src/perf_ops.o \
	src/perf_funcs.o \
	src/perf_score.o \
	src/perf_score_sql.o \
	src/checks.o \
	src/expenditure_sum.o \
	src/indicator_fingerprint.o \
	src/issue_finding.o \
	src/form_parse.o \
	src/form_import.o \
	src/import_claims.o \
	src/xact_set.o \
	src/id_map.o \
	src/form_key.o \
	src/evaluation_parse.o \
	src/evaluation_import.o \
	src/indicator_label.o \
	src/indicator_label_sql.o \
	src/rollup.o \
	src/run_as_owner.o \
	src/change_log.o \
	src/form_json.o \
	src/form_events.o \
	src/department_access.o \
	src/sql_message.o

# The install script of the current version is built from extension/parts/,
# one file per concern.  Released install scripts (pg_perfbudget--0.1.sql)
# are frozen in git and installed as they are, with the upgrade scripts
# (pg_perfbudget--A--B.sql), so that ALTER EXTENSION ... UPDATE reaches the
# current version from every release; test/upgrade.sh proves it.
EXTVERSION = 1.1
DATA_built = extension/pg_perfbudget--$(EXTVERSION).sql
DATA = $(filter-out $(DATA_built),$(wildcard extension/pg_perfbudget--*.sql))
PGFILEDESC = "pg_perfbudget - budget performance targets"

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=pg_perfbudget

# Messages: English message ids, translated through the module's own catalog
# pg_perfbudget-$(MAJORVERSION) (TEXTDOMAIN: src/pb_nls.h, as PostgreSQL's PL
# modules do).  nls.mk lists the languages and the sources; PGXS's own NLS
# rules (src/nls-global.mk, read because nls.mk exists) build po/*.mo with
# msgfmt, install them under $(pg_config --localedir), and give
# 'make update-po' (MAINTAINING.md, "Messages").

# Before the include: pgxs.mk tests 'ifdef EXTRA_CLEAN' as it is read.
EXTRA_CLEAN = test/unit/test_parse test/unit/cell_dump test/unit/test_corpus test/unit/test_binary_corpus test/unit/test_score test/unit/test_evaluation_parse test/unit/test_id_map test/fuzz/fuzz_cell test/fuzz/fuzz_form

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

extension/pg_perfbudget--$(EXTVERSION).sql: $(sort $(wildcard extension/parts/*.sql))
	( echo '-- pg_perfbudget $(EXTVERSION) (built from extension/parts/; edit those)'; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION pg_perfbudget" to load this file. \quit'; \
	  for f in $^; do echo; echo "-- $$f"; cat $$f; done ) > $@

# PGXS does not track headers: rebuild every object when one changes.
$(OBJS): $(wildcard src/*.h)

# The pure C core, built without the server for the unit test and fuzzer.
CORE_SRCS = src/perf_parse.c src/perf_text.c src/perf_date.c src/perf_format.c src/perf_readback.c src/perf_compare.c \
	src/perf_encode.c src/perf_eval.c src/perf_score.c src/form_parse.c src/evaluation_parse.c src/indicator_label.c
HOST_CC ?= cc
HOST_CFLAGS ?= -std=c99 -O1 -g -Wall -Wextra -Werror -Isrc

test/unit/test_parse: test/unit/test_parse.c test/unit/cell_corpus.h $(CORE_SRCS) src/perf_parse.h src/perf_core.h src/perf_scan.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/test_parse.c $(CORE_SRCS)

test/unit/test_corpus: test/unit/test_corpus.c $(CORE_SRCS) src/perf_parse.h src/perf_core.h src/perf_scan.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/test_corpus.c $(CORE_SRCS)

# The frozen stored values of layout 0 (test/corpus/binary-1.0.tsv) decoded.
test/unit/test_binary_corpus: test/unit/test_binary_corpus.c $(CORE_SRCS) src/perf_parse.h src/perf_core.h src/perf_scan.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/test_binary_corpus.c $(CORE_SRCS)

test/unit/test_score: test/unit/test_score.c $(CORE_SRCS) src/perf_score.h src/perf_core.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/test_score.c $(CORE_SRCS) -lm

test/unit/test_evaluation_parse: test/unit/test_evaluation_parse.c $(CORE_SRCS) src/evaluation_parse.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/test_evaluation_parse.c $(CORE_SRCS)

# What the parser makes of each cell, for freezing test/unit/cell_corpus.tsv
# (test/unit/make-cell-corpus says how).
test/unit/cell_dump: test/unit/cell_dump.c test/unit/cell_corpus.h $(CORE_SRCS) src/perf_parse.h src/perf_core.h src/perf_scan.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/cell_dump.c $(CORE_SRCS)

# The compact id map of the transaction's sets (src/id_map.c), on its own.
test/unit/test_id_map: test/unit/test_id_map.c src/id_map.c src/id_map.h
	$(HOST_CC) $(HOST_CFLAGS) -o $@ test/unit/test_id_map.c src/id_map.c

unittest: test/unit/test_parse test/unit/test_score test/unit/test_evaluation_parse test/unit/test_binary_corpus test/unit/test_id_map
	test/unit/test_id_map
	test/unit/test_score
	test/unit/test_evaluation_parse
	test/unit/test_binary_corpus test/corpus/binary-1.0.tsv
	test/unit/test_parse test/unit/cell_corpus.tsv

test/fuzz/fuzz_cell: test/fuzz/fuzz_cell.c $(CORE_SRCS) src/perf_parse.h src/perf_core.h
	clang -g -O1 -Isrc -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -o $@ test/fuzz/fuzz_cell.c $(CORE_SRCS)

test/fuzz/fuzz_form: test/fuzz/fuzz_form.c $(CORE_SRCS) src/form_parse.h src/perf_parse.h src/perf_core.h
	clang -g -O1 -Isrc -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -o $@ test/fuzz/fuzz_form.c $(CORE_SRCS)

fuzz: test/fuzz/fuzz_cell test/fuzz/fuzz_form

.PHONY: unittest fuzz
