//! Writes a synthetic but valid catalogue of N products, for benchmarks.
//!
//! ```text
//! cargo run --release --example synthetic_catalogue -- 15000 target/synthetic-15000
//! cargo run --release --example synthetic_catalogue -- 1500 target/synthetic-1500 --photos
//! ```
//!
//! `--photos` gives each product one generated 1000×750 JPEG (a colour gradient, different
//! for each product), so that the photo pipeline can be measured at scale; the records are
//! otherwise the same as without it.
//!
//! The folder gets `content/` (site, districts, the demo's six categories, producers
//! and products); link or copy `themes/` next to it to build. Names, places and
//! summaries are Vietnamese, drawn from the kinds of products, places and producers
//! OCOP certifies, in the national proportions: two products a producer, 67 % 3★,
//! 31 % 4★. There are no photos. The output depends only on N: the generator uses its
//! own seeded random numbers, so a benchmark can be rerun anywhere.
//!
//! District-level units grow with N (one for every 20 products, from 10 up to 700, about
//! the national count), so facet sizes stay realistic at national scale; the first ten
//! are Cao Bằng's. Certificates are
//! dated so that, built with `--today 2026-11-29`, about 3 % have expired.

use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The demo's categories: the six OCOP groups of Decision 148/QĐ-TTg.
const CATEGORIES: &str = include_str!("../content/categories.yaml");

/// Kinds of product: name, category, subcategory, what it is made of.
const KINDS: &[(&str, &str, &str, &str)] = &[
    ("Lạp sườn", "thuc-pham", "che-bien", "thịt lợn"),
    ("Thịt trâu gác bếp", "thuc-pham", "che-bien", "thịt trâu"),
    ("Thịt lợn gác bếp", "thuc-pham", "che-bien", "thịt lợn"),
    ("Hạt dẻ", "thuc-pham", "nong-san-tuoi", "hạt dẻ"),
    ("Miến dong", "thuc-pham", "che-bien", "tinh bột dong riềng"),
    ("Mật ong", "thuc-pham", "so-che", "mật ong rừng"),
    ("Gạo nếp hương", "thuc-pham", "so-che", "lúa nếp"),
    ("Gạo tám thơm", "thuc-pham", "so-che", "lúa tám"),
    ("Lạc đỏ", "thuc-pham", "so-che", "lạc"),
    ("Bánh khảo", "thuc-pham", "che-bien", "bột nếp"),
    ("Bánh cuốn", "thuc-pham", "che-bien", "bột gạo"),
    ("Bánh chưng", "thuc-pham", "che-bien", "gạo nếp"),
    ("Mứt gừng", "thuc-pham", "che-bien", "gừng"),
    ("Nước mắm", "thuc-pham", "gia-vi", "cá cơm"),
    ("Tương ớt", "thuc-pham", "gia-vi", "ớt"),
    ("Mắc khén", "thuc-pham", "gia-vi", "hạt mắc khén"),
    ("Hạt tiêu", "thuc-pham", "gia-vi", "hạt tiêu"),
    ("Trà xanh", "thuc-pham", "che", "búp chè"),
    ("Chè shan tuyết", "thuc-pham", "che", "búp chè cổ thụ"),
    ("Hồng trà", "thuc-pham", "che", "búp chè"),
    (
        "Cà phê rang xay",
        "thuc-pham",
        "ca-phe-ca-cao",
        "hạt cà phê",
    ),
    ("Ca cao", "thuc-pham", "ca-phe-ca-cao", "hạt ca cao"),
    ("Bưởi", "thuc-pham", "nong-san-tuoi", "bưởi"),
    ("Cam sành", "thuc-pham", "nong-san-tuoi", "cam"),
    ("Nhãn lồng", "thuc-pham", "nong-san-tuoi", "nhãn"),
    ("Vải thiều", "thuc-pham", "nong-san-tuoi", "vải"),
    ("Xoài cát", "thuc-pham", "nong-san-tuoi", "xoài"),
    ("Thạch đen", "thuc-pham", "so-che", "cây thạch đen"),
    ("Rượu ngô", "do-uong", "ruou", "ngô"),
    ("Rượu nếp cẩm", "do-uong", "ruou", "nếp cẩm"),
    ("Rượu vang mận", "do-uong", "do-uong-co-con-khac", "mận"),
    (
        "Nước thạch đen",
        "do-uong",
        "do-uong-khong-con",
        "cây thạch đen",
    ),
    ("Nước khoáng", "do-uong", "nuoc-dong-chai", "nước suối"),
    ("Trà gừng hòa tan", "do-uong", "do-uong-khong-con", "gừng"),
    ("Cao giảo cổ lam", "duoc-lieu", "", "giảo cổ lam"),
    ("Tinh dầu quế", "duoc-lieu", "", "vỏ quế"),
    ("Thuốc tắm người Dao", "duoc-lieu", "", "lá thuốc"),
    ("Sâm Ngọc Linh", "duoc-lieu", "", "củ sâm"),
    ("Khăn thổ cẩm", "thu-cong-my-nghe", "", "sợi bông"),
    ("Túi thổ cẩm", "thu-cong-my-nghe", "", "vải thổ cẩm"),
    ("Dao rèn", "thu-cong-my-nghe", "", "thép nhíp"),
    ("Giỏ mây tre đan", "thu-cong-my-nghe", "", "mây tre"),
    ("Gốm sứ", "thu-cong-my-nghe", "", "đất sét"),
    ("Lan hồ điệp", "sinh-vat-canh", "", "cây lan"),
    ("Cây cảnh bonsai", "sinh-vat-canh", "", "cây sanh"),
    ("Du lịch cộng đồng", "du-lich", "", "nhà sàn"),
    ("Homestay bản", "du-lich", "", "nhà sàn"),
];

