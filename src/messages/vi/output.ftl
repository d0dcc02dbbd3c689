# Ảnh, mã QR, giao diện và thư mục xuất bản (src/assets/, src/render/,
# src/edition/, src/output/, src/model/).

photo-the = ảnh { $why }
photo-jpeg-cut-short = tệp JPEG bị cắt dở hoặc hỏng (không có dấu kết thúc); có lẽ chép chưa hết: hãy chép lại từ máy ảnh hoặc điện thoại
photo-cannot-decode = không giải mã được ảnh: { $error }
photo-cannot-read = không đọc được ảnh: { $error }
photo-changed = ảnh đã thay đổi trong lúc đang dựng trang
photo-cannot-cache = không ghi được vào bộ nhớ đệm ảnh: { $error }
photo-cannot-write = không ghi được ảnh { $file }: { $error }
photo-cannot-resize = không thu nhỏ được ảnh: { $error }
photo-cannot-encode = không mã hóa được { $format }: { $error }
photo-cannot-convert-profile = không chuyển được hồ sơ màu: { $error }
qr-cannot-make = không tạo được mã QR cho { $url }: { $error }
qr-cannot-encode = không mã hóa được mã QR: { $error }
static-cannot-copy = không chép được tệp tĩnh: { $error }

theme-tr-too-early = `tr` được gọi trước khi nạp chữ của ấn bản
theme-template-missing = thiếu mẫu trang: giao diện nào cũng cần một mẫu cho mỗi loại trang
theme-no-static-file = giao diện không có tệp tĩnh `{ $path }`
theme-tr-no-key = `{ $tr }` cần khóa của đoạn chữ: `{ $tr }(key="…", …)`
strings-unknown-key = không có khóa `{ $key }`: { $file } không có khóa này
strings-unfilled = `{ $key }` có chỗ trống `{"{"}{ $placeholder }{"}"}` mà không tham số nào điền: hãy thêm `{ $placeholder }=…`
strings-extra-argument = tham số `{ $name }` không điền vào đâu: `{ $key }` không có chỗ trống `{"{"}{ $name }{"}"}` (chỉ có { $placeholders })
strings-no-placeholders = không có
strings-missing-own-key = thiếu khóa `{ $key }`: chính ocop đọc khóa này
strings-missing-key = thiếu khóa `{ $key }`: mọi tệp chữ đều cần các khóa của { $reference }
strings-unknown-placeholder = `{ $key }` có chỗ trống { $unknown } mà { $file } không có (chỉ có { $placeholders }), nên sẽ không có gì điền vào

output-holds-sources = thư mục xuất bản { $output } chứa mã nguồn của trang
output-is-a-project = thư mục xuất bản { $output } trông như một dự án, không phải trang đã dựng
coverage = { $lang }: đã dịch { $products } sản phẩm ({ $complete } sản phẩm đầy đủ), { $producers } chủ thể, { $categories } nhóm, { $districts } huyện và { $pages } trang
coverage-of = { $done } trên { $all }
link-no-file = `{ $link }` không dẫn tới tệp nào của trang
link-no-anchor = `{ $link }` trỏ tới `#{ $id }`, nhưng { $file } không có chỗ đó
link-outside = `{ $link }` nằm ngoài đường dẫn của trang { $base }
