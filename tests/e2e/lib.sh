# lib.sh - helpers for end-to-end scripts; source it first.
#   check NAME CMD...        passes when CMD exits 0
#   check_eq NAME GOT WANT   passes when the two strings are equal
#   check_fails NAME STATUS PATTERN CMD...
#                            passes when CMD exits STATUS and its stderr
#                            matches the grep pattern PATTERN
#   finish                   prints the "tk:" summary; call last
# $EOI is the eoi binary; $TMP a scratch folder removed at exit.
EOI=${EOI:-./eoi}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
tk_pass=0
tk_fail=0
check() {
	name=$1
	shift
	if "$@" >"$TMP/.out" 2>&1; then
		tk_pass=$((tk_pass + 1))
	else
		tk_fail=$((tk_fail + 1))
		echo "FAIL $name: command failed: $*"
		sed 's/^/    /' "$TMP/.out" | head -n 20
	fi
}
check_eq() {
	if [ "$2" = "$3" ]; then
		tk_pass=$((tk_pass + 1))
	else
		tk_fail=$((tk_fail + 1))
		echo "FAIL $1: got '$2', want '$3'"
	fi
}
check_fails() {
	name=$1
	want=$2
	pattern=$3
	shift 3
	"$@" >"$TMP/.out" 2>"$TMP/.err"
	got=$?
	if [ "$got" = "$want" ] && grep -q -- "$pattern" "$TMP/.err" && [ "$(wc -l <"$TMP/.err")" -ge 1 ]; then
		tk_pass=$((tk_pass + 1))
	else
		tk_fail=$((tk_fail + 1))
		echo "FAIL $name: exit $got (want $want), stderr:"
		sed 's/^/    /' "$TMP/.err" | head -n 5
		echo "    (wanted a line matching: $pattern)"
	fi
}
finish() {
	echo "tk: $tk_pass passed, $tk_fail failed"
	[ "$tk_fail" = 0 ]
}
