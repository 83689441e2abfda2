/*
 * indicator_label.h — canonical names of the level-1 and level-2 labels of
 * an indicator table (indicator_label.c).  Pure C, no PostgreSQL.
 */
#ifndef INDICATOR_LABEL_H
#define INDICATOR_LABEL_H

#include <stddef.h>

/*
 * The canonical 一级/二级 name of a label as written ('项目完成指标' →
 * '产出指标', '满意度指 标' → '满意度指标'), or NULL when unknown.  'work'
 * must hold len + 1 bytes.  The result is a static string.
 */
extern const char *pb_canonical_level1(const char *label, size_t len, char *work);
extern const char *pb_canonical_level2(const char *label, size_t len, char *work);

#endif							/* INDICATOR_LABEL_H */
