/*
 * pg_perfbudget.c — the module's magic block and nothing else.
 *
 * Each concern lives in its own file: perf_parse.c (the pure scanner),
 * perf_type.c (type I/O), perf_ops.c (operators and hashing), perf_funcs.c
 * (accessors and evaluation).
 */
#include "postgres.h"
#include "fmgr.h"

PG_MODULE_MAGIC;
