#!/bin/sh
echo "schema engine stub: not available offline" >&2
exit 1
