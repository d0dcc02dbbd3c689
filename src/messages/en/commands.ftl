# What the commands print (src/commands/, src/main.rs).

problems-found = { $count ->
    [one] error: 1 problem found; { $outcome }
   *[other] error: { $count } problems found; { $outcome }
}
failure = error: { $message }
outcome-not-published = nothing was published
outcome-not-written = nothing was written
source-date-epoch = SOURCE_DATE_EPOCH `{ $epoch }` is not a number of seconds
no-content-folder-in = no content folder in `{ $root }`: run `ocop` from the site's root, or pass `--root DIR`

built = built { $pages } pages ({ $products } products, { $photos } photos: { $processed } processed, { $cached } from cache) in { $seconds } s into { $output }
built-updated = updated { $rendered } of { $pages } pages ({ $written } files written) in { $seconds } s into { $output }
built-precompressed = precompressed { $files } text files: { $gzip } .gz and { $brotli } .br written, { $skipped } left as they are (too small, or compression did not pay)
build-cannot-write = cannot write { $file }: { $error }
build-cannot-write-data = cannot write data files: { $error }
build-cannot-write-search = cannot write the search index: { $error }
build-cannot-remember = cannot write the build manifest in the cache folder: { $error }
build-cannot-stage = cannot create a build folder: { $error }
build-cannot-write-page = cannot write: { $error }
build-broken-link = broken link in the built page: { $why }
build-cannot-compress = cannot write compressed copies: { $error }
build-cannot-publish = cannot publish to { $output }: { $error }
build-cannot-delete-previous = published, but cannot delete the previous site: { $error }
build-nothing-loaded = no content was loaded
build-progress-photos = processing photos
build-progress-template = {"{"}msg{"}"} {"{"}wide_bar{"}"} {"{"}pos{"}"}/{"{"}len{"}"} ({"{"}eta{"}"} left)
timings-heading = time per phase:

lap-load = load content
lap-validate = validate and index
lap-theme = load theme
lap-render-write = render, minify and write pages
lap-minify = {"  "}of which minify (summed over threads)
lap-photos = photos
lap-static = static files
lap-catalogue-files = sitemap, feed and data downloads
lap-search = search index
lap-links = check links
lap-precompress = precompress
lap-publish = publish
lap-delete-previous = delete the previous site
lap-prune = prune the photo cache
lap-render = render and minify pages
lap-manifest = compare with the previous build
lap-previous = find the pages the edit changed
lap-write = write pages

check-ok = ok: { $products } products, { $producers } producers and { $pages } pages checked, { $found }
check-no-problems = no problems found

serve-rebuilding = change seen, rebuilding…
serve-serving = serving { $output } at http://{ $address }/ and rebuilding on changes (press Ctrl+C to stop)
serve-rest-updated = search index and downloads updated too, in { $seconds } s in all
serve-last-good = the preview shows the last good build
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-cannot-watch = cannot watch for changes: { $error }
serve-cannot-watch-dir = cannot watch { $dir }: { $error }
serve-rescan = note: too many file events at once; if an edit does not show, save it again

init-in = in `{ $dir }`: { $error }
init-is-a-file = `{ $dir }` is a file, not a folder: give `ocop init` a new or empty folder
init-cannot-create = cannot create `{ $dir }`: { $error }
init-cannot-read = cannot read `{ $dir }`: { $error }
init-not-empty = { $more ->
    [0] `{ $dir }` is not empty (it holds `{ $first }`): `ocop init` starts a site in a new or empty folder; pass `--force` to write its files over those already there (nothing else is changed or deleted)
   *[other] `{ $dir }` is not empty (it holds `{ $first }` and { $more } more): `ocop init` starts a site in a new or empty folder; pass `--force` to write its files over those already there (nothing else is changed or deleted)
}
init-outside = { $file } would be written outside `{ $dir }`
init-link = `{ $link }` is a link: `ocop init` writes only inside `{ $dir }`, so it does not follow links; remove the link or pick another folder
init-wrote = wrote { $file }
init-created = created a new site in { $dir } ({ $count } files); next:
init-next-placeholders = {"  "}replace the values marked "(cần sửa)" in content/site.yaml
init-next-serve = {"  "}ocop serve         preview it at http://127.0.0.1:8000/
init-next-rest = then set base_url in content/site.yaml, list the districts or communes in content/districts.yaml, and add producers and products with `ocop new` or `ocop import`; README.md (in Vietnamese) says how to publish the site.

new-exists = { $file } already exists; `ocop new` never replaces a file: edit it, or pick another name
new-created-placeholders = created { $file }: replace the values marked "(cần sửa)", then run `ocop check`
new-created = created { $file }: fill it in, then run `ocop check`

schema-wrote = wrote { $file }
schema-vscode = for VS Code's YAML extension, put this in .vscode/settings.json:

eject-exists = { $folder } already exists; it was left as it was. `ocop theme eject --force` replaces the files the built-in theme has with its own, and keeps your other files
eject-done = wrote the built-in theme's { $files } files to { $folder }: the site now uses them; edit them, and delete any file to get the built-in one back

import-created = created { $file } (line { $line })
import-would-create = would create { $file } (line { $line })
import-replaced = replaced { $file } (line { $line })
import-would-replace = would replace { $file } (line { $line })
import-kept = kept { $file } (line { $line }): it exists; --force replaces it
import-dry-run = dry run: { $rows ->
    [one] 1 row
   *[other] { $rows } rows
} read; would create { $created } files and replace { $replaced }, { $kept } kept; nothing was written
import-done = imported { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}: { $created } files created, { $replaced } replaced, { $kept } kept
