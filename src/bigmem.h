/* Large arrays in huge pages: a fault per 2 MiB instead of per 4 KiB. */
#ifndef DOSSIER_BIGMEM_H
#define DOSSIER_BIGMEM_H

#include <stddef.h>

/* size bytes (uninitialized), for free(); NULL when memory runs out.
 * From BIGMEM_MIN bytes up, asked for in Linux's transparent huge pages,
 * where they are given on request: page faults on this machine cost
 * about 4 us per 4 KiB page, so 48 MB of fresh memory took ~50 ms in
 * small pages against ~15 ms in huge ones (measured here). */
void *bigmem_alloc(size_t size);

#define BIGMEM_MIN (4UL * 1024 * 1024)

#endif
