# nls.mk — pg_perfbudget's message catalog, for PostgreSQL's NLS rules.
#
# PGXS reads this file (Makefile.global includes src/nls-global.mk when it
# exists and the server was built with NLS): 'make' compiles po/LANG.po to
# po/LANG.mo, 'make install' puts it at
# $(pg_config --localedir)/LANG/LC_MESSAGES/pg_perfbudget-$(MAJORVERSION).mo,
# and 'make update-po' extracts the messages into po/pg_perfbudget.pot and
# merges them into po/LANG.po.new (MAINTAINING.md, "Messages").
#
# Message ids are English.  The keywords beyond the server's errmsg() family:
#   pb_tr      a text translated where it is written (src/pb_nls.h)
#   PB_N_      a text marked where it is written, translated where it is used
#   PB_NF_     the same for a text with %s directives (src/sql_message.c)
#   fail:2     the reason of the form and evaluation readers (translated in fail)
#   fail_fmt:3 a reason of the form reader that quotes the input
#   fail_form:2  a reason about a whole form
#   bad:2      why a stored or binary value is refused (perf_encode.c)
CATALOG_NAME     = pg_perfbudget
AVAIL_LANGUAGES  = zh_CN
GETTEXT_FILES    = $(sort $(wildcard src/*.c src/*.h))
GETTEXT_TRIGGERS = $(BACKEND_COMMON_GETTEXT_TRIGGERS) pb_tr PB_N_ PB_NF_ fail:2 fail_fmt:3 fail_form:2 bad:2
GETTEXT_FLAGS    = $(BACKEND_COMMON_GETTEXT_FLAGS) pb_tr:1:pass-c-format \
    PB_N_:1:no-c-format PB_NF_:1:c-format fail:2:c-format \
    fail_fmt:3:c-format psprintf:1:c-format appendStringInfo:2:c-format \
    snprintf:3:c-format vsnprintf:3:c-format
# the sources hold Chinese (form words in the English messages)
XGETTEXT += --from-code=UTF-8
