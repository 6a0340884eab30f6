#!/bin/sh
# Make SERIES/tree (or DEST), a git tree with two branches:
#   series  the series' primary target with the series (after the one it
#           goes after) applied as commits (scripts/apply.sh), for
#           editing; scripts/export.sh writes it back. Its commits carry
#           the repository's project identity.
#   send    the same commits for sending: the sender (git's user.name and
#           user.email) as author, committer and only Signed-off-by.
# With KSRC a git clone, DEST is a `git clone --shared` of it (KSRC is not
# written) with branch send only, at KSRC's HEAD: the series is taken by
# cherry-pick (it follows mainline's 7.3 move), so the mails' base-commit
# is the clone's. A series with SERIES/b4-cover is sent with b4: both
# branches start with b4 prep's cover commit (its message: b4-cover),
# committed by the sender as b4 0.14.1 and later want it.
# usage: tree.sh [SERIES [DEST]]   (default: the top-level series)
set -eu
. "$(dirname "$0")/lib.sh"
lock_cache
s=${1:-.}
is_series "$s"
dest=${2:-$(sdir "$s")/tree}
t=$(primary "$s")
cover=$(sdir "$s")/b4-cover
if [ -n "${KSRC:-}" ]; then
	who=$(sender)
	git -C "$KSRC" rev-parse -q --verify 'HEAD^{commit}' >/dev/null ||
		die "KSRC=$KSRC is not a git clone with a commit checked out (the branch send starts at its HEAD)"
	[ ! -e "$dest" ] || die "$dest exists; remove it to start over"
else
	who=$(sender 2>/dev/null) || who=
	if [ -d "$dest/.git" ]; then
		say "$dest exists (on $(git -C "$dest" rev-parse --abbrev-ref HEAD)); remove it to start over"
		exit 0
	fi
fi
"$REPO/scripts/deps.sh"
"$REPO/scripts/fetch.sh" "$t"
from=$(from_of "$s")
# pick SRC COMMIT: cherry-pick COMMIT of the repository SRC onto dest's
# HEAD, with the sender as committer; nothing when dest has it already.
pick() {
	_subj=$(git -C "$1" log -1 --format=%s "$2")
	_out=$(git -C "$dest" -c user.name="${AEN_SENDER_NAME:-aen}" -c user.email="${AEN_SENDER_EMAIL:-aen@invalid}" \
		cherry-pick "$2" 2>&1) && return 0
	_f=$(git -C "$dest" diff --name-only --diff-filter=U | head -n 1)
	git -C "$dest" cherry-pick --abort 2>/dev/null || true
	if printf '%s\n' "$_out" | grep -q 'cherry-pick is now empty\|nothing to commit'; then
		say "\"$_subj\" is in the tree already: nothing to take"
		return 1
	fi
	die "git cherry-pick of \"$_subj\" conflicts at ${_f:-an unknown file}${KSRC:+ on $KSRC's HEAD}"
}
if [ -n "${KSRC:-}" ]; then
	"$REPO/scripts/apply.sh" "$t" >/dev/null
	src=$(tree_of "$t")
	git clone -q --shared "$KSRC" "$dest"
	echo "$src/.git/objects" >>"$dest/.git/objects/info/alternates"
	git -C "$dest" checkout -q -b send
	# what the series goes after, as it is (it is not sent)
	for p in $(git -C "$src" rev-list --reverse "$from" ^base); do pick "$src" "$p" || true; done
else
	"$REPO/scripts/apply.sh" "$t" "$dest" "$s"
	rm -f "$dest/.git/aen-applied"
	src=$dest
	if [ -f "$cover" ]; then
		# (committed by the sender; with none, the project's identity)
		set -- "$(git -C "$dest" log -1 --format='%an%x09%ae' series)"
		[ -z "$who" ] || set -- "$AEN_SENDER_NAME	$AEN_SENDER_EMAIL"
		git -C "$dest" checkout -q --detach "$from"
		git -C "$dest" -c user.name="${1%	*}" -c user.email="${1#*	}" commit -q --allow-empty -F "$cover"
		git -C "$dest" -c user.name="${1%	*}" -c user.email="${1#*	}" rebase -q --onto HEAD "$from" series
		say "$dest: branch series enrolled with b4 prep (change-id $(change_id "$cover"))"
	fi
	git -C "$dest" checkout -q -B send "$from"
fi

# Branch send: b4's cover commit, then each commit of the series as the
# sender's (not cherry-pick -x: this is the posting itself).
n=0
if [ -n "$who" ]; then
	[ ! -f "$cover" ] || git -C "$dest" -c user.name="$AEN_SENDER_NAME" -c user.email="$AEN_SENDER_EMAIL" \
		commit -q --allow-empty -F "$cover"
	for p in $(git -C "$src" rev-list --reverse "$(tip_of "$s")" "^$from"); do
		pick "$src" "$p" || continue
		git -C "$src" log -1 --format=%B "$p" | sendable |
			git -C "$dest" -c user.name="$AEN_SENDER_NAME" -c user.email="$AEN_SENDER_EMAIL" \
				commit -q --amend --reset-author -F -
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || die "$(label "$s"): nothing to send on ${KSRC:-$dest}: every commit is there already"
	say "$dest: branch send, $n commits by $who${KSRC:+ on $KSRC's HEAD}: send from it ($( [ -f "$cover" ] && echo 'b4 send' || echo 'git format-patch, git send-email'))"
fi
[ -z "${KSRC:-}" ] || exit 0
git -C "$dest" checkout -q series
[ "$n" -gt 0 ] || git -C "$dest" branch -q -D send
[ -n "$who" ] || say "no branch send: $(sender 2>&1 | sed 's/^[^:]*: //')"
say "$dest: edit, commit on branch series, then make export SERIES=$s"
