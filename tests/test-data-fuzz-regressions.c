/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pmd-model.h"

/* The fuzz target's own check (tests/fuzz/fuzz-scenario.c), run on every
 * seed and on every input that ever crashed or hung it. */
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
test_directory (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", name, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *file;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((file = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (file[0] == '.')
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", file, len);
      g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, len), ==, 0);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/data/fuzz/seeds", "seeds", test_directory);
  g_test_add_data_func ("/data/fuzz/regressions", "regressions", test_directory);

  return g_test_run ();
}
