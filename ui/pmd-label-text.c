/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pmd-label-text.h"
#include "pmd-format.h"

/*
 * Text for labels that wrap. The model writes amounts with plain spaces
 * ("€ 145,7 mln"), as the command line and the exports want them; a
 * wrapping label broke such an amount across lines ("zonder maatregelen €
 * / 145,7 mln"). On screen the spaces inside an amount are no-break spaces
 * (U+00A0), so the line breaks before or after it, never inside.
 */

#define NO_BREAK_SPACE "\xc2\xa0"

/* The units pmd_format_euro_compact() writes, in Dutch and in English. */
static const char *const units[] = { "mln", "mld", "miljoen", "miljard", "m", "bn" };

/* Whether @p starts a unit word of an amount: "mln" and not "mlnx". */
static gboolean
is_unit (const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize n = strlen (units[i]);

      if (strncmp (p, units[i], n) == 0 && !g_ascii_isalnum (p[n]))
        return TRUE;
    }
  return FALSE;
}

/* Whether @p starts a number: a digit, or a minus sign before one. */
static gboolean
is_number (const char *p)
{
  if (g_str_has_prefix (p, "\xe2\x88\x92"))  /* − U+2212 */
    p += 3;
  else if (*p == '-')
    p++;
  return g_ascii_isdigit (*p);
}

/**
 * pmd_label_text_keep_amounts:
 * @text: text with amounts as the model writes them
 *
 * Returns: (transfer full): @text with a no-break space between "€" and
 *   its number and between a number and its unit ("mln")
 */
char *
pmd_label_text_keep_amounts (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean after_euro = out->len >= 3 && memcmp (out->str + out->len - 3, "€", 3) == 0;
      gboolean after_digit = out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]);

      if (*p == ' ' && ((after_euro && is_number (p + 1)) || (after_digit && is_unit (p + 1))))
        g_string_append (out, NO_BREAK_SPACE);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* pmd_format_euro_compact() for a label: "€ 145,7 mln" kept together. */
char *
pmd_label_text_euro (double value)
{
  g_autofree char *text = pmd_format_euro_compact (value);

  return pmd_label_text_keep_amounts (text);
}