const STYLES: &[&str] = &[
    "",
    "",
    "",
    "hun khói",
    "sấy khô",
    "đặc biệt",
    "hữu cơ",
    "truyền thống",
    "thượng hạng",
    "túi lọc",
    "hộp quà",
    "loại 1",
    "gia truyền",
    "hút chân không",
];

/// The first districts are Cao Bằng's, so that queries such as "hat de trung khanh"
/// mean the same at every size.
const CAO_BANG: &[&str] = &[
    "Cao Bằng",
    "Bảo Lạc",
    "Bảo Lâm",
    "Hạ Lang",
    "Hà Quảng",
    "Hòa An",
    "Nguyên Bình",
    "Quảng Hòa",
    "Thạch An",
    "Trùng Khánh",
];

/// Syllables of place names; the other districts are two of them.
const PLACES: &[&str] = &[
    "Hòa", "An", "Bảo", "Lạc", "Lâm", "Hạ", "Lang", "Hà", "Quảng", "Nguyên", "Bình", "Thạch",
    "Trùng", "Khánh", "Tân", "Phú", "Thủy", "Sơn", "Đông", "Tây", "Nam", "Bắc", "Yên", "Mỹ", "Đức",
    "Long", "Thành", "Vĩnh", "Xuân", "Cẩm", "Hưng", "Định", "Thọ", "Lộc", "Phong", "Điền", "Hải",
    "Quỳnh", "Kỳ", "Đồng", "Văn", "Mèo", "Vạc", "Mường", "Tè", "Sìn", "Hồ",
];

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Nông", "Bế", "Đàm", "Lục", "Triệu", "Ma", "Lương", "Hà", "Lò", "Quàng", "Giàng",
];
const MIDDLE: &[&str] = &["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Xuân"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hoa", "Huệ", "Hùng", "Lan", "Mai", "Nam", "Ngân",
    "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến", "Đạt", "Thủy",
];
const TRADES: &[&str] = &[
    "Nông nghiệp",
    "Nông sản",
    "Dịch vụ nông nghiệp",
    "Thực phẩm",
    "Dược liệu",
    "Chè",
    "Đặc sản",
    "Thủ công",
    "Du lịch cộng đồng",
    "Sản xuất và thương mại",
];

