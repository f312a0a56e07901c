/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pmd-file-writer.h"

G_BEGIN_DECLS

/* The writer writes in pieces of this size, so that a test can stop it
 * half-way. */
#define _PMD_FILE_WRITER_CHUNK (256 * 1024)

/**
 * PmdFileWriterTestHook:
 * @written: the bytes written into the temporary file so far
 * @user_data: the data given to _pmd_file_writer_set_test_hook()
 *
 * Called before each piece is written. Returns 0 to go on, or an errno value
 * (e.g. `ENOSPC`) that the write then fails with.
 */
typedef int (*PmdFileWriterTestHook) (gsize    written,
                                      gpointer user_data);

/* For the tests only: not thread-safe, and NULL switches it off again. */
void _pmd_file_writer_set_test_hook (PmdFileWriterTestHook hook,
                                     gpointer              user_data);

G_END_DECLS
