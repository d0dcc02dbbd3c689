# Photos, QR codes, the theme and the output folder (src/assets/, src/render/,
# src/edition/, src/output/, src/model/).

photo-the = the photo { $why }
photo-jpeg-cut-short = the JPEG is cut short or damaged (it never reaches its end marker); it was probably copied incompletely: copy it again from the camera or phone
photo-cannot-decode = cannot decode photo: { $error }
photo-cannot-read = cannot read photo: { $error }
photo-changed = the photo changed while the site was being built
photo-cannot-cache = cannot write to the photo cache: { $error }
photo-cannot-write = cannot write photo { $file }: { $error }
photo-cannot-resize = cannot resize photo: { $error }
photo-cannot-encode = cannot encode { $format }: { $error }
photo-cannot-convert-profile = cannot convert the colour profile: { $error }
qr-cannot-make = cannot make a QR code of { $url }: { $error }
qr-cannot-encode = cannot encode the QR code: { $error }
static-cannot-copy = cannot copy static file: { $error }

theme-tr-too-early = `tr` is called before the edition's strings are registered
theme-template-missing = template is missing: every theme needs one template per kind of page
theme-no-static-file = the theme has no static file `{ $path }`
theme-tr-no-key = `{ $tr }` needs the key of its text: `{ $tr }(key="…", …)`
strings-unknown-key = unknown key `{ $key }`: { $file } has no such key
strings-unfilled = `{ $key }` has the placeholder `{"{"}{ $placeholder }{"}"}` that no argument fills: add `{ $placeholder }=…`
strings-extra-argument = argument `{ $name }` fills nothing: `{ $key }` has no placeholder `{"{"}{ $name }{"}"}` (it has { $placeholders })
strings-no-placeholders = none
strings-missing-own-key = missing key `{ $key }`: ocop itself reads it
strings-missing-key = missing key `{ $key }`: every strings file needs the keys of { $reference }
strings-unknown-placeholder = `{ $key }` has the placeholder { $unknown } that { $file } does not have (it has { $placeholders }), so nothing would fill it

output-holds-sources = output folder { $output } contains the site's sources
output-is-a-project = output folder { $output } looks like a project, not a built site
coverage = { $lang }: translated { $products } products ({ $complete } completely), { $producers } producers, { $categories } categories, { $districts } districts and { $pages } pages
coverage-of = { $done } of { $all }
link-no-file = `{ $link }` leads to no file of the site
link-no-anchor = `{ $link }` points at `#{ $id }`, which { $file } does not have
link-outside = `{ $link }` is outside the site's path { $base }
