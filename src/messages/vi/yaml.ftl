# Lỗi serde_yaml báo về một tệp YAML, viết lại cho dễ hiểu (src/content/yaml.rs).

yaml-at-field = { $field }: { $message }
yaml-missing-field = thiếu khóa `{ $field }`
yaml-duplicate-field = khóa `{ $field }` được viết hai lần; chỉ giữ một
yaml-unknown-field = không có khóa `{ $field }`
yaml-unknown-field-expected = { $count ->
    [0] không có khóa `{ $field }`; mục này không có khóa nào
   *[other] không có khóa `{ $field }`; các khóa hợp lệ: { $names }
}
yaml-unknown-value = không có giá trị `{ $value }`; các giá trị hợp lệ: { $names }
yaml-invalid-type = sai kiểu: gặp { $found }, cần { $expected }{ $hint }
yaml-invalid-value = giá trị không hợp lệ: gặp { $found }, cần { $expected }
yaml-found-boolean = giá trị đúng/sai { $value }
yaml-found-integer = số nguyên { $value }
yaml-found-decimal = số thập phân { $value }
yaml-found-text = văn bản { $value }
yaml-found-list = một danh sách
yaml-found-mapping = một nhóm khóa
yaml-found-nothing = giá trị trống
yaml-found-tag = một thẻ YAML
yaml-expected-whole-number-to = một số nguyên từ 0 đến { $max }
yaml-expected-whole-number = một số nguyên, từ 0 trở lên
yaml-expected-integer = một số nguyên
yaml-expected-number = một số
yaml-expected-text = một đoạn văn bản
yaml-expected-list = một danh sách
yaml-expected-boolean = true hoặc false
yaml-expected-mapping = các khóa có giá trị (những dòng `khóa: giá trị`)
yaml-hint-without-quotes = , viết không có dấu ngoặc kép
yaml-hint-without-dot = , viết không có dấu chấm hay dấu phẩy
yaml-tab = có ký tự tab: YAML chỉ thụt lề bằng dấu cách, hãy thay tab bằng dấu cách
yaml-syntax-colon = dòng này có `: ` thứ hai: hãy đặt văn bản chứa `: ` trong dấu ngoặc kép
yaml-syntax-indent = dòng này không thụt lề như các khóa xung quanh: kiểm tra các dấu cách ở đầu dòng
yaml-syntax-list = một mục danh sách `- ` không thụt lề như các mục xung quanh
yaml-syntax-unclosed = tệp kết thúc khi dấu ngoặc kép hoặc ngoặc vuông chưa đóng: hãy đóng lại
yaml-syntax-escape = sau `\` trong dấu ngoặc kép là ký tự không hợp lệ: viết `\\` cho dấu gạch chéo ngược, hoặc dùng dấu nháy đơn
yaml-syntax-control = có ký tự điều khiển (không nhìn thấy, thường dán từ chương trình khác): hãy xóa nó
yaml-syntax = tệp không phải YAML hợp lệ: { $detail }
