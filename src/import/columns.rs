//! The spreadsheet's columns: which header means which field.
//!
//! Headers are matched by their slug, so `Hạng sao`, `hang_sao` and `HANG SAO` are the
//! same column. Each column has an English name (first, as the README documents it)
//! and the Vietnamese headers a province's list is likely to use.

use crate::diagnostics::with_suggestion;
use crate::t;
use crate::validate::fields::slugify;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Slug,
    Name,
    Stars,
    Category,
    Subcategory,
    ProducerId,
    ProducerName,
    ProducerType,
    District,
    Decision,
    Date,
    Number,
    Issuer,
    Expires,
    Summary,
    Description,
    PriceMin,
    PriceMax,
    Unit,
    Tags,
    Address,
    Representative,
    Phone,
    Email,
    /// A column lists keep for themselves, such as the row number (STT) or notes.
    Ignored,
}

impl Column {
    pub const ALL: [Column; 25] = [
        Column::Slug,
        Column::Name,
        Column::Stars,
        Column::Category,
        Column::Subcategory,
        Column::ProducerId,
        Column::ProducerName,
        Column::ProducerType,
        Column::District,
        Column::Decision,
        Column::Date,
        Column::Number,
        Column::Issuer,
        Column::Expires,
        Column::Summary,
        Column::Description,
        Column::PriceMin,
        Column::PriceMax,
        Column::Unit,
        Column::Tags,
        Column::Address,
        Column::Representative,
        Column::Phone,
        Column::Email,
        Column::Ignored,
    ];

    /// Columns a row cannot do without. A producer column is needed too: either id
    /// or name (see [`Header::missing`]).
    const REQUIRED: [Column; 5] = [
        Column::Name,
        Column::Stars,
        Column::Category,
        Column::Decision,
        Column::Date,
    ];

    /// The headers that mean this column, as slugs; the first is its documented name.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Slug => &["slug", "ma-san-pham"],
            Column::Name => &["name", "ten-san-pham", "san-pham", "ten"],
            Column::Stars => &["stars", "hang-sao", "so-sao", "sao", "xep-hang"],
            Column::Category => &["category", "nhom", "nhom-san-pham", "nganh-hang"],
            Column::Subcategory => &["subcategory", "phan-nhom", "bo-san-pham"],
            Column::ProducerId => &["producer-id", "producer", "ma-chu-the"],
            Column::ProducerName => &["producer-name", "chu-the", "ten-chu-the"],
            Column::ProducerType => &["producer-type", "loai-chu-the", "loai-hinh"],
            Column::District => &["district", "huyen", "dia-ban"],
            Column::Decision => &["decision", "quyet-dinh", "so-quyet-dinh"],
            Column::Date => &["date", "ngay-quyet-dinh", "ngay-cong-nhan", "ngay-cap"],
            Column::Number => &["certificate-number", "so-giay-chung-nhan", "so-chung-nhan"],
            Column::Issuer => &["issuer", "co-quan-cap", "don-vi-cap"],
            Column::Expires => &["expires", "ngay-het-han", "het-han"],
            Column::Summary => &["summary", "tom-tat", "mo-ta-ngan"],
            Column::Description => &["description", "mo-ta"],
            Column::PriceMin => &[
                "price-min",
                "price",
                "gia",
                "gia-ban",
                "gia-tu",
                "gia-thap-nhat",
            ],
            Column::PriceMax => &["price-max", "gia-den", "gia-cao-nhat"],
            Column::Unit => &["unit", "don-vi-tinh", "quy-cach"],
            Column::Tags => &["tags", "tu-khoa"],
            Column::Address => &["producer-address", "address", "dia-chi"],
            Column::Representative => &["representative", "nguoi-dai-dien", "dai-dien"],
            Column::Phone => &["phone", "dien-thoai", "so-dien-thoai"],
            Column::Email => &["email", "thu-dien-tu"],
            Column::Ignored => &["stt", "so-thu-tu", "ghi-chu", "notes"],
        }
    }

    pub fn name(self) -> &'static str {
        self.headers()[0]
    }

    fn from_header(header: &str) -> Option<Column> {
        let slug = slugify(header);
        Column::ALL
            .into_iter()
            .find(|c| c.headers().contains(&slug.as_str()))
    }
}

