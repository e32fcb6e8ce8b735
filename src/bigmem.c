#include <config.h>

#include <stdlib.h>
#include <sys/mman.h>

#include "bigmem.h"

#define HUGE_PAGE (2UL * 1024 * 1024)

void *
bigmem_alloc(size_t size)
{
#ifdef MADV_HUGEPAGE
	if (size >= BIGMEM_MIN) {
		size_t room = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
		void *p;
		if (room < size || posix_memalign(&p, HUGE_PAGE, room) != 0)
			return NULL;
		madvise(p, room, MADV_HUGEPAGE);   /* a hint: may be refused */
		return p;
	}
#endif
	return malloc(size ? size : 1);
}
