/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PMD_FILE_WRITER_ERROR (pmd_file_writer_error_quark ())

/**
 * PmdFileWriterError:
 * @PMD_FILE_WRITER_ERROR_IS_DIRECTORY: the path names a folder
 * @PMD_FILE_WRITER_ERROR_NOT_REGULAR: the path names a device, a pipe, a
 *   socket or anything else that is not a plain file
 * @PMD_FILE_WRITER_ERROR_IS_INPUT: the path names the file being read
 *   (also through another name: a symbolic or a hard link)
 * @PMD_FILE_WRITER_ERROR_NO_SPACE: the disk (or the user's quota) is full
 * @PMD_FILE_WRITER_ERROR_FAILED: any other failure; the message says why
 *
 * Why a file could not be written. In every case the file that was there
 * before is left as it was.
 */
typedef enum
{
  PMD_FILE_WRITER_ERROR_IS_DIRECTORY,
  PMD_FILE_WRITER_ERROR_NOT_REGULAR,
  PMD_FILE_WRITER_ERROR_IS_INPUT,
  PMD_FILE_WRITER_ERROR_NO_SPACE,
  PMD_FILE_WRITER_ERROR_FAILED,
} PmdFileWriterError;

/**
 * PmdAtomicFile:
 *
 * A file being written: the text goes into a hidden temporary file beside
 * the target, and pmd_atomic_file_commit() puts it in the target's place in
 * one step. Until then, and when anything fails, the target is untouched.
 */
typedef struct _PmdAtomicFile PmdAtomicFile;

GQuark         pmd_file_writer_error_quark   (void);

PmdAtomicFile *pmd_atomic_file_begin         (const char     *path,
                                              const char     *input_path,
                                              GError        **error);
const char    *pmd_atomic_file_get_path      (PmdAtomicFile  *self);
const char    *pmd_atomic_file_get_temp_path (PmdAtomicFile  *self);
int            pmd_atomic_file_get_fd        (PmdAtomicFile  *self);
gboolean       pmd_atomic_file_write         (PmdAtomicFile  *self,
                                              const void     *data,
                                              gsize           length,
                                              GError        **error);
gboolean       pmd_atomic_file_commit        (PmdAtomicFile  *self,
                                              GError        **error);
void           pmd_atomic_file_abort         (PmdAtomicFile  *self);
void           pmd_atomic_file_free          (PmdAtomicFile  *self);

gboolean       pmd_file_write_atomic         (const char     *path,
                                              const void     *data,
                                              gsize           length,
                                              const char     *input_path,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmdAtomicFile, pmd_atomic_file_free)

G_END_DECLS
