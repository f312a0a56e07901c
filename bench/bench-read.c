/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading a file near the size limit (PMD_SCENARIO_FILE_MAX_SIZE): the
 * bundled scenario with an unknown field of numbers added until the file is
 * just under the limit (the worst case for memory: two bytes of text a
 * value), and the same size of texts. Prints the time to read and the
 * memory the reader used, as a multiple of the file's size.
 *
 *   ./build/bench/bench-read
 *
 * Before the strict reader (json-glib): over 60 s and 2,3 GB for 63 MB.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static char *
near_limit (const char *item)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (pmd_data_get_resource (),
                                                    "/nl/piramide/Piramide/scenarios/westland-2026.piramide",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *last = strrchr (data, '}');
  GString *text = g_string_sized_new (PMD_SCENARIO_FILE_MAX_SIZE);
  gsize item_len = strlen (item);

  g_string_append_len (text, data, last - data);
  g_string_append (text, ", \"x-bulk\": [");
  while (text->len + item_len + 8 < PMD_SCENARIO_FILE_MAX_SIZE)
    {
      g_string_append (text, item);
      g_string_append_c (text, ',');
    }
  g_string_append (text, "0]}");
  return g_string_free (text, FALSE);
}

static void
measure (const char *what,
         const char *item)
{
  g_autofree char *text = near_limit (item);
  gsize len = strlen (text);
  long before = peak_rss_kb ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = pmd_scenario_load_from_data (text, len, &error);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  long after = peak_rss_kb ();

  if (sc == NULL)
    g_error ("%s", error->message);
  printf ("%-22s %6.1f MB  %6.2f s  peak memory +%6.0f MB = %4.1f × the file\n", what,
          len / 1e6, seconds, (after - before) / 1e3, (after - before) * 1e3 / len);
}

int
main (void)
{
  /* Texts first: the peak of the numbers' run would hide theirs. */
  measure ("texts (\"abcdefgh\")", "\"abcdefgh\"");
  measure ("numbers (0)", "0");
  return 0;
}
