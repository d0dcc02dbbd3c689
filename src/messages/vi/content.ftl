# Đọc các tệp nội dung (src/content/).

load-no-content-folder = không có thư mục content ở đây: hãy chạy `ocop` từ thư mục gốc của trang, hoặc thêm `--root THƯ_MỤC`
load-product-folder-empty = thư mục sản phẩm không có tệp product.yaml
load-news-folder-empty = thư mục tin không có tệp index.md
load-file-missing = thiếu tệp này
load-link-outside = nằm ngoài content/, được trỏ tới qua một liên kết: hãy chép tệp vào content/ thay vì liên kết tới nó
load-cannot-read = không đọc được tệp: { $error }
load-file-too-large = tệp nặng { $megabytes } MB, quá giới hạn 1 MB của một tệp nội dung, và vượt giới hạn ở dòng này (có phải đã dán cả một ảnh hay một văn bản vào?)
load-utf16 = tệp được lưu dạng UTF-16 ("Unicode" trong Notepad): hãy lưu lại dạng UTF-8
load-not-utf8 = tệp không phải UTF-8 hợp lệ: hãy lưu lại dạng UTF-8
load-page-front-matter = trang phải bắt đầu bằng phần đầu (front matter): một dòng `---`, `title: …`, rồi một dòng `---` nữa
load-news-front-matter = tin phải bắt đầu bằng phần đầu (front matter): một dòng `---`, `title: …`, rồi một dòng `---` nữa
embed-shape = hãy viết thẻ sản phẩm trên một dòng riêng, dạng {"{{"} product(slug="lap-suon-hoa-an") {"}}"}

# Ảnh; mỗi câu đứng sau "ảnh `tên` ".
photo-unreadable = không đọc được: { $error }
photo-too-many-pixels = có { $width }×{ $height } điểm ảnh, quá giới hạn 100 megapixel; không máy ảnh nào chụp ảnh như vậy, nên tệp có lẽ bị hỏng hoặc độc hại
photo-empty = trống (0 điểm ảnh)
photo-heic = là ảnh HEIC/HEIF (định dạng mặc định của iPhone), không phải trình duyệt nào cũng hiển thị được; chỉ nhận JPEG, PNG và WebP. Hãy chuyển sang JPEG trước, ví dụ `heif-convert "{ $name }" "{ $stem }.jpg"` (gói libheif-examples), hoặc đặt trong iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất
photo-avif = là ảnh AVIF, không phải trình duyệt nào cũng hiển thị được; chỉ nhận JPEG, PNG và WebP. Hãy chuyển sang JPEG trước, ví dụ `heif-convert "{ $name }" "{ $stem }.jpg"` (gói libheif-examples)
photo-other-format = là ảnh { $format }; chỉ nhận JPEG, PNG và WebP. Hãy chuyển sang JPEG trước, ví dụ bằng ImageMagick: `convert "{ $name }" "{ $stem }.jpg"`
photo-not-an-image = không phải là ảnh: phần đầu tệp không giống JPEG, PNG hay WebP (có phải là văn bản bị đổi tên, hoặc bị cắt dở khi chép?)

# Giao diện (src/content/theme_files.rs).
theme-not-found = không tìm thấy giao diện `{ $name }`: không có { $folder } (giao diện có sẵn là `{ $built_in }`)
theme-cannot-read = không đọc được tệp giao diện: { $error }

# Ghi tệp nội dung (ocop new, init, import).
write-cannot-create-folder = không tạo được thư mục cho { $file }: { $error }
write-cannot-replace = không thay được { $file }: { $error }
write-exists = { $file } đã có; tệp được giữ nguyên
write-cannot-create = không tạo được { $file }: { $error }
write-cannot-write = không ghi được { $file }: { $error }

# `ocop new` và `ocop init` (src/scaffold/).
new-producer-first = { $message }; hãy tạo chủ thể trước bằng `ocop new producer { $id }`
new-no-category = content/categories.yaml chưa có nhóm sản phẩm nào: hãy thêm các nhóm trước
new-no-district = content/districts.yaml chưa có huyện nào: hãy thêm các huyện trước
init-unknown-language = không có ngôn ngữ `{ $code }`: dùng { $codes }, ví dụ `vi,en`
init-first-language = ngôn ngữ đầu tiên phải là `vi`, ngôn ngữ viết hồ sơ, ví dụ `vi,en`
init-province-empty = --province đang trống: hãy ghi tên tỉnh, ví dụ `--province "Hà Giang"`
embed-round-shape = hãy viết số liệu một năm trên một dòng riêng, dạng {"{{"} round(year=2023) {"}}"}
