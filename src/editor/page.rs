//! `/admin/index.html`: the page that loads Decap CMS. It names no other host: the
//! bundle and `config.yml` come from the same address, and Decap loads the chunks it
//! needs from beside its bundle.

use crate::domain::Lang;
use crate::messages::text_in;

/// The page, in `lang`, for the vendored Decap `version`.
pub fn index_html(lang: Lang, version: &str) -> String {
    let title = escape(&text_in(lang, "editor-index-title", &[]));
    let version = escape(version);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta name=\"generator\" content=\"ocop, Decap CMS {version}\">\n\
         <title>{title}</title>\n\
         <link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n\
         </head>\n<body>\n<script src=\"decap-cms.js\"></script>\n</body>\n</html>\n",
        lang = lang.code(),
    )
}

/// Text for an HTML text node or a quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_only_files_beside_it() {
        let html = index_html(Lang::Vi, "3.16.3");
        assert!(html.contains("<title>Sửa nội dung</title>"));
        assert!(html.contains("<script src=\"decap-cms.js\"></script>"));
        assert!(!html.contains("//"), "{html}");
    }
}
