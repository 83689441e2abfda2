-- The texts of the errors the extension's SQL functions raise, in the
-- session's language (lc_messages): English message ids in
-- src/sql_message.c, their translations in po/ (issue 12).

CREATE FUNCTION message(key text, VARIADIC args text[] DEFAULT '{}') RETURNS text
    AS 'MODULE_PATHNAME', 'pb_message' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION message(text, text[]) IS
  '消息 — the text of one of the extension''s own error messages, by key (src/sql_message.c), in the language of lc_messages with args in place of its %s; what the PL/pgSQL functions raise. STABLE: the text follows lc_messages';
