/* A test shim (LD_PRELOAD) for tests/read-error.sh: pread fails with EIO
 * for any range that reaches past byte DOSSIER_TEST_EIO_AT of a file, as a
 * bad disk or a network file system may. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static ssize_t
failing(ssize_t (*real)(int, void *, size_t, off_t), int fd, void *buf, size_t n,
    off_t off)
{
	const char *at = getenv("DOSSIER_TEST_EIO_AT");

	if (at && off + (off_t)n > (off_t)atoll(at)) {
		errno = EIO;
		return -1;
	}
	return real(fd, buf, n, off);
}

ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	ssize_t (*real)(int, void *, size_t, off_t) =
	    (ssize_t (*)(int, void *, size_t, off_t))dlsym(RTLD_NEXT, "pread");

	return failing(real, fd, buf, n, off);
}

ssize_t
pread64(int fd, void *buf, size_t n, off_t off)
{
	ssize_t (*real)(int, void *, size_t, off_t) =
	    (ssize_t (*)(int, void *, size_t, off_t))dlsym(RTLD_NEXT, "pread64");

	return failing(real, fd, buf, n, off);
}
