//! OCOP certificates and whether they are still in force on the build date.

use chrono::{Months, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CertificateStatus {
    Valid,
    /// Still valid, but expires within the warning window: time to re-evaluate.
    Expiring,
    Expired,
}

impl CertificateStatus {
    /// In the order the search page lists them.
    pub const ALL: [CertificateStatus; 3] = [
        CertificateStatus::Valid,
        CertificateStatus::Expiring,
        CertificateStatus::Expired,
    ];

    /// Whether a product with this status appears in listings, counts and search.
    /// Expired products keep their page so that printed QR codes still resolve.
    pub fn is_listed(self) -> bool {
        self != CertificateStatus::Expired
    }

    pub fn id(self) -> &'static str {
        match self {
            CertificateStatus::Valid => "valid",
            CertificateStatus::Expiring => "expiring",
            CertificateStatus::Expired => "expired",
        }
    }

    /// The status in Vietnamese, the records' language, for tools such as the Hugo
    /// comparison site. The site's pages take theirs from the theme's strings.
    pub fn label(self) -> &'static str {
        match self {
            CertificateStatus::Valid => "Còn hiệu lực",
            CertificateStatus::Expiring => "Sắp hết hạn",
            CertificateStatus::Expired => "Đã hết hạn",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    pub decision: String,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub date: NaiveDate,
    /// The last day on which the certificate is in force.
    pub expires: NaiveDate,
    /// The evaluation's score out of 100, when the record gives it.
    pub score: Option<u8>,
}

/// The scores out of 100 that give each star level under Decision 148/QĐ-TTg (2023),
/// lowest and highest: 5★ 90–100, 4★ 70–89, 3★ 50–69, 2★ 30–49, 1★ below 30.
pub fn score_band(stars: u8) -> Option<(u8, u8)> {
    match stars {
        5 => Some((90, 100)),
        4 => Some((70, 89)),
        3 => Some((50, 69)),
        2 => Some((30, 49)),
        1 => Some((0, 29)),
        _ => None,
    }
}

impl Certificate {
    /// The default expiry: the decision date plus the validity period (36 months
    /// under Decision 148/QĐ-TTg).
    pub fn default_expiry(date: NaiveDate, validity_months: u32) -> Option<NaiveDate> {
        date.checked_add_months(Months::new(validity_months))
    }

    pub fn status(&self, today: NaiveDate, warning_months: u32) -> CertificateStatus {
        if today > self.expires {
            CertificateStatus::Expired
        } else if today
            .checked_add_months(Months::new(warning_months))
            .is_none_or(|horizon| self.expires <= horizon)
        {
            CertificateStatus::Expiring
        } else {
            CertificateStatus::Valid
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn certificate(expires: &str) -> Certificate {
        Certificate {
            decision: "1/QĐ-UBND".into(),
            number: None,
            issuer: None,
            date: date("2020-01-01"),
            expires: date(expires),
            score: None,
        }
    }

    #[test]
    fn expiry_defaults_to_thirty_six_months() {
        assert_eq!(
            Certificate::default_expiry(date("2023-02-20"), 36),
            Some(date("2026-02-20"))
        );
        // A month-end date clamps rather than overflowing into March.
        assert_eq!(
            Certificate::default_expiry(date("2024-01-31"), 1),
            Some(date("2024-02-29"))
        );
    }

    #[test]
    fn score_bands_cover_every_score_once() {
        for score in 0..=100u8 {
            let stars: Vec<u8> = (1..=5)
                .filter(|&s| score_band(s).is_some_and(|(lo, hi)| lo <= score && score <= hi))
                .collect();
            assert_eq!(stars.len(), 1, "{score} points give {stars:?}");
        }
        assert_eq!(score_band(3), Some((50, 69)));
        assert_eq!(score_band(4), Some((70, 89)));
        assert_eq!(score_band(5), Some((90, 100)));
        assert_eq!(score_band(6), None);
    }

    #[test]
    fn status_follows_the_build_date() {
        let today = date("2026-06-01");
        assert_eq!(
            certificate("2026-05-31").status(today, 6),
            CertificateStatus::Expired
        );
        assert_eq!(
            certificate("2026-06-01").status(today, 6),
            CertificateStatus::Expiring
        );
        assert_eq!(
            certificate("2026-12-01").status(today, 6),
            CertificateStatus::Expiring
        );
        assert_eq!(
            certificate("2026-12-02").status(today, 6),
            CertificateStatus::Valid
        );
    }
}
