//! Reading one cell: the forms a spreadsheet gives numbers, dates and names in, turned
//! into what the content files expect. Each returns a message fit for a row's error.
//!
//! Whether a value is allowed (a star level of 3 to 5, a known category) is left to
//! `validate`, run on the files before they are written, so the rules live in one place.

use crate::t;
use chrono::NaiveDate;

use crate::domain::ProducerType;
use crate::validate::fields::slugify;

/// A star level as a list writes it: `4`, `4 sao`, `4★`.
pub fn stars(text: &str) -> Result<u8, String> {
    let digits = text
        .trim()
        .trim_end_matches(['★', '*'])
        .trim_end_matches("sao")
        .trim();
    digits
        .parse()
        .map_err(|_| t!("import-stars-not-a-number", text = text))
}

/// An ISO date, or the day-first form Vietnamese spreadsheets use (`20/2/2023`,
/// `20-02-2023`, `20.02.2023`), as `YYYY-MM-DD`. A month-first date cannot be told
/// from a day-first one, so only the Vietnamese order is read.
pub fn date(column: &str, text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let numbers: Vec<&str> = text.split(['-', '/', '.']).collect();
    let parts: Option<Vec<u32>> = numbers.iter().map(|n| n.parse().ok()).collect();
    let found = match (parts.as_deref(), numbers.first().map(|n| n.len())) {
        (Some(&[year, month, day]), Some(4)) if text.contains('-') => {
            NaiveDate::from_ymd_opt(year as i32, month, day)
        }
        (Some(&[day, month, year]), Some(1 | 2)) if numbers[2].len() == 4 => {
            NaiveDate::from_ymd_opt(year as i32, month, day)
        }
        _ => None,
    };
    found.ok_or_else(|| t!("import-not-a-date", column = column, text = text))
}

/// An amount of đồng: `150000`, `150.000`, `150,000 đ`, `150 000 VND`.
pub fn price(column: &str, text: &str) -> Result<u64, String> {
    let lower = text.trim().to_lowercase();
    let amount = ["vnđ", "vnd", "đồng", "đ", "₫"]
        .iter()
        .fold(lower.as_str(), |t, unit| {
            t.trim_end_matches(unit).trim_end()
        });
    let digits: String = amount
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(t!("import-not-an-amount", column = column, text = text));
    }
    digits
        .parse()
        .map_err(|_| t!("import-too-large", column = column, text = text))
}

/// Tags separated by `;` or `,`.
pub fn tags(text: &str) -> Vec<String> {
    text.split([';', ','])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The id of the entry that `text` names, by id or by name (`Hòa An`, `Huyện Hòa An`
/// and `hoa-an` all name `hoa-an` when its name is "Huyện Hòa An"). When none does,
/// the slug of `text`, so that `validate` reports it with a "did you mean".
pub fn id_of<'a>(text: &str, entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let slug = slugify(text);
    entries
        .into_iter()
        .find(|(id, name)| *id == text || *id == slug || slugify(name) == slug)
        .map_or_else(
            || {
                if slug.is_empty() {
                    text.to_owned()
                } else {
                    slug.clone()
                }
            },
            |(id, _)| id.to_owned(),
        )
}

/// A producer type by id (`htx`), by name (`Hợp tác xã`) or by a common word for it
/// (`Công ty` for an enterprise).
pub fn producer_type(text: &str) -> String {
    let names = (ProducerType::ALL.iter()).flat_map(|&t| {
        producer_type_names(t)
            .iter()
            .map(move |name| (t.id(), *name))
    });
    id_of(text, names)
}

/// The Vietnamese words a list names a producer type with, the official name first.
/// The import's own: a spreadsheet's words, not the theme's, which a site may change.
fn producer_type_names(kind: ProducerType) -> &'static [&'static str] {
    match kind {
        ProducerType::Cooperative => &["Hợp tác xã"],
        ProducerType::CooperativeGroup => &["Tổ hợp tác"],
        ProducerType::Enterprise => &["Doanh nghiệp", "Công ty"],
        ProducerType::Household => &["Hộ sản xuất kinh doanh", "Hộ kinh doanh", "Hộ sản xuất"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_star_levels_as_lists_write_them() {
        assert_eq!(stars("4"), Ok(4));
        assert_eq!(stars(" 3 sao"), Ok(3));
        assert_eq!(stars("5★"), Ok(5));
        assert!(stars("bốn").is_err());
    }

    #[test]
    fn reads_iso_and_day_first_dates() {
        let day = NaiveDate::from_ymd_opt(2023, 2, 20).unwrap();
        assert_eq!(date("date", "2023-02-20"), Ok(day));
        assert_eq!(date("date", "20/2/2023"), Ok(day));
        assert_eq!(date("date", "20.02.2023"), Ok(day));
        assert_eq!(date("date", "20-02-2023"), Ok(day));
        assert_eq!(
            date("date", "30/02/2023").unwrap_err(),
            "date `30/02/2023` is not a date: write 2023-02-20 or 20/02/2023"
        );
        assert!(date("date", "2023/02/20").is_err());
        assert!(date("date", "20/02/23").is_err());
    }

    #[test]
    fn reads_amounts_in_dong() {
        assert_eq!(price("price", "150000"), Ok(150_000));
        assert_eq!(price("price", "150.000 đ"), Ok(150_000));
        assert_eq!(price("price", "1,250,000 VND"), Ok(1_250_000));
        assert!(price("price", "liên hệ").is_err());
        assert!(price("price", "-5").is_err());
    }

    #[test]
    fn finds_ids_by_id_or_name() {
        let districts = [
            ("hoa-an", "Huyện Hòa An"),
            ("trung-khanh", "Huyện Trùng Khánh"),
        ];
        assert_eq!(id_of("Hòa An", districts), "hoa-an");
        assert_eq!(id_of("Huyện Trùng Khánh", districts), "trung-khanh");
        assert_eq!(id_of("Hoà An ", districts), "hoa-an");
        assert_eq!(id_of("Bảo Lạc", districts), "bao-lac");
        assert_eq!(producer_type("Hợp tác xã"), "htx");
        assert_eq!(producer_type("Công ty"), "doanh-nghiep");
        assert_eq!(producer_type("tht"), "tht");
        assert_eq!(producer_type("Hộ sản xuất kinh doanh"), "ho-kinh-doanh");
        assert_eq!(producer_type("hộ kinh doanh"), "ho-kinh-doanh");
        assert_eq!(producer_type("Tổ hợp tác"), "tht");
        assert_eq!(producer_type("doanh-nghiep"), "doanh-nghiep");
    }
}
