//! Links to marketplaces: the platform must be known, the link https and on the
//! platform's own host, so that a typo or a look-alike host never reaches the site.

use crate::t;
use url::Url;

use crate::domain::{Platform, Shop};

/// Query parameters that only track who shared a link; they are dropped so that the
/// stored links are clean and comparable.
fn is_tracking_parameter(name: &str) -> bool {
    matches!(name, "spm" | "src" | "fbclid" | "gclid")
        || name.starts_with("source_")
        || name.starts_with("utm_")
}

/// The cleaned link, or why it cannot be used. The reason reads after the name of
/// the field, e.g. "shop URL " + "must start with https://".
pub fn check_url(platform: &Platform, raw: &str) -> Result<Shop, String> {
    let mut url = Url::parse(raw.trim())
        .map_err(|error| t!("url-invalid", raw = raw, error = error.to_string()))?;
    if url.scheme() != "https" {
        return Err(t!("url-not-https", raw = raw));
    }
    let host = url.host_str().unwrap_or_default().to_owned();
    if !url.username().is_empty() || url.password().is_some() {
        return Err(t!("url-user-name", raw = raw));
    }
    if !platform.owns_host(&host) {
        return Err(t!(
            "url-foreign-host",
            host = &host,
            platform = &platform.name,
            hosts = platform.hosts.join(", ")
        ));
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(name, _)| !is_tracking_parameter(name))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Ok(Shop {
        platform: platform.id.clone(),
        url: url.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::shop::builtin_platforms;

    fn platform(id: &str) -> Platform {
        builtin_platforms()
            .into_iter()
            .find(|p| p.id == id)
            .unwrap()
    }

    #[test]
    fn keeps_good_links_and_strips_tracking() {
        let shop = check_url(
            &platform("shopee"),
            "https://shopee.vn/product/1/2?spm=abc&x=1",
        )
        .unwrap();
        assert_eq!(shop.url, "https://shopee.vn/product/1/2?x=1");
        let shop = check_url(
            &platform("tiki"),
            "https://tiki.vn/a-p1.html?utm_source=zalo",
        )
        .unwrap();
        assert_eq!(shop.url, "https://tiki.vn/a-p1.html");
    }

    #[test]
    fn refuses_plain_http_and_foreign_hosts() {
        let http = check_url(&platform("shopee"), "http://shopee.vn/product/1/2").unwrap_err();
        assert!(http.contains("https://"), "{http}");
        let lookalike =
            check_url(&platform("shopee"), "https://shopee.vn.evil.example/x").unwrap_err();
        assert!(
            lookalike.contains("does not belong to Shopee"),
            "{lookalike}"
        );
        assert!(check_url(&platform("shopee"), "javascript:alert(1)").is_err());
    }

    #[test]
    fn accepts_any_https_host_for_the_producers_own_website() {
        assert!(check_url(&platform("website"), "https://example.com/shop").is_ok());
        assert!(check_url(&platform("website"), "http://example.com/shop").is_err());
    }
}
