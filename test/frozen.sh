#!/usr/bin/env bash
# test/frozen.sh — released install scripts never change.
#
# Needs no server.  A released version's install script
# (extension/pg_perfbudget--V.sql, V other than default_version in the
# control file) is frozen: its SHA-256 is recorded in extension/frozen.sha256
# when the release is cut (MAINTAINING.md) and never changes afterwards.
# Checks:
#   - every line of frozen.sha256 names a script that exists and has that digest;
#   - every install script other than the current version's is recorded there
#     (the current one is built from extension/parts/; on a release commit
#     it is recorded too, and then must equal what the parts build);
#   - each released version reaches the current one through upgrade scripts;
#   - the Makefile builds the version the control file names;
#   - in a git checkout: no recorded digest was ever changed or removed
#     (the history of frozen.sha256 only adds lines), and no commit after
#     the one that recorded a script's digest changed that script.
# The same for frozen test data, listed in test/corpus/frozen.sha256 as
# '<sha256>  <path>': the corpus of stored binary values of each layout
# (test/corpus/binary-*.tsv, every one of which must be listed), which later
# releases must read back (MAINTAINING.md, "Changing the stored layout").
# Output is TAP.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
LIST=extension/frozen.sha256
CURRENT=$(sed -nE "s/^default_version = '([^']+)'.*/\1/p" pg_perfbudget.control)