/// The header row, read: which column each field is in.
#[derive(Debug, Default)]
pub struct Header {
    /// For each field of a row, its column, if the spreadsheet has it.
    positions: Vec<(Column, usize)>,
}

/// What is wrong with a header row. Errors make the rows unreadable; warnings name
/// columns that are left out, in case one is a misspelt header.
#[derive(Debug, Default)]
pub struct HeaderProblems {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl Header {
    pub fn read<'a>(headers: impl IntoIterator<Item = &'a str>) -> (Header, HeaderProblems) {
        let mut header = Header::default();
        let mut problems = HeaderProblems::default();
        for (index, text) in headers.into_iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            match Column::from_header(text) {
                Some(Column::Ignored) => {}
                Some(column) if header.position(column).is_some() => problems.errors.push(t!(
                    "import-column-twice",
                    column = column.name(),
                    text = text
                )),
                Some(column) => header.positions.push((column, index)),
                None => {
                    let known = Column::ALL.iter().flat_map(|c| c.headers().iter().copied());
                    let slug = slugify(text);
                    let message = t!("import-column-ignored", text = text);
                    problems
                        .warnings
                        .push(with_suggestion(message, &slug, known));
                }
            }
        }
        problems.errors.extend(header.missing());
        (header, problems)
    }

    /// How many of `cells` name a column: a sheet's header row names several, a
    /// title row above it (often merged across the columns) one or none.
    pub fn known_columns<'a>(cells: impl IntoIterator<Item = &'a str>) -> usize {
        cells
            .into_iter()
            .filter(|text| !text.trim().is_empty())
            .filter(|text| Column::from_header(text).is_some_and(|c| c != Column::Ignored))
            .count()
    }

    pub fn position(&self, column: Column) -> Option<usize> {
        self.positions
            .iter()
            .find(|(c, _)| *c == column)
            .map(|&(_, index)| index)
    }

    /// Messages for the required columns the header lacks.
    fn missing(&self) -> Vec<String> {
        let mut missing: Vec<String> = Column::REQUIRED
            .into_iter()
            .filter(|&c| self.position(c).is_none())
            .map(|c| {
                t!(
                    "import-missing-column",
                    column = c.name(),
                    others = c.headers()[1..].join("`, `")
                )
            })
            .collect();
        if self.position(Column::ProducerId).is_none()
            && self.position(Column::ProducerName).is_none()
        {
            missing.push(t!("import-missing-producer-column"));
        }
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_english_and_vietnamese_headers() {
        let (header, problems) = Header::read([
            "STT",
            "Tên sản phẩm",
            "Hạng sao",
            "nhom",
            "Chủ thể",
            "Quyết định",
            "Ngày quyết định",
            "price_min",
        ]);
        assert!(problems.errors.is_empty(), "{:?}", problems.errors);
        assert!(problems.warnings.is_empty(), "{:?}", problems.warnings);
        assert_eq!(header.position(Column::Name), Some(1));
        assert_eq!(header.position(Column::ProducerName), Some(4));
        assert_eq!(header.position(Column::PriceMin), Some(7));
    }

    #[test]
    fn reports_missing_repeated_and_unknown_columns() {
        let (_, problems) = Header::read(["name", "ten", "starz", "category"]);
        assert_eq!(
            problems.errors,
            [
                "two columns are `name`: `ten` repeats it",
                "missing column `stars` (or `hang-sao`, `so-sao`, `sao`, `xep-hang`)",
                "missing column `decision` (or `quyet-dinh`, `so-quyet-dinh`)",
                "missing column `date` (or `ngay-quyet-dinh`, `ngay-cong-nhan`, `ngay-cap`)",
                "missing column `producer-id` or `producer-name`",
            ]
        );
        assert_eq!(
            problems.warnings,
            ["column `starz` is not imported (did you mean `stars`?)"]
        );
    }
}
