#!/bin/sh
# Run instead of the tests whose libraries configure did not find: says
# which were skipped and how to get them (configure --enable-tests=require
# makes the libraries mandatory).  TAP.
echo "1..2"
if test "$have_cmocka" = yes; then
	echo "ok 1 - cmocka found: unit tests run"
else
	echo "ok 1 # SKIP unit and screen tests: cmocka not found (install the Debian package libcmocka-dev and run configure again)"
fi
if test "$have_vterm" = yes; then
	echo "ok 2 - libvterm found: screen tests run"
else
	echo "ok 2 # SKIP screen tests: libvterm not found (install the Debian package libvterm-dev and run configure again)"
fi
