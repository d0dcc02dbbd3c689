# Lời dùng chung cho mọi báo cáo: gợi ý, số đếm và dòng gộp cảnh báo lặp lại.

did-you-mean = { $message } (có phải ý bạn là `{ $candidate }`?)
warnings-count = { $count } cảnh báo
warnings-more-like = warning: còn { $more } cảnh báo giống "{ $kind }" (tất cả { $count }; `ocop check --verbose` in ra từng cái)