T=0
FAILED=0
ok() { # ok STATUS DESCRIPTION [DIAGNOSTIC]
	T=$((T + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T - $2"
	else
		echo "not ok $T - $2"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
		FAILED=$((FAILED + 1))
	fi
}

# the recorded digests
declare -A want=()
while read -r digest name rest; do
	[[ -z "$digest" || "$digest" == \#* ]] && continue
	if [[ ! "$digest" =~ ^[0-9a-f]{64}$ || ! "$name" =~ ^pg_perfbudget--[^-]+\.sql$ || -n "$rest" ]]; then
		ok 1 "$LIST line is '<sha256>  pg_perfbudget--V.sql'" "$digest $name $rest"
		continue
	fi
	want[$name]=$digest
done <"$LIST"
ok $([ ${#want[@]} -gt 0 ] && echo 0 || echo 1) "$LIST records ${#want[@]} released script(s)"

for name in $(printf '%s\n' "${!want[@]}" | sort); do
	if [ -f "extension/$name" ]; then
		have=$(sha256sum "extension/$name" | cut -d' ' -f1)
		ok $([ "$have" = "${want[$name]}" ] && echo 0 || echo 1) \
			"released script $name is unchanged (sha256 ${want[$name]:0:12}…)" \
			"it now has sha256 $have: a released script is never edited; put the change in an upgrade script"
	else
		ok 1 "released script $name exists"
	fi
done

# every install script but the current one is released, hence recorded
shopt -s nullglob
for script in extension/pg_perfbudget--*.sql; do
	name=${script#extension/}
	v=${name#pg_perfbudget--}
	v=${v%.sql}
	[[ "$v" == *--* ]] && continue
	[ "$v" = "$CURRENT" ] && continue	# built from extension/parts/ (or not built yet)
	ok $([ -n "${want[$name]:-}" ] && echo 0 || echo 1) \
		"install script $name (not the current $CURRENT) is recorded in $LIST"
done
shopt -u nullglob
# The release commit itself records the current version (MAINTAINING.md):
# from the next commit on, default_version names the next version.
if [ -n "${want[pg_perfbudget--$CURRENT.sql]:-}" ]; then
	echo "# the current version $CURRENT is released and frozen: open the next version before changing extension/parts/"
fi

# each released version updates to the current one: follow the upgrade scripts
reaches() { # reaches FROM: is there a chain FROM -> ... -> CURRENT?
	local from=$1 seen=" " frontier=("$1") next v s
	while ((${#frontier[@]})); do
		next=()
		for v in "${frontier[@]}"; do
			[ "$v" = "$CURRENT" ] && return 0
			for s in extension/pg_perfbudget--"$v"--*.sql; do
				[ -f "$s" ] || continue
				s=${s#extension/pg_perfbudget--"$v"--}
				s=${s%.sql}
				[[ "$seen" == *" $s "* ]] && continue
				seen+="$s "
				next+=("$s")
			done
		done
		frontier=("${next[@]}")
	done
	[ "$from" = "$CURRENT" ]
}
for name in $(printf '%s\n' "${!want[@]}" | sort); do
	v=${name#pg_perfbudget--}
	v=${v%.sql}
	reaches "$v" && rc=0 || rc=1
	ok $rc "upgrade scripts lead from released $v to $CURRENT"
done

mk=$(sed -nE 's/^EXTVERSION = (.+)$/\1/p' Makefile)
ok $([ "$mk" = "$CURRENT" ] && echo 0 || echo 1) \
	"Makefile EXTVERSION ($mk) is the control file's default_version ($CURRENT)"

if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [ -z "$(git rev-parse --is-shallow-repository 2>/dev/null | grep -x true)" ]; then
	removed=$(git log --format= -p -- "$LIST" | grep -E '^-[0-9a-f]{64} ' || true)
	ok $([ -z "$removed" ] && echo 0 || echo 1) \
		"git history: no digest line of $LIST was ever changed or removed" "$removed"
	for name in $(printf '%s\n' "${!want[@]}" | sort); do
		# the first commit whose frozen.sha256 records this digest
		since=$(git log --reverse --format=%H -S"${want[$name]}" -- "$LIST" | head -n1)
		if [ -z "$since" ]; then
			# recorded but not committed yet (a release being cut)
			ok 0 "git history: $name is not changed after its digest was recorded (not committed yet)"
			continue
		fi
		later=$(git log --format='%h %s' "$since"..HEAD -- "extension/$name")
		ok $([ -z "$later" ] && echo 0 || echo 1) \
			"git history: no commit after ${since:0:10} (digest recorded) changed $name" "$later"
	done
else
	echo "# not a full git checkout: history checks left out"
fi

# ---- frozen test data ----
DATA_LIST=test/corpus/frozen.sha256
declare -A want_data=()
while read -r digest path rest; do
	[[ -z "$digest" || "$digest" == \#* ]] && continue
	if [[ ! "$digest" =~ ^[0-9a-f]{64}$ || -z "$path" || -n "$rest" ]]; then
		ok 1 "$DATA_LIST line is '<sha256>  <path>'" "$digest $path $rest"
		continue
	fi
	want_data[$path]=$digest
done <"$DATA_LIST"
ok $([ ${#want_data[@]} -gt 0 ] && echo 0 || echo 1) "$DATA_LIST records ${#want_data[@]} frozen data file(s)"
for path in $(printf '%s\n' "${!want_data[@]}" | sort); do
	if [ -f "$path" ]; then
		have=$(sha256sum "$path" | cut -d' ' -f1)
		ok $([ "$have" = "${want_data[$path]}" ] && echo 0 || echo 1) \
			"frozen data $path is unchanged (sha256 ${want_data[$path]:0:12}…)" \
			"it now has sha256 $have: frozen data is never edited or regenerated; freeze a new file instead"
	else
		ok 1 "frozen data $path exists"
	fi
done
shopt -s nullglob
for path in test/corpus/binary-*.tsv; do
	ok $([ -n "${want_data[$path]:-}" ] && echo 0 || echo 1) \
		"corpus of stored values $path is recorded in $DATA_LIST"
done
shopt -u nullglob
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [ -z "$(git rev-parse --is-shallow-repository 2>/dev/null | grep -x true)" ]; then
	removed=$(git log --format= -p -- "$DATA_LIST" | grep -E '^-[0-9a-f]{64} ' || true)
	ok $([ -z "$removed" ] && echo 0 || echo 1) \
		"git history: no digest line of $DATA_LIST was ever changed or removed" "$removed"
	for path in $(printf '%s\n' "${!want_data[@]}" | sort); do
		since=$(git log --reverse --format=%H -S"${want_data[$path]}" -- "$DATA_LIST" | head -n1)
		if [ -z "$since" ]; then
			ok 0 "git history: $path is not changed after its digest was recorded (not committed yet)"
			continue
		fi
		later=$(git log --format='%h %s' "$since"..HEAD -- "$path")
		ok $([ -z "$later" ] && echo 0 || echo 1) \
			"git history: no commit after ${since:0:10} (digest recorded) changed $path" "$later"
	done
fi

echo "1..$T"
[ "$FAILED" -eq 0 ]
