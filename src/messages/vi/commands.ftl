# Những gì các lệnh in ra (src/commands/, src/main.rs).

problems-found = error: tìm thấy { $count } lỗi; { $outcome }
failure = error: { $message }
outcome-not-published = chưa xuất bản gì
outcome-not-written = chưa ghi tệp nào
source-date-epoch = SOURCE_DATE_EPOCH `{ $epoch }` không phải là một số giây
no-content-folder-in = không có thư mục content trong `{ $root }`: hãy chạy `ocop` từ thư mục gốc của trang, hoặc thêm `--root THƯ_MỤC`

built = đã dựng { $pages } trang ({ $products } sản phẩm, { $photos } ảnh: { $processed } ảnh mới xử lý, { $cached } ảnh lấy từ bộ nhớ đệm) trong { $seconds } giây vào { $output }
built-updated = đã cập nhật { $rendered } trên { $pages } trang (ghi { $written } tệp) trong { $seconds } giây vào { $output }
built-precompressed = đã nén sẵn { $files } tệp văn bản: ghi { $gzip } tệp .gz và { $brotli } tệp .br, để nguyên { $skipped } tệp (quá nhỏ, hoặc nén không có lợi)
build-cannot-write = không ghi được { $file }: { $error }
build-cannot-write-data = không ghi được các tệp dữ liệu: { $error }
build-cannot-write-search = không ghi được chỉ mục tìm kiếm: { $error }
build-cannot-remember = không ghi được bản kê lần dựng trong thư mục bộ nhớ đệm: { $error }
build-cannot-stage = không tạo được thư mục dựng trang: { $error }
build-cannot-write-page = không ghi được: { $error }
build-broken-link = liên kết hỏng trong trang đã dựng: { $why }
build-cannot-compress = không ghi được các bản nén: { $error }
build-cannot-publish = không xuất bản được vào { $output }: { $error }
build-cannot-delete-previous = đã xuất bản, nhưng không xóa được bản cũ: { $error }
build-nothing-loaded = chưa đọc được nội dung nào
build-progress-photos = đang xử lý ảnh
build-progress-template = {"{"}msg{"}"} {"{"}wide_bar{"}"} {"{"}pos{"}"}/{"{"}len{"}"} (còn {"{"}eta{"}"})
timings-heading = thời gian từng bước:

lap-load = đọc nội dung
lap-validate = kiểm tra và lập chỉ mục
lap-theme = đọc giao diện
lap-render-write = dựng, thu gọn và ghi các trang
lap-minify = {"  "}trong đó thu gọn (cộng trên các luồng)
lap-photos = ảnh
lap-static = tệp tĩnh
lap-catalogue-files = sơ đồ trang, nguồn tin và dữ liệu tải về
lap-search = chỉ mục tìm kiếm
lap-links = kiểm tra liên kết
lap-precompress = nén sẵn
lap-publish = xuất bản
lap-delete-previous = xóa bản cũ
lap-prune = dọn bộ nhớ đệm ảnh
lap-render = dựng và thu gọn các trang
lap-manifest = so với lần dựng trước
lap-previous = tìm các trang thay đổi theo bản sửa
lap-write = ghi các trang

check-ok = ổn: đã kiểm tra { $products } sản phẩm, { $producers } chủ thể và { $pages } trang, { $found }
check-no-problems = không thấy vấn đề nào

serve-rebuilding = thấy có thay đổi, đang dựng lại…
serve-serving = đang phục vụ { $output } tại http://{ $address }/ và dựng lại khi có thay đổi (bấm Ctrl+C để dừng)
serve-rest-updated = chỉ mục tìm kiếm và dữ liệu tải về cũng đã cập nhật, tổng cộng { $seconds } giây
serve-last-good = bản xem trước vẫn hiện lần dựng tốt gần nhất
serve-cannot-listen = không mở được cổng { $address }: { $error }
serve-cannot-watch = không theo dõi được thay đổi: { $error }
serve-cannot-watch-dir = không theo dõi được { $dir }: { $error }
serve-rescan = lưu ý: quá nhiều thay đổi tệp cùng lúc; nếu một chỉnh sửa chưa hiện ra, hãy lưu lại lần nữa

init-in = trong `{ $dir }`: { $error }
init-is-a-file = `{ $dir }` là một tệp, không phải thư mục: hãy cho `ocop init` một thư mục mới hoặc trống
init-cannot-create = không tạo được `{ $dir }`: { $error }
init-cannot-read = không đọc được `{ $dir }`: { $error }
init-not-empty = { $more ->
    [0] `{ $dir }` không trống (có `{ $first }`): `ocop init` tạo trang trong một thư mục mới hoặc trống; thêm `--force` để ghi đè các tệp của nó lên tệp đã có (không thay đổi hay xóa gì khác)
   *[other] `{ $dir }` không trống (có `{ $first }` và { $more } mục khác): `ocop init` tạo trang trong một thư mục mới hoặc trống; thêm `--force` để ghi đè các tệp của nó lên tệp đã có (không thay đổi hay xóa gì khác)
}
init-outside = { $file } sẽ bị ghi ra ngoài `{ $dir }`
init-link = `{ $link }` là một liên kết: `ocop init` chỉ ghi bên trong `{ $dir }` nên không đi theo liên kết; hãy xóa liên kết hoặc chọn thư mục khác
init-wrote = đã ghi { $file }
init-created = đã tạo trang mới trong { $dir } ({ $count } tệp); tiếp theo:
init-next-placeholders = {"  "}thay các giá trị đánh dấu "(cần sửa)" trong content/site.yaml
init-next-serve = {"  "}ocop serve         xem trước tại http://127.0.0.1:8000/
init-next-rest = rồi đặt base_url trong content/site.yaml, liệt kê các huyện hoặc xã trong content/districts.yaml, và thêm chủ thể, sản phẩm bằng `ocop new` hoặc `ocop import`; README.md hướng dẫn cách xuất bản trang.

new-exists = { $file } đã có; `ocop new` không bao giờ ghi đè tệp: hãy sửa tệp đó, hoặc chọn tên khác
new-created-placeholders = đã tạo { $file }: hãy thay các giá trị đánh dấu "(cần sửa)", rồi chạy `ocop check`
new-created = đã tạo { $file }: hãy điền nội dung, rồi chạy `ocop check`

schema-wrote = đã ghi { $file }
schema-vscode = với tiện ích YAML của VS Code, hãy đặt đoạn này vào .vscode/settings.json:

eject-exists = { $folder } đã có; thư mục được giữ nguyên. `ocop theme eject --force` thay các tệp có trong giao diện dựng sẵn bằng bản gốc, và giữ các tệp khác của bạn
eject-done = đã chép { $files } tệp của giao diện dựng sẵn vào { $folder }: trang giờ dùng các tệp này; hãy sửa chúng, và xóa tệp nào để dùng lại bản dựng sẵn

import-created = đã tạo { $file } (dòng { $line })
import-would-create = sẽ tạo { $file } (dòng { $line })
import-replaced = đã thay { $file } (dòng { $line })
import-would-replace = sẽ thay { $file } (dòng { $line })
import-kept = giữ nguyên { $file } (dòng { $line }): tệp đã có; --force sẽ thay nó
import-dry-run = chạy thử: đã đọc { $rows } dòng; sẽ tạo { $created } tệp và thay { $replaced } tệp, giữ nguyên { $kept } tệp; chưa ghi tệp nào
import-done = đã nhập { $rows } dòng: tạo { $created } tệp, thay { $replaced } tệp, giữ nguyên { $kept } tệp
