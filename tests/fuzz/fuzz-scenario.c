/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A libFuzzer target for the scenario reader: any bytes are read as a
 * scenario file; what loads is written back, read again (it must load and
 * give the same text) and projected. Built with -Dfuzzing=true and clang:
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
 *   ninja -C build-fuzz tests/fuzz/fuzz-scenario
 *   mkdir -p /tmp/corpus && ./build-fuzz/tests/fuzz/fuzz-scenario -dict=tests/fuzz/scenario.dict \
 *     /tmp/corpus tests/fuzz/seeds tests/fuzz/regressions
 *
 * An input that crashed or hung it goes into tests/fuzz/regressions/, which
 * the normal test suite reads (data-fuzz-regressions).
 */
#include "config.h"

#include <string.h>

#include "pmd-model.h"
#include "pmd-scenario-file.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmdScenario) sc = NULL;
  g_autoptr(PmdScenario) again = NULL;
  g_autoptr(PmdProjection) p = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize len, len_again;

  sc = pmd_scenario_load_from_data ((const char *) data, size, &error);
  if (sc == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  text = pmd_scenario_to_data (sc, &len);
  again = pmd_scenario_load_from_data (text, len, &error);
  if (again == NULL)
    g_error ("a saved scenario does not load again: %s", error->message);
  text_again = pmd_scenario_to_data (again, &len_again);
  g_assert (len == len_again && memcmp (text, text_again, len) == 0);
  p = pmd_project (sc, &error);
  g_clear_error (&error);
  return 0;
}
