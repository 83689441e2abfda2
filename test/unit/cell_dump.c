/*
 * cell_dump.c — what the pure C parser makes of each cell, one line a cell,
 * for the frozen corpus test/unit/cell_corpus.tsv (see make-cell-corpus).
 *
 *   test/unit/cell_dump < cells.txt > test/unit/cell_corpus.tsv
 *
 * Reads escaped cells (one a line) and writes "cell<TAB>result" lines; the
 * result is cell_result() of cell_corpus.h, which test_parse.c compares with
 * the frozen lines.  Regenerate the corpus only when the language changes on
 * purpose, and say so in the commit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell_corpus.h"

int
main(void)
{
	static char line[1 << 20];	/* escaped cells are at most 280 kB */

	while (fgets(line, sizeof(line), stdin))
	{
		size_t		n;
		size_t		got = strlen(line);
		char	   *cell;
		char	   *res;

		if (got > 0 && line[got - 1] == '\n')
			line[--got] = '\0';
		cell = corpus_unescape(line, &n);
		res = cell_result(cell, n);
		printf("%s\t%s\n", line, res);
		free(res);
		free(cell);
	}
	return 0;
}
