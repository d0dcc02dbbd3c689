# Các quy tắc của nội dung (src/validate/).

markdown-too-deep = Markdown lồng nhau { $depth } tầng (trích dẫn, danh sách hoặc thẻ HTML); chỉ được tối đa { $max } tầng
not-a-slug = { $what } `{ $text }` không phải là slug: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang
not-a-slug-such-as = { $what } `{ $text }` không phải là slug: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `{ $suggestion }`
date-no-such-day = ngày `{ $text }` không hợp lệ: lịch không có ngày này
date-shape = ngày `{ $text }` không hợp lệ: viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2023-02-20
unknown-reference = không có { $what } `{ $typed }`
noun-district = huyện
noun-category = nhóm sản phẩm
required-text = { $what } không được để trống
placeholder-refused = `{ $placeholder }` đánh dấu một giá trị còn phải thay: hãy thay trước khi xuất bản (`ocop check`, `ocop serve` và `ocop build --drafts` chỉ cảnh báo)
placeholder-left = `{ $placeholder }` đánh dấu một giá trị còn phải thay; nếu để vậy nó sẽ được đăng nguyên văn
expected-one-of = { $message }; các giá trị hợp lệ: { $names }

duplicate-product-slug = slug sản phẩm `{ $slug }` bị trùng: { $other } cũng đăng ở cùng địa chỉ
duplicate-news-slug = slug tin `{ $slug }` bị trùng: { $other } cũng đăng ở cùng địa chỉ
alias-of-another-product = tên cũ `{ $alias }` là slug của một sản phẩm khác
alias-taken = tên cũ `{ $alias }` đã là tên cũ của `{ $other }`
alias-not-a-slug = tên cũ `{ $alias }` phải là slug cũ của sản phẩm, ví dụ `lap-suon-cu`
alias-own-slug = tên cũ `{ $alias }` trùng với slug hiện tại của chính sản phẩm

news-slug = slug tin `{ $slug }` (tên tệp hoặc thư mục) phải là slug chữ thường không dấu, khác `trang`, ví dụ `{ $suggestion }`
news-unknown-product = không có sản phẩm `{ $slug }` trong `products`
card-unknown-product = không có sản phẩm `{ $slug }` trong thẻ sản phẩm
page-file-name = tên tệp trang `{ $name }` phải là slug chữ thường không dấu, ví dụ `{ $suggestion }.md`
page-slug-reserved = slug trang `{ $slug }` trùng với một trang có sẵn của danh mục: hãy đổi tên tệp
page-translation-orphan = `{ $slug }.en.md` là bản dịch của trang `{ $slug }.md`, nhưng trang đó không có

photo-folder-product = thư mục sản phẩm
photo-folder-news = thư mục tin
photo-escapes = ảnh `{ $file }` phải là một tệp nằm trong { $folder } (không dùng `..` hay đường dẫn tuyệt đối)
photo-missing = ảnh `{ $file }` không có trong { $folder }
photo-points-outside = ảnh `{ $file }` trỏ ra ngoài { $folder }
photo-problem = ảnh `{ $file }` { $why }
photo-small = ảnh `{ $file }` chỉ rộng { $width } px nên sẽ bị mờ; hãy dùng ảnh rộng ít nhất { $min } px (tốt nhất 1600 px)
photo-alt-empty = alt phải mô tả ảnh cho người không nhìn thấy được
photo-same-name = hai ảnh sẽ cùng được đăng với tên `{ $name }`: hãy đổi tên một ảnh

producer-file-name = tên tệp `{ $name }` phải là slug chữ thường không dấu, ví dụ `{ $suggestion }.yaml`
producer-file-name-reserved = tên tệp `{ $name }` trùng với một trang có sẵn của danh bạ chủ thể: hãy đổi tên tệp
producer-unknown-type = không có loại chủ thể `{ $kind }`
producer-website = website { $why }

product-folder-name = tên thư mục sản phẩm phải có chữ cái hoặc chữ số
product-stars = stars phải là 3, 4 hoặc 5: chỉ sản phẩm từ 3★ đến 5★ mới được chứng nhận OCOP (đang ghi { $stars })
product-unknown-subcategory = không có phân nhóm `{ $typed }` trong nhóm `{ $category }`
product-unknown-producer = không có chủ thể `{ $id }`
product-summary-long = summary dài { $length } ký tự; hãy giữ trong { $max } ký tự
product-price-range = giá max thấp hơn giá min
certificate-in-future = ngày chứng nhận { $issued } sau ngày hôm nay ({ $today })
certificate-expires-first = chứng nhận hết hạn trước ngày được cấp
history-stars = stars phải từ 1 đến 5
shop-unknown-platform = không có sàn bán hàng `{ $platform }`
shop-url = địa chỉ gian hàng { $why }

# Mỗi câu đứng sau tên trường: "địa chỉ gian hàng ", "website ".
url-invalid = `{ $raw }` không phải địa chỉ hợp lệ: { $error }
url-not-https = phải bắt đầu bằng https:// (đang ghi `{ $raw }`)
url-user-name = không được chứa tên người dùng (`{ $raw }`)
url-foreign-host = có tên miền `{ $host }` không thuộc { $platform } (cần { $hosts })

site-at-least-one = { $field } phải từ 1 trở lên
site-platform-id = mã sàn `{ $id }` phải là slug chữ thường, ví dụ `my-shop`
site-editor-backend = `editor.backend` `{ $backend }` không phải dịch vụ Git mà trình sửa nội dung lưu vào được: dùng github, gitlab hoặc gitea
site-editor-repo = `editor.repo` `{ $repo }` phải ghi kho theo dạng chủ/tên, ví dụ `so-cong-thuong/ocop-cao-bang`
site-editor-branch = `editor.branch` phải ghi tên một nhánh, ví dụ `main`
site-editor-base-url = `editor.base_url` `{ $url }` phải là địa chỉ https, ví dụ `https://git.example.gov.vn/`
site-language-twice = ngôn ngữ `{ $code }` được ghi hai lần
site-language-first = ngôn ngữ đầu tiên phải là `vi`, ngôn ngữ viết hồ sơ
site-language-unknown = chưa hỗ trợ ngôn ngữ `{ $code }`
site-supported = { $message }; hỗ trợ: { $codes }
base-url-invalid = base_url `{ $raw }` không hợp lệ: { $error }
base-url-scheme = base_url phải là địa chỉ http(s), ví dụ https://example.org/ (đang ghi `{ $raw }`)
taxonomy-id = mã `{ $id }` phải là slug chữ thường không dấu, ví dụ `hoa-an`
taxonomy-duplicate-id = mã `{ $id }` bị trùng

history-out-of-order = lịch sử không theo thứ tự: { $date } ghi sau { $previous }; hãy ghi các lần đánh giá từ cũ đến mới
history-same-day = có hai quyết định cùng ngày { $date }: mỗi sản phẩm chỉ có tối đa một quyết định trong một ngày
certificate-older-than-history = ngày chứng nhận { $date } sớm hơn quyết định mới nhất trong lịch sử ({ $latest }): chứng nhận hiện tại phải là quyết định mới nhất
score-range = score phải từ 0 đến 100 (đang ghi { $score })
score-band = { $points } điểm không khớp với { $stars }★: theo Quyết định 148/2023/QĐ-TTg, { $stars }★ là từ { $low } đến { $high } điểm
round-unknown-year = không có đợt đánh giá năm { $year }: không có quyết định công nhận nào trong năm đó (các năm có: { $years })
