//! `ocop build --precompress`: a `.gz` and a `.br` copy beside each text file of the
//! built site, for nginx's `gzip_static` and `brotli_static`. The server then sends
//! bytes compressed once, at levels too slow to use on every request.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

/// The files worth compressing: text. Photos (JPEG, WebP, PNG) are compressed already.
pub const EXTENSIONS: &[&str] = &["html", "css", "js", "json", "csv", "xml", "svg", "txt"];
/// Below this many bytes the saving is smaller than what a second file costs on disk
/// and in the server's lookups.
const MIN_BYTES: usize = 256;
/// A copy is kept only if it is at most this share of the original: otherwise the
/// visitor gains almost nothing, and the server would read the extra file for it.
const PAYS: f64 = 0.9;
/// Brotli's quality (0–11) and window: 11 is the best and slowest. The default theme's
/// pages are small, and a province's site is built a few times a day.
const BROTLI_QUALITY: u32 = 11;
const BROTLI_WINDOW: u32 = 22;

/// What was written.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Compressed {
    /// Text files seen.
    pub files: usize,
    pub gzip: usize,
    pub brotli: usize,
    /// Text files left without any copy: too small, or not made smaller enough.
    pub skipped: usize,
}

/// Write `<file>.gz` and `<file>.br` beside every text file under `dir` where that
/// pays. The copies are deterministic: gzip's header carries no time or name.
pub fn precompress(dir: &Path) -> io::Result<Compressed> {
    let files: Vec<PathBuf> = WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_text(e.path()))
        .map(walkdir::DirEntry::into_path)
        .collect();
    files
        .par_iter()
        .map(|path| compress_file(path))
        .try_reduce(Compressed::default, |a, b| {
            Ok(Compressed {
                files: a.files + b.files,
                gzip: a.gzip + b.gzip,
                brotli: a.brotli + b.brotli,
                skipped: a.skipped + b.skipped,
            })
        })
}

fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

fn compress_file(path: &Path) -> io::Result<Compressed> {
    let bytes = fs::read(path)?;
    let mut done = Compressed {
        files: 1,
        ..Compressed::default()
    };
    if bytes.len() >= MIN_BYTES {
        let limit = (bytes.len() as f64 * PAYS) as usize;
        let gzip = gzip(&bytes)?;
        if gzip.len() <= limit {
            fs::write(with_suffix(path, "gz"), &gzip)?;
            done.gzip = 1;
        }
        let brotli = brotli(&bytes)?;
        if brotli.len() <= limit {
            fs::write(with_suffix(path, "br"), &brotli)?;
            done.brotli = 1;
        }
    }
    if done.gzip + done.brotli == 0 {
        done.skipped = 1;
    }
    Ok(done)
}

/// `page.html` → `page.html.gz`: the name nginx looks for.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

pub fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

pub fn brotli(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut encoder =
            brotli::CompressorWriter::new(&mut out, 64 * 1024, BROTLI_QUALITY, BROTLI_WINDOW);
        encoder.write_all(bytes)?;
        encoder.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn writes_copies_that_decompress_to_the_original_and_skips_what_does_not_pay() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<p>Hạt dẻ Trùng Khánh, mật ong bạc hà, miến dong.</p>\n".repeat(50);
        fs::create_dir_all(dir.path().join("san-pham")).unwrap();
        fs::write(dir.path().join("san-pham/index.html"), &page).unwrap();
        fs::write(dir.path().join("tiny.css"), "a{}").unwrap();
        // Random bytes do not compress: no copy pays for itself.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                // xorshift64: bytes with no pattern to find.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        fs::write(dir.path().join("noise.txt"), &noise).unwrap();
        fs::write(dir.path().join("photo.jpg"), &page).unwrap();

        let done = precompress(dir.path()).unwrap();
        assert_eq!(
            done,
            Compressed {
                files: 3,
                gzip: 1,
                brotli: 1,
                skipped: 2
            }
        );
        let mut gunzipped = String::new();
        flate2::read::GzDecoder::new(
            &fs::read(dir.path().join("san-pham/index.html.gz")).unwrap()[..],
        )
        .read_to_string(&mut gunzipped)
        .unwrap();
        assert_eq!(gunzipped, page);
        let mut unbrotlied = String::new();
        brotli::Decompressor::new(
            &fs::read(dir.path().join("san-pham/index.html.br")).unwrap()[..],
            4096,
        )
        .read_to_string(&mut unbrotlied)
        .unwrap();
        assert_eq!(unbrotlied, page);
        for absent in [
            "tiny.css.gz",
            "noise.txt.gz",
            "noise.txt.br",
            "photo.jpg.gz",
        ] {
            assert!(!dir.path().join(absent).exists(), "{absent}");
        }
        // The same input gives the same bytes: builds stay reproducible.
        let first = fs::read(dir.path().join("san-pham/index.html.gz")).unwrap();
        assert_eq!(gzip(page.as_bytes()).unwrap(), first);
    }
}
