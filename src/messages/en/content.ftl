# Reading the content files (src/content/).

load-no-content-folder = no content folder here: run `ocop` from the site's root, or pass `--root DIR`
load-product-folder-empty = product folder has no product.yaml
load-news-folder-empty = news folder has no index.md
load-file-missing = file is missing
load-link-outside = is outside content/, reached through a link: copy the file into content/ instead of linking to it
load-cannot-read = cannot read file: { $error }
load-file-too-large = file is { $megabytes } MB, more than the 1 MB a content file may hold, and passes the limit on this line (was a photo or a whole document pasted in?)
load-utf16 = file is saved as UTF-16 ("Unicode" in Notepad): save it as UTF-8
load-not-utf8 = file is not valid UTF-8: save it as UTF-8
load-page-front-matter = page must start with front matter: a `---` line, `title: …`, and another `---` line
load-news-front-matter = news item must start with front matter: a `---` line, `title: …`, and another `---` line
embed-shape = write a product card on its own line as {"{{"} product(slug="lap-suon-hoa-an") {"}}"}

# Photos; each follows "photo `name` ".
photo-unreadable = cannot be read: { $error }
photo-too-many-pixels = is { $width }×{ $height } pixels, more than the limit of 100 megapixels; no camera takes such photos, so the file is probably damaged or malicious
photo-empty = is empty (0 pixels)
photo-heic = is a HEIC/HEIF photo (the iPhone's default format), which browsers cannot show everywhere; only JPEG, PNG and WebP are supported. Convert it to JPEG first, e.g. `heif-convert "{ $name }" "{ $stem }.jpg"` (package libheif-examples), or set the iPhone's Settings → Camera → Formats to Most Compatible
photo-avif = is an AVIF image, which browsers cannot show everywhere; only JPEG, PNG and WebP are supported. Convert it to JPEG first, e.g. `heif-convert "{ $name }" "{ $stem }.jpg"` (package libheif-examples)
photo-other-format = is a { $format } image; only JPEG, PNG and WebP are supported. Convert it to JPEG first, e.g. with ImageMagick: `convert "{ $name }" "{ $stem }.jpg"`
photo-not-an-image = is not an image: it does not start like a JPEG, PNG or WebP file (is it a renamed document, or was it cut short while copying?)

# The theme (src/content/theme_files.rs).
theme-not-found = theme `{ $name }` not found: there is no { $folder } (the built-in theme is `{ $built_in }`)
theme-cannot-read = cannot read theme file: { $error }

# Writing content files (ocop new, init, import).
write-cannot-create-folder = cannot create the folder for { $file }: { $error }
write-cannot-replace = cannot replace { $file }: { $error }
write-exists = { $file } already exists; it was left as it was
write-cannot-create = cannot create { $file }: { $error }
write-cannot-write = cannot write { $file }: { $error }

# `ocop new` and `ocop init` (src/scaffold/).
new-producer-first = { $message }; create it first with `ocop new producer { $id }`
new-no-category = content/categories.yaml lists no category: add the categories first
new-no-district = content/districts.yaml lists no district: add the districts first
init-unknown-language = unknown language `{ $code }`: use { $codes }, such as `vi,en`
init-first-language = the first language must be `vi`, the language the records are written in, such as `vi,en`
init-province-empty = --province is empty: give the province's name, such as `--province "Hà Giang"`
embed-round-shape = write a year's round on its own line as {"{{"} round(year=2023) {"}}"}
