# The content contract's rules (src/validate/).

markdown-too-deep = Markdown nested { $depth } levels deep (quotes, lists or HTML elements); at most { $max } are allowed
not-a-slug = { $what } `{ $text }` is not a slug: use lowercase ASCII letters, digits and hyphens
not-a-slug-such-as = { $what } `{ $text }` is not a slug: use lowercase ASCII letters, digits and hyphens, such as `{ $suggestion }`
date-no-such-day = invalid date `{ $text }`: no such day in the calendar
date-shape = invalid date `{ $text }`: write dates as YYYY-MM-DD, for example 2023-02-20
unknown-reference = unknown { $what } `{ $typed }`
noun-district = district
noun-category = category
required-text = { $what } must not be empty
placeholder-refused = `{ $placeholder }` marks a value still to be replaced: replace it before publishing (`ocop check`, `ocop serve` and `ocop build --drafts` only warn)
placeholder-left = `{ $placeholder }` marks a value still to be replaced; it would be published as it is
expected-one-of = { $message }; expected one of { $names }

duplicate-product-slug = duplicate product slug `{ $slug }`: { $other } publishes to the same address
duplicate-news-slug = duplicate news slug `{ $slug }`: { $other } publishes to the same address
alias-of-another-product = alias `{ $alias }` is the slug of another product
alias-taken = alias `{ $alias }` is already an alias of `{ $other }`
alias-not-a-slug = alias `{ $alias }` must be an old product slug, such as `lap-suon-cu`
alias-own-slug = alias `{ $alias }` is the product's own slug

news-slug = news slug `{ $slug }` (the file or folder name) must be a lowercase ASCII slug other than `trang`, such as `{ $suggestion }`
news-unknown-product = unknown product `{ $slug }` in `products`
card-unknown-product = unknown product `{ $slug }` in a product card
page-file-name = page file name `{ $name }` must be a lowercase ASCII slug, such as `{ $suggestion }.md`
page-slug-reserved = page slug `{ $slug }` is taken by the catalogue's own pages: rename the file
page-translation-orphan = `{ $slug }.en.md` translates a page `{ $slug }.md` that does not exist

photo-folder-product = the product's folder
photo-folder-news = the news item's folder
photo-escapes = photo `{ $file }` must be a file inside { $folder } (no `..` or absolute paths)
photo-missing = photo `{ $file }` does not exist in { $folder }
photo-points-outside = photo `{ $file }` points outside { $folder }
photo-problem = photo `{ $file }` { $why }
photo-small = photo `{ $file }` is only { $width } px wide and will look blurry; use one at least { $min } px wide (1600 px is best)
photo-alt-empty = alt must describe the photo for people who cannot see it
photo-same-name = two photos would both be published as `{ $name }`: rename one

producer-file-name = file name `{ $name }` must be a lowercase ASCII slug, such as `{ $suggestion }.yaml`
producer-file-name-reserved = file name `{ $name }` is taken by the producer directory's own pages: rename the file
producer-unknown-type = unknown producer type `{ $kind }`
producer-website = website { $why }

product-folder-name = the product folder's name must contain letters or digits
product-stars = stars must be 3, 4 or 5: only 3★ to 5★ products are OCOP-certified (got { $stars })
product-unknown-subcategory = unknown subcategory `{ $typed }` in category `{ $category }`
product-unknown-producer = unknown producer `{ $id }`
product-summary-long = summary is { $length } characters; keep it to { $max } or fewer
product-price-range = price max is lower than min
certificate-in-future = certificate date { $issued } is after today ({ $today })
certificate-expires-first = certificate expires before it was issued
history-stars = stars must be from 1 to 5
shop-unknown-platform = unknown shop platform `{ $platform }`
shop-url = shop URL { $why }

# Each follows the field's name: "shop URL ", "website ".
url-invalid = `{ $raw }` is not a valid address: { $error }
url-not-https = must start with https:// (got `{ $raw }`)
url-user-name = must not carry a user name (`{ $raw }`)
url-foreign-host = host `{ $host }` does not belong to { $platform } (expected { $hosts })

site-at-least-one = { $field } must be at least 1
site-platform-id = platform id `{ $id }` must be a lowercase slug such as `my-shop`
site-editor-backend = `editor.backend` `{ $backend }` is not a Git host the editor can save to: use github, gitlab or gitea
site-editor-repo = `editor.repo` `{ $repo }` must name a repository as owner/name, such as `so-cong-thuong/ocop-cao-bang`
site-editor-branch = `editor.branch` must name a branch, such as `main`
site-editor-base-url = `editor.base_url` `{ $url }` must be an https address, such as `https://git.example.gov.vn/`
site-language-twice = language `{ $code }` is listed twice
site-language-first = the first language must be `vi`, the language the records are written in
site-language-unknown = unsupported language `{ $code }`
site-supported = { $message }; supported: { $codes }
base-url-invalid = invalid base_url `{ $raw }`: { $error }
base-url-scheme = base_url must be an http(s) address such as https://example.org/ (got `{ $raw }`)
taxonomy-id = id `{ $id }` must be a lowercase ASCII slug such as `hoa-an`
taxonomy-duplicate-id = duplicate id `{ $id }`

history-out-of-order = history is out of order: { $date } is listed after { $previous }; list the ratings oldest first
history-same-day = two decisions on { $date }: a product has at most one decision a day
certificate-older-than-history = certificate date { $date } is before the history's latest decision ({ $latest }): the current certificate must be the latest decision
score-range = score must be from 0 to 100 (got { $score })
score-band = score { $points } does not match { $stars }★: under Decision 148/2023/QĐ-TTg, { $stars }★ is { $low } to { $high } points
round-unknown-year = no round for { $year }: no certification decision is dated in that year (years with one: { $years })
