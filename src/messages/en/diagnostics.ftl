# Words shared by every report: hints, counts and the repeated-warnings line.

did-you-mean = { $message } (did you mean `{ $candidate }`?)
warnings-count = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
warnings-more-like = warning: { $more } more like "{ $kind }" ({ $count } in all; `ocop check --verbose` lists every one)