const PROCESSES: &[&str] = &[
    "phơi nắng rồi sấy than hoa",
    "ủ chum theo cách làm cổ truyền",
    "chọn lọc kỹ, sơ chế sạch",
    "hun khói bằng củi nhãn",
    "sấy lạnh giữ màu tự nhiên",
    "chưng cất hai lần",
    "lên men tự nhiên",
    "làm thủ công từng mẻ nhỏ",
    "thu hái đúng vụ trên đồi",
    "dệt tay trên khung cửi gỗ",
];
const QUALITIES: &[&str] = &[
    "vị ngọt đậm, thơm lâu",
    "dẻo thơm, không chất bảo quản",
    "màu đẹp, vị bùi",
    "thơm nồng, hậu ngọt",
    "bền, đẹp, hoa văn truyền thống",
    "đạt tiêu chuẩn an toàn thực phẩm",
];
const PACKS: &[&str] = &[
    "đóng gói hút chân không",
    "đóng hộp giấy tiện làm quà",
    "đóng chai thủy tinh",
    "đóng túi zip 500 g",
    "bán theo mùa tại vườn",
];
const TAGS: &[&str] = &[
    "đặc sản",
    "quà biếu",
    "vùng cao",
    "hữu cơ",
    "làm quà",
    "truyền thống",
    "sạch",
];

/// SplitMix64: small, seeded, the same everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// "Lạp sườn Hòa An" → "lap-suon-hoa-an".
fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

struct Place {
    id: String,
    short: String,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: synthetic_catalogue N OUTPUT_DIR [--photos]";
    let count: usize = args.next().ok_or(usage)?.parse().map_err(|_| usage)?;
    let root = PathBuf::from(args.next().ok_or(usage)?);
    let photos = match args.next().as_deref() {
        None => false,
        Some("--photos") => true,
        Some(_) => return Err(usage.into()),
    };
    write(count, &root, photos)
}

/// Write the catalogue of `count` products into `root/content`, replacing it. The tests
/// use it too, through a `#[path]` module.
pub fn write(count: usize, root: &Path, photos: bool) -> Result<(), Box<dyn Error>> {
    let content = root.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    fs::create_dir_all(content.join("producers"))?;
    fs::create_dir_all(content.join("products"))?;
    let mut random = Random(0x0c0b_2026 ^ count as u64);

    fs::write(
        content.join("site.yaml"),
        format!(
            "title: Sản phẩm OCOP (tổng hợp, {count} sản phẩm)\n\
             description: Danh mục sản phẩm OCOP tổng hợp để đo hiệu năng; dữ liệu không có thật.\n\
             base_url: https://ocop.example.org/\n\
             province: Tổng hợp\n\
             notice: Dữ liệu tổng hợp để đo hiệu năng, không phải hồ sơ thật.\n"
        ),
    )?;
    fs::write(content.join("categories.yaml"), CATEGORIES)?;
    let places = districts(&content, (count / 20).clamp(10, 700), &mut random)?;
    let producers = producers(&content, (count / 2).max(5), &places, &mut random)?;
    products(&content, count, &places, &producers, photos, &mut random)?;
    eprintln!(
        "wrote {count} products, {} producers and {} districts into {}",
        producers.len(),
        places.len(),
        content.display()
    );
    Ok(())
}

fn districts(
    content: &Path,
    count: usize,
    random: &mut Random,
) -> Result<Vec<Place>, Box<dyn Error>> {
    let mut places: Vec<Place> = Vec::with_capacity(count);
    let mut yaml = String::new();
    while places.len() < count {
        let short = match CAO_BANG.get(places.len()) {
            Some(name) => (*name).to_owned(),
            None => format!("{} {}", random.pick(PLACES), random.pick(PLACES)),
        };
        let id = slug(&short);
        if places.iter().any(|p| p.id == id) || short.split(' ').next() == short.split(' ').nth(1) {
            continue;
        }
        let name = if places.len().is_multiple_of(12) {
            format!("Thành phố {short}")
        } else {
            format!("Huyện {short}")
        };
        writeln!(yaml, "- id: {id}\n  name: {}", quoted(&name))?;
        places.push(Place { id, short });
    }
    fs::write(content.join("districts.yaml"), yaml)?;
    Ok(places)
}

