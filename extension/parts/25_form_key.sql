-- The names that identify a form (region, 主管部门, 项目名称), folded so that
-- look-alike and invisible characters do not make a second department or a
-- second copy of a form (src/form_key.c).

CREATE FUNCTION canonical_name(name text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION canonical_name(text) IS
  '规范名称 — the name after Unicode NFKC, with invisible characters (zero-width, bidi marks, soft hyphen …) removed and white space runs made one space, trimmed: ⼈力资源和社会保障局 (U+2F08) gives 人力资源和社会保障局. import_form stores region and department this way';

CREATE FUNCTION name_key(name text) RETURNS text
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION name_key(text) IS
  '名称比较键 — canonical_name without any white space; NULL gives the empty string. Two forms whose year and keys of region, department and name are equal are the same form (unique index project_form_key)';
