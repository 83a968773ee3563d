/**
 * The two scripts Gradescope runs (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * `setup.sh` once, as root, when the image is built, and `run_autograder` for each submission,
 * which must leave `/autograder/results/results.json`. `AUTOGRADER_ROOT` prefixes every
 * `/autograder` path, so the test can lay Gradescope's folders out in a temporary folder.
 */

/** `setup.sh`: Node 20, bubblewrap for the sandbox, and the course's exact dependencies. */
export function setupScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this once, as root, in /autograder/source, when it builds the autograder image.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends ca-certificates curl gnupg bubblewrap zip >/dev/null
if ! node --version 2>/dev/null | grep -q '^v2[0-9]'; then
  # Node 20 from NodeSource's signed apt repository (Gradescope's Ubuntu image ships none).
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y -qq nodejs >/dev/null
fi
npm ci --no-audit --no-fund
`;
}

/** `run_autograder`: grades the submission; any crash still leaves a valid results.json. */
export function runAutograderScript(): string {
  return `#!/usr/bin/env bash
# Gradescope runs this for each submission. AUTOGRADER_ROOT (unset on Gradescope) prefixes the
# /autograder paths so the course's own test can run it in a temporary folder.
set -uo pipefail
root="\${AUTOGRADER_ROOT:-}/autograder"
cd "$root/source" || exit 1
mkdir -p "$root/results"
rm -f "$root/results/results.json"
# No inherited Node options or npm settings reach the grading.
unset NODE_OPTIONS
node node_modules/tsx/dist/cli.mjs tools/release/gradescope/run.ts --root "$root"
status=$?
if [ ! -s "$root/results/results.json" ]; then
  printf '%s\\n' '{"score": 0, "output": "The autograder crashed before it could grade (exit status '"$status"'); your instructor has the log. This is not a grade of your work.", "visibility": "visible", "stdout_visibility": "hidden"}' > "$root/results/results.json"
fi
exit 0
`;
}
