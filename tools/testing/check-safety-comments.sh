#!/bin/bash
# Every `unsafe {` block in the given files must have a `// SAFETY:` comment
# on its line or within the 4 lines above it. Prints offenders; exit 1 if any.
awk '
	FNR == 1 { delete win }
	/unsafe \{/ {
		ok = ($0 ~ /SAFETY/)
		for (i = 1; i <= 4; i++) if (win[(FNR - i) % 5] ~ /SAFETY/) ok = 1
		if (!ok) { print FILENAME ":" FNR ": " $0; bad = 1 }
	}
	{ win[FNR % 5] = $0 }
	END { exit bad }
' "$@"
