/* fuzz-replay.c: a harness's inputs replayed without libFuzzer, as a test of the normal suite.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Linked with one harness (any compiler): every file in the folders named on the command line
 * (relative to G_TEST_SRCDIR) becomes a test case that feeds it to LLVMFuzzerTestOneInput, so
 * that the seeds and every crash found once (regressions/) keep passing, and the harness code
 * keeps compiling in CI. */

#include "config.h"

#include <string.h>

#include "bb-fuzz.h"

static void
replay (gconstpointer data)
{
  const char *file = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (file, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  g_test_init (&argc, &argv, NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, argv[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("No folder %s", folder);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        {
          const char *file_name = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", argv[i], file_name);

          g_test_add_data_func_full (test_path, g_build_filename (folder, file_name, NULL),
                                     replay, g_free);
          n_files++;
        }
    }
  if (n_files == 0)
    g_error ("No inputs to replay");

  return g_test_run ();
}