/// Producer ids, with the index of their district.
fn producers(
    content: &Path,
    count: usize,
    places: &[Place],
    random: &mut Random,
) -> Result<Vec<(String, usize)>, Box<dyn Error>> {
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let district = random.below(places.len());
        let place = &places[district].short;
        let person = format!(
            "{} {} {}",
            random.pick(FAMILY),
            random.pick(MIDDLE),
            random.pick(GIVEN)
        );
        // Households are the most common producers, then cooperatives and enterprises.
        let (kind, name) = match random.below(100) {
            0..=44 => ("ho-kinh-doanh", format!("Hộ kinh doanh {person}")),
            45..=74 => ("htx", format!("HTX {} {place}", random.pick(TRADES))),
            75..=77 => ("tht", format!("Tổ hợp tác {} {place}", random.pick(TRADES))),
            _ => (
                "doanh-nghiep",
                format!("Công ty TNHH {} {place}", random.pick(TRADES)),
            ),
        };
        let id = format!("{}-{i}", slug(&name));
        fs::write(
            content.join("producers").join(format!("{id}.yaml")),
            format!(
                "name: {}\ntype: {kind}\ndistrict: {}\nrepresentative: {}\n",
                quoted(&name),
                places[district].id,
                quoted(&person)
            ),
        )?;
        out.push((id, district));
    }
    Ok(out)
}

fn products(
    content: &Path,
    count: usize,
    places: &[Place],
    producers: &[(String, usize)],
    photos: bool,
    random: &mut Random,
) -> Result<(), Box<dyn Error>> {
    for i in 0..count {
        let (kind, category, subcategory, material) = KINDS[random.below(KINDS.len())];
        let (producer, district) = &producers[random.below(producers.len())];
        let place = &places[*district].short;
        let style = random.pick(STYLES);
        let name = if style.is_empty() {
            format!("{kind} {place}")
        } else {
            format!("{kind} {style} {place}")
        };
        let stars = match random.below(100) {
            0..=66 => 3,
            67..=97 => 4,
            _ => 5,
        };
        // 2023-11 to 2026-11: certificates last 36 months, so those of November 2023
        // (one month in 37) have expired by 2026-11-29.
        let month = 10 + random.below(37);
        let date = format!(
            "{}-{:02}-{:02}",
            2023 + month / 12,
            month % 12 + 1,
            1 + random.below(28)
        );
        let summary = format!(
            "{kind} làm từ {material} {place}, {}, {}, {}.",
            random.pick(PROCESSES),
            random.pick(QUALITIES),
            random.pick(PACKS)
        );
        let mut yaml = format!(
            "name: {}\nstars: {stars}\ncategory: {category}\nproducer: {producer}\n\
             certificate:\n  decision: Quyết định số {}/QĐ-UBND\n  date: {date}\n\
             summary: {}\ntags:\n  - {}\n  - {}\n",
            quoted(&name),
            100 + random.below(9000),
            quoted(&summary),
            random.pick(TAGS),
            kind.to_lowercase()
        );
        if !subcategory.is_empty() {
            writeln!(yaml, "subcategory: {subcategory}")?;
        }
        let dir = content
            .join("products")
            .join(format!("{}-{i}", slug(&name)));
        fs::create_dir_all(&dir)?;
        if photos {
            let alt = format!("Ảnh minh họa tổng hợp: {name}");
            write!(
                yaml,
                "photos:\n  - file: anh-1.jpg\n    alt: {}\n",
                quoted(&alt)
            )?;
            fs::write(dir.join("anh-1.jpg"), photo(i)?)?;
        }
        fs::write(dir.join("product.yaml"), yaml)?;
    }
    Ok(())
}

/// A 1000×750 JPEG whose gradient depends on `i` alone, so that the text of the
/// catalogue is the same with or without photos, and no two photos are the same.
fn photo(i: usize) -> Result<Vec<u8>, Box<dyn Error>> {
    let (width, height) = (1000, 750);
    let base = [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256].map(|c| c as u32);
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        let shade = (x * 255 / width + y * 255 / height) / 2;
        image::Rgb(base.map(|c| ((c + shade) % 256) as u8))
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80).encode_image(&pixels)?;
    Ok(bytes)
}
