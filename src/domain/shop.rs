//! Marketplaces where products are sold, and the links to them.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Platform {
    pub id: String,
    pub name: String,
    /// Hosts a product link may point at; subdomains of these count too.
    pub hosts: Vec<String>,
}

/// A product's link to one marketplace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shop {
    pub platform: String,
    pub url: String,
}

/// The marketplaces every site knows without configuration.
///
/// `website` is the producer's own shop: any https host is accepted for it.
pub fn builtin_platforms() -> Vec<Platform> {
    let platform = |id: &str, name: &str, hosts: &[&str]| Platform {
        id: id.into(),
        name: name.into(),
        hosts: hosts.iter().map(|h| (*h).into()).collect(),
    };
    vec![
        platform("shopee", "Shopee", &["shopee.vn", "shp.ee"]), // and s.shopee.vn
        platform("lazada", "Lazada", &["lazada.vn"]),           // and s.lazada.vn, a subdomain
        platform("tiki", "Tiki", &["tiki.vn"]),
        platform("sendo", "Sendo", &["sendo.vn"]),
        platform("postmart", "Postmart", &["postmart.vn"]),
        platform("voso", "Voso", &["voso.vn"]),
        platform("tiktok", "TikTok Shop", &["tiktok.com"]),
        platform("website", "trang web của chủ thể", &[]),
    ]
}

impl Platform {
    /// Whether `host` is one of this platform's hosts or a subdomain of one.
    pub fn owns_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.is_empty()
            || self.hosts.iter().any(|own| {
                host == *own
                    || host
                        .strip_suffix(own.as_str())
                        .is_some_and(|prefix| prefix.ends_with('.'))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shopee() -> Platform {
        builtin_platforms()
            .into_iter()
            .find(|p| p.id == "shopee")
            .unwrap()
    }

    #[test]
    fn accepts_own_hosts_and_subdomains() {
        assert!(shopee().owns_host("shopee.vn"));
        assert!(shopee().owns_host("s.shopee.vn"));
        assert!(shopee().owns_host("shp.ee"));
    }

    #[test]
    fn refuses_look_alike_hosts() {
        assert!(!shopee().owns_host("shopee.vn.evil.example"));
        assert!(!shopee().owns_host("fakeshopee.vn"));
        assert!(!shopee().owns_host("lazada.vn"));
    }
}
