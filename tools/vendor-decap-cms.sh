#!/usr/bin/env bash
# Vendor Decap CMS, the browser editor that `ocop serve` serves at /admin/ (src/editor/).
#
# Fetches the npm package `decap-cms` at exactly $VERSION with `npm pack`, refuses it
# unless its sha512 is the one pinned below (the `integrity` npm's registry reports
# for that version), and writes into vendor/decap-cms/:
#   - every file the bundle may load, from the package's dist/: decap-cms.js, the
#     chunks it loads on demand (<n>.decap-cms.js) and the two WebAssembly files, each
#     compressed with `gzip -9 -n` (no name, no time: the output depends on the input
#     only);
#   - LICENSE: the package's licence (MIT) and the bundle's notices of the code it
#     includes (dist/decap-cms.js.LICENSE.txt);
#   - VERSION, and SHA256SUMS of the files above. A unit test (src/editor/bundle.rs)
#     checks SHA256SUMS against the vendored files, so a hand edit is caught.
# The binary embeds the folder (include_dir!), so nothing is downloaded at run time.
#
# Run from anywhere: bash tools/vendor-decap-cms.sh. Needs npm, gzip, sha256sum, tar.
set -euo pipefail

VERSION=3.16.3
INTEGRITY='sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=='

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/vendor/decap-cms"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "decap-cms@$VERSION" --silent >/dev/null)
tarball="$work/decap-cms-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "decap-cms@$VERSION: integrity $actual, expected $INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"
dist="$work/package/dist"

rm -rf "$out"
mkdir -p "$out"
for file in "$dist"/decap-cms.js "$dist"/[0-9]*.decap-cms.js "$dist"/*.wasm; do
  gzip -9 -n -c "$file" >"$out/$(basename "$file").gz"
done
{
  echo "decap-cms $VERSION (https://github.com/decaporg/decap-cms): licensed under the"
  echo "MIT License, as its package.json states. The npm package ships no licence file;"
  echo "the MIT License's text, with the copyright notice of the project's repository:"
  echo
  cat <<'MIT'
Copyright (c) 2016 Netlify <decap@p-m.si>

MIT License

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
MIT
  echo
  echo "Notices of the code bundled into decap-cms.js (dist/decap-cms.js.LICENSE.txt):"
  echo
  cat "$dist/decap-cms.js.LICENSE.txt"
} >"$out/LICENSE"
echo "$VERSION" >"$out/VERSION"
(cd "$out" && LC_ALL=C ls | grep -v '^SHA256SUMS$' | xargs sha256sum >SHA256SUMS)

raw=$(cat "$dist"/decap-cms.js "$dist"/[0-9]*.decap-cms.js "$dist"/*.wasm | wc -c)
gz=$(cat "$out"/*.gz | wc -c)
echo "decap-cms $VERSION: $raw bytes, $gz gzipped, in vendor/decap-cms/"
