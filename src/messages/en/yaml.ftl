# What serde_yaml reports about a YAML file, reworded (src/content/yaml.rs).

yaml-at-field = { $field }: { $message }
yaml-missing-field = missing field `{ $field }`
yaml-duplicate-field = duplicate field `{ $field }`: the key is written twice; keep one
yaml-unknown-field = unknown field `{ $field }`
yaml-unknown-field-expected = { $count ->
    [0] unknown field `{ $field }`; this mapping has no fields
    [one] unknown field `{ $field }`; expected { $names }
   *[other] unknown field `{ $field }`; expected one of { $names }
}
yaml-unknown-value = unknown value `{ $value }`; expected one of { $names }
yaml-invalid-type = invalid type: { $found }, expected { $expected }{ $hint }
yaml-invalid-value = invalid value: { $found }, expected { $expected }
yaml-found-boolean = boolean { $value }
yaml-found-integer = integer { $value }
yaml-found-decimal = floating point { $value }
yaml-found-text = string { $value }
yaml-found-list = sequence
yaml-found-mapping = map
yaml-found-nothing = an empty value
yaml-found-tag = a tag
yaml-expected-whole-number-to = a whole number from 0 to { $max }
yaml-expected-whole-number = a whole number, 0 or more
yaml-expected-integer = a whole number
yaml-expected-number = a number
yaml-expected-text = a string
yaml-expected-list = a list
yaml-expected-boolean = true or false
yaml-expected-mapping = keys with values (`key: value` lines)
yaml-hint-without-quotes = , without quotes
yaml-hint-without-dot = , without a dot or comma
yaml-tab = a tab: YAML is indented with spaces only, so replace the tab with spaces
yaml-syntax-colon = a second `: ` on this line: put text that holds `: ` in double quotes
yaml-syntax-indent = this line is not indented like the keys around it: check its spaces at the start
yaml-syntax-list = a list item `- ` is not indented like the items around it
yaml-syntax-unclosed = the file ends inside a quoted text or a list: close the quote or the bracket
yaml-syntax-escape = unknown escape after `\` in double quotes: write `\\` for a backslash, or use single quotes
yaml-syntax-control = a control character (invisible, often pasted from another program): delete it
yaml-syntax = the file is not valid YAML: { $detail }
