/*
 * change_log.h — what the history trigger (change_log.c) knows that other
 * checks use: the projects the current transaction created, and by whom.
 */
#ifndef CHANGE_LOG_H
#define CHANGE_LOG_H

#include "postgres.h"

extern bool pb_project_created_here(int64 project_id);

#endif							/* CHANGE_LOG_H */
