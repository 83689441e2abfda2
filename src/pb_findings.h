/*
 * pb_findings.h — the stored findings of form_issues (src/issue_finding.c),
 * recomputed at commit by the first deferred trigger event that runs.
 */
#ifndef PB_FINDINGS_H
#define PB_FINDINGS_H

#include "postgres.h"

extern void pb_findings_note_change(int64 project_id, CommandId changed_at);
extern void pb_flush_findings(void);

#endif
