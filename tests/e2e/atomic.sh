# All-or-nothing outputs: a run stages what it writes in OUT/.eoi-tmp-*
# and renames the files into place only when the whole command succeeded.
# A run that fails half-way (a template error found after the figures and
# tables were written, a destination that is a file or a folder, bad data)
# leaves every previous file byte-identical, adds nothing and leaves no
# temporary file; staging folders of killed runs are removed by the next
# run; two runs on the same --out at once leave only complete files, each
# byte-identical to what one of the two runs writes alone.

. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
FIX=tests/fixtures/report/two_quarters.csv
D="$TMP/out"

# snapshot DIR: every path below DIR (folders too) and every file's sha256.
snapshot() {
	(cd "$1" && find . | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
}
# same_tree NAME DIR WANT_FILE: passes when DIR's snapshot is WANT_FILE.
same_tree() {
	snapshot "$2" >"$TMP/snap.now"
	if cmp -s "$TMP/snap.now" "$3"; then
		tk_pass=$((tk_pass + 1))
	else
		tk_fail=$((tk_fail + 1))
		echo "FAIL $1: $2 changed:"
		diff "$3" "$TMP/snap.now" | head -n 10 | sed 's/^/    /'
	fi
}
# no_temp NAME DIR: passes when nothing temporary is left below DIR.
no_temp() {
	check_eq "$1: no temporary files" \
		"$(find "$2" -name '.eoi-tmp-*' -o -name '*.tmp' -o -name '*.tmp-*' -o -name '*.json.??????' | head -n 3)" ""
}

# ---- a complete run, then runs failing half-way -----------------------------
check "first run" $EOI all -q --data $FIX --out "$D"
check "stats --json" $EOI stats -q --data $FIX --json "$D/stats.json"
check "sample" $EOI sample -q --models 20 "$D/sample/s.csv.gz"
check_eq "files written" "$(find "$D" -type f | wc -l | tr -d ' ')" "28"
snapshot "$D" >"$TMP/snap.before"

# A template error found only when the report is built, after figures and
# tables: `eoi all` publishes none of them.
sed 's/{{ counts.models | thousands }}/{{ counts.modles | thousands }}/' templates/report.tmpl >"$TMP/bad.tmpl"
check_fails "all: late template error" 65 'bad.tmpl:[0-9]*: unknown placeholder' \
	$EOI all -q --data $FIX --as-of 2025-03-31 --format pdf --template "$TMP/bad.tmpl" --out "$D"
same_tree "all: late template error" "$D" "$TMP/snap.before"
printf '# T\n\n{%% for x in as_of %%}\n{{ x }}\n{%% endfor %%}\n' >"$TMP/bad2.tmpl"
check_fails "report: for over a non-list" 65 'bad2.tmpl:3: {% for %} over "as_of", which is not a list' \
	$EOI report -q --data $FIX --as-of 2025-03-31 --template "$TMP/bad2.tmpl" --out "$D"
same_tree "report: for over a non-list" "$D" "$TMP/snap.before"

# Bad data: nothing is touched, and a --out that did not exist is not made.
check_fails "all: missing input" 66 "nothing.csv" $EOI all -q --data "$TMP/nothing.csv" --out "$D"
same_tree "all: missing input" "$D" "$TMP/snap.before"
check_fails "all: missing input, new --out" 66 "nothing.csv" \
	$EOI all -q --data "$TMP/nothing.csv" --out "$TMP/new/deeper"
check "new --out not made" test ! -e "$TMP/new"

# OUT/report is a file (root ignores permissions, so a file in place of a
# folder is the unwritable destination): figures and tables stay as they were.
mv "$D/report" "$TMP/report.saved"
: >"$D/report"
snapshot "$D" >"$TMP/snap.nodir"
check_fails "all: report folder is a file" 73 "report: Not a directory" \
	$EOI all -q --data $FIX --as-of 2025-03-31 --format pdf --out "$D"
same_tree "all: report folder is a file" "$D" "$TMP/snap.nodir"
rm "$D/report"
mv "$TMP/report.saved" "$D/report"

# OUT/report a link to a folder on another file system, where rename(2)
# cannot reach (only where /dev/shm is one).
if [ -d /dev/shm ] && [ "$(stat -c %d /dev/shm)" != "$(stat -c %d "$D")" ]; then
	X=$(mktemp -d /dev/shm/eoi-atomic.XXXXXX)
	mv "$D/report" "$TMP/report.saved"
	ln -s "$X" "$D/report"
	snapshot "$D" >"$TMP/snap.xdev"
	check_fails "all: report folder on another file system" 73 "report: Invalid cross-device link" \
		$EOI all -q --data $FIX --as-of 2025-03-31 --format pdf --out "$D"
	same_tree "all: report folder on another file system" "$D" "$TMP/snap.xdev"
	check_eq "nothing written on the other file system" "$(ls -A "$X")" ""
	rm "$D/report"
	rmdir "$X"
	mv "$TMP/report.saved" "$D/report"
fi

# A figure that cannot be written (its name is taken by a folder): the
# figures drawn before it are not published either.
mv "$D/figures/fig3.pdf" "$TMP/fig3.saved"
mkdir "$D/figures/fig3.pdf"
snapshot "$D" >"$TMP/snap.figdir"
check_fails "figures: fig3.pdf is a folder" 73 "fig3.pdf: Is a directory" \
	$EOI figures -q --data $FIX --as-of 2025-03-31 --format svg,pdf --out "$D"
same_tree "figures: fig3.pdf is a folder" "$D" "$TMP/snap.figdir"
rmdir "$D/figures/fig3.pdf"
mv "$TMP/fig3.saved" "$D/figures/fig3.pdf"

# The workbook cannot be written: `eoi all` keeps the old figures too.
mv "$D/tables/eoi-tables.xlsx" "$TMP/xlsx.saved"
mkdir "$D/tables/eoi-tables.xlsx"
snapshot "$D" >"$TMP/snap.xlsxdir"
check_fails "all: workbook is a folder" 73 "eoi-tables.xlsx: Is a directory" \
	$EOI all -q --data $FIX --as-of 2025-03-31 --format png --out "$D"
same_tree "all: workbook is a folder" "$D" "$TMP/snap.xlsxdir"
rmdir "$D/tables/eoi-tables.xlsx"
mv "$TMP/xlsx.saved" "$D/tables/eoi-tables.xlsx"

# --out below a file.
: >"$TMP/afile"
check_fails "all: --out below a file" 73 "afile" $EOI all -q --data $FIX --out "$TMP/afile/sub"
check_eq "afile untouched" "$(wc -c <"$TMP/afile" | tr -d ' ')" "0"

# stats --json and sample into a folder's name: the old files stay, no
# temporary file is left.
check_fails "stats --json onto a folder" 73 "figures" $EOI stats -q --data $FIX --json "$D/figures"
check_fails "sample onto a folder" 73 "figures: Is a directory" $EOI sample -q --models 20 "$D/figures"
check_fails "sample: models table onto a folder" 73 "report: Is a directory" \
	$EOI sample -q --models 20 --models-table "$D/report" "$D/sample/s.csv.gz"
same_tree "after stats and sample failures" "$D" "$TMP/snap.before"
no_temp "after the failures" "$D"

# ---- staging folders of killed runs ------------------------------------------
# Old and unlocked: removed.  New (a run may just have made it): kept.  Old
# but locked by a live process: kept.
mkdir "$D/.eoi-tmp-old000" "$D/.eoi-tmp-new000" "$D/.eoi-tmp-live00"
: >"$D/.eoi-tmp-old000/fig1.pdf"
touch -d '2 hours ago' "$D/.eoi-tmp-old000" "$D/.eoi-tmp-live00"
python3 -c 'import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(60)' "$D/.eoi-tmp-live00" "$TMP/locked" &
locker=$!
i=0
while [ ! -e "$TMP/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
check "run beside stale staging folders" $EOI tables -q --data $FIX --out "$D"
check "old staging folder removed" test ! -e "$D/.eoi-tmp-old000"
check "new staging folder kept" test -d "$D/.eoi-tmp-new000"
check "locked staging folder kept" test -d "$D/.eoi-tmp-live00"
kill $locker 2>/dev/null
wait $locker 2>/dev/null
rmdir "$D/.eoi-tmp-new000" "$D/.eoi-tmp-live00"
same_tree "rerun beside staging folders" "$D" "$TMP/snap.before"

# A run killed half-way publishes nothing and leaves its staging folder,
# which the next run removes once it is older than a minute.
$EOI all -q --data $FIX --as-of 2025-03-31 --out "$D" &
victim=$!
i=0
while [ -z "$(find "$D" -path "$D/.eoi-tmp-*/figures/*" 2>/dev/null | head -n 1)" ] && [ $i -lt 400 ]; do
	sleep 0.02
	i=$((i + 1))
done
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
left=$(find "$D" -maxdepth 1 -name '.eoi-tmp-*')
check "killed run left its staging folder" test -n "$left"
(cd "$D" && find . -path './.eoi-tmp-*' -prune -o -print | LC_ALL=C sort &&
	find . -path './.eoi-tmp-*' -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) >"$TMP/snap.killed"
check "killed run published nothing" cmp "$TMP/snap.killed" "$TMP/snap.before"
[ -n "$left" ] && touch -d '2 minutes ago' $left
check "run after the killed one" $EOI tables -q --data $FIX --out "$D"
no_temp "killed run cleaned" "$D"
same_tree "run after the killed one" "$D" "$TMP/snap.before"

# ---- two runs on the same --out at once -----------------------------------------
# References written alone ($D holds the first run's); every file of the
# shared folder must equal one of them (complete, from one run or the
# other) and be a valid file.
RA="$D"
RB="$TMP/ref-b"
C="$TMP/shared"
$EOI all -q --data $FIX --as-of 2025-03-31 --format pdf --out "$RB"
for round in 1 2 3; do
	$EOI all -q --data $FIX --out "$C" &
	a=$!
	$EOI all -q --data $FIX --as-of 2025-03-31 --format pdf --out "$C" &
	b=$!
	wait $a
	sa=$?
	wait $b
	sb=$?
	check_eq "round $round: both runs succeed" "$sa $sb" "0 0"
done
no_temp "concurrent runs" "$C"
bad=""
for f in $(cd "$C" && find . -type f | LC_ALL=C sort); do
	cmp -s "$C/$f" "$RA/$f" 2>/dev/null || cmp -s "$C/$f" "$RB/$f" 2>/dev/null || bad="$bad $f"
done
check_eq "every file is one run's" "$bad" ""
check_eq "files of both runs" "$(find "$C" -type f | wc -l | tr -d ' ')" \
	"$( (cd "$RA" && find figures tables report -type f; cd "$RB" && find figures tables report -type f) | sort -u | wc -l | tr -d ' ')"
invalid=""
for f in "$C"/figures/*.pdf "$C"/report/*.pdf; do
	pdfinfo "$f" >/dev/null 2>&1 || invalid="$invalid $f"
done
for f in "$C"/figures/*.svg; do
	rsvg-convert -o /dev/null "$f" 2>/dev/null || invalid="$invalid $f"
done
for f in "$C"/figures/*.png; do
	[ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || invalid="$invalid $f"
done
python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(z.testzip() is not None)' "$C/tables/eoi-tables.xlsx" || invalid="$invalid eoi-tables.xlsx"
check_eq "every file valid" "$invalid" ""

finish
