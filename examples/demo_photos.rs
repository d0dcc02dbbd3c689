//! Generates the illustrative photos of the demo catalogue in `content/products/`.
//!
//! Run it from the repository root:
//!
//! ```text
//! cargo run --release --example demo_photos
//! ```
//!
//! For every folder `content/products/<slug>/`, it reads the photo file names listed in
//! `product.yaml` (every `file:` entry under `photos:`) and writes each one as a JPEG: a soft
//! "product shot" with a gradient backdrop, a table top, blurred background lights, a rounded
//! main object and a few round items in front. Colours and layout come from a hash of the slug
//! and file name, so the output is the same on every run. The images carry no text: they are
//! placeholders, not pictures of real products.
//!
//! Photos are 2000×1500 (landscape), except the few listed in [`PORTRAIT`], which are
//! 1500×2000. JPEG quality is kept moderate so that all demo photos together stay well under
//! 12 MB.

use std::error::Error;
use std::fs::{self, File};
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

use image::codecs::jpeg::JpegEncoder;
use image::RgbImage;

/// Long side and short side of every photo, in pixels.
const LONG_SIDE: u32 = 2000;
const SHORT_SIDE: u32 = 1500;

/// JPEG quality: high enough to look clean, low enough to keep the demo small.
const JPEG_QUALITY: u8 = 80;

/// Amplitude of the luminance grain, in 8-bit levels either side of zero.
const GRAIN: f32 = 2.5;

/// Photos written in portrait orientation, as `(product slug, file name)`.
const PORTRAIT: &[(&str, &str)] = &[
    ("ruou-ngo-hoa-an", "anh-1.jpg"),
    ("nuoc-thach-den", "anh-1.jpg"),
    ("khan-tho-cam-det-tay", "anh-2.jpg"),
];

type Rgb = [f32; 3];

/// One photo to write.
struct Job {
    slug: String,
    file: String,
    path: PathBuf,
    /// Drinks get a bottle on their first photo.
    drink: bool,
    first: bool,
}

fn main() -> Result<(), Box<dyn Error>> {
    let products_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/products");
    let jobs = collect_jobs(&products_dir)?;
    if jobs.is_empty() {
        return Err(format!("no photos listed under {}", products_dir.display()).into());
    }

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<u64, String>)>> = Mutex::new(Vec::new());
    let workers = thread::available_parallelism().map_or(4, |n| n.get());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let result = write_photo(job).map_err(|e| e.to_string());
                results.lock().expect("a worker panicked").push((i, result));
            });
        }
    });

    let mut results = results.into_inner().expect("a worker panicked");
    results.sort_by_key(|(i, _)| *i);
    let mut total = 0;
    let mut failed = false;
    for (i, result) in results {
        let job = &jobs[i];
        match result {
            Ok(bytes) => {
                total += bytes;
                println!("{:>8} B  {}/{}", bytes, job.slug, job.file);
            }
            Err(e) => {
                failed = true;
                eprintln!("error: {}: {e}", job.path.display());
            }
        }
    }
    println!("{} photos, {} bytes in total", jobs.len(), total);
    if failed {
        return Err("some photos could not be written".into());
    }
    Ok(())
}

/// Lists every photo named in a `product.yaml`, sorted by product slug then file name.
fn collect_jobs(products_dir: &Path) -> Result<Vec<Job>, Box<dyn Error>> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(products_dir)
        .map_err(|e| format!("{}: {e}", products_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.join("product.yaml").is_file())
        .collect();
    dirs.sort();

    let mut jobs = Vec::new();
    for dir in dirs {
        let slug = dir
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: folder name is not UTF-8", dir.display()))?
            .to_owned();
        let yaml = fs::read_to_string(dir.join("product.yaml"))?;
        let drink = yaml.lines().any(|l| l.trim_end() == "category: do-uong");
        for (i, file) in photo_files(&yaml).into_iter().enumerate() {
            if file.contains(['/', '\\']) || !file.ends_with(".jpg") {
                return Err(format!("{slug}: unexpected photo file name {file:?}").into());
            }
            jobs.push(Job {
                path: dir.join(&file),
                slug: slug.clone(),
                file,
                drink,
                first: i == 0,
            });
        }
    }
    Ok(jobs)
}

/// Extracts the values of `file:` keys. Only photo entries use that key in `product.yaml`,
/// so a line scan is enough and keeps this example free of a YAML dependency.
fn photo_files(yaml: &str) -> Vec<String> {
    yaml.lines()
        .filter_map(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("- ").unwrap_or(line).trim_start();
            let value = line.strip_prefix("file:")?.trim();
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            (!value.is_empty()).then(|| value.to_owned())
        })
        .collect()
}

fn write_photo(job: &Job) -> Result<u64, Box<dyn Error>> {
    let portrait = PORTRAIT
        .iter()
        .any(|&(slug, file)| slug == job.slug && file == job.file);
    let (width, height) = if portrait {
        (SHORT_SIDE, LONG_SIDE)
    } else {
        (LONG_SIDE, SHORT_SIDE)
    };
    let seed = fnv1a(job.slug.as_bytes()) ^ fnv1a(job.file.as_bytes()).rotate_left(29);
    let subject = if job.drink && job.first {
        Subject::Bottle
    } else {
        [Subject::Jar, Subject::Pouch, Subject::Bowl][(seed % 3) as usize]
    };
    let image = render(width, height, subject, fnv1a(job.slug.as_bytes()), seed);

    let writer = BufWriter::new(File::create(&job.path)?);
    JpegEncoder::new_with_quality(writer, JPEG_QUALITY).encode_image(&image)?;
    Ok(fs::metadata(&job.path)?.len())
}

/// The main object of a scene.
#[derive(Clone, Copy, PartialEq)]
enum Subject {
    Jar,
    Bottle,
    Pouch,
    Bowl,
}

/// Paints one scene. `palette_seed` depends on the product only, so all photos of a product
/// share their colours; `seed` varies the layout from photo to photo.
fn render(width: u32, height: u32, subject: Subject, palette_seed: u64, seed: u64) -> RgbImage {
    let mut palette_rng = Rng(palette_seed);
    let mut rng = Rng(seed);
    let mut canvas = Canvas::new(width as usize, height as usize);
    let (w, h) = (width as f32, height as f32);
    let unit = w.min(h);

    // Palette: a pale backdrop, a warm or cool table, and an accent colour for the product.
    let hue = palette_rng.range(0.0, 360.0);
    let accent_hue = (hue + palette_rng.range(150.0, 210.0)) % 360.0;
    let wall_top = hsl(hue, 0.30, 0.90);
    let wall_bottom = hsl(hue + 18.0, 0.28, 0.76);
    let table_hue = palette_rng.range(20.0, 45.0);
    let table_near = hsl(table_hue, 0.32, 0.46);
    let table_far = hsl(table_hue, 0.28, 0.62);
    let accent = hsl(accent_hue, palette_rng.range(0.22, 0.38), 0.50);
    let accent_dark = hsl(accent_hue + 10.0, 0.35, 0.30);
    // Items take natural food colours: chestnut, gold, brick red, leaf green, plum.
    let item_hue = [22.0, 42.0, 8.0, 95.0, 330.0][palette_rng.below(5) as usize];
    let item = hsl(
        item_hue + palette_rng.range(-8.0, 8.0),
        palette_rng.range(0.35, 0.55),
        palette_rng.range(0.34, 0.48),
    );

    // Backdrop and table, joined by a soft horizon.
    let horizon = h * rng.range(0.60, 0.70);
    let blur = h * 0.012;
    for y in 0..canvas.h {
        let yf = y as f32;
        let wall = mix(wall_top, wall_bottom, yf / horizon);
        let table = mix(table_far, table_near, (yf - horizon) / (h - horizon));
        let color = mix(wall, table, smoothstep(horizon - blur, horizon + blur, yf));
        for x in 0..canvas.w {
            canvas.set(x, y, color);
        }
    }
    // Light falling from the upper left.
    canvas.soft_ellipse(
        w * 0.25,
        h * 0.2,
        w * 0.55,
        h * 0.45,
        unit * 0.35,
        [1.0, 0.98, 0.93],
        0.22,
    );

    // Out-of-focus lights in the background.
    for _ in 0..rng.range(6.0, 11.0) as usize {
        let r = unit * rng.range(0.03, 0.10);
        let color = hsl(hue + rng.range(-40.0, 40.0), 0.5, rng.range(0.80, 0.95));
        canvas.soft_circle(
            rng.range(0.0, w),
            rng.range(0.0, horizon * 0.9),
            r,
            r * 0.35,
            color,
            rng.range(0.25, 0.5),
        );
    }

    // The main object stands on the table.
    let cx = w * rng.range(0.42, 0.58);
    let base = horizon + (h - horizon) * rng.range(0.35, 0.55);
    let (half_w, half_h, radius) = match subject {
        Subject::Jar => (unit * 0.21, unit * 0.25, unit * 0.06),
        Subject::Bottle => (unit * 0.11, unit * 0.24, unit * 0.05),
        Subject::Pouch => (unit * 0.24, unit * 0.29, unit * 0.12),
        Subject::Bowl => (unit * 0.32, unit * 0.11, unit * 0.11),
    };
    let cy = base - half_h;
    canvas.soft_ellipse(
        cx + unit * 0.03,
        base,
        half_w * 1.35,
        unit * 0.035,
        unit * 0.03,
        [0.05, 0.04, 0.03],
        0.45,
    );
    if subject == Subject::Bottle {
        // Neck and cap of the bottle.
        canvas.shaded_box(
            cx,
            cy - half_h - unit * 0.06,
            half_w * 0.38,
            unit * 0.08,
            unit * 0.02,
            accent,
            accent_dark,
        );
        canvas.shaded_box(
            cx,
            cy - half_h - unit * 0.15,
            half_w * 0.45,
            unit * 0.025,
            unit * 0.01,
            item,
            scale(item, 0.6),
        );
    }
    canvas.shaded_box(cx, cy, half_w, half_h, radius, accent, accent_dark);
    if subject != Subject::Bowl {
        // A pale label band across the object.
        canvas.shaded_box(
            cx,
            cy + half_h * 0.1,
            half_w * 0.86,
            half_h * 0.28,
            unit * 0.015,
            mix(wall_top, [1.0, 1.0, 1.0], 0.5),
            wall_bottom,
        );
    } else {
        // Round items heaped in the bowl.
        for i in 0..5 {
            let t = i as f32 / 4.0 - 0.5;
            canvas.sphere(
                cx + t * half_w * 1.4,
                cy - half_h * 0.6 - (1.0 - 4.0 * t * t) * unit * 0.04,
                unit * 0.08,
                item,
            );
        }
    }

    // Round items in front of the object.
    let count = 2 + rng.below(4);
    for _ in 0..count {
        let r = unit * rng.range(0.04, 0.07);
        let x = cx + rng.range(-1.0, 1.0) * (half_w + unit * 0.18);
        let y = base + (h - base) * rng.range(0.35, 0.8);
        canvas.soft_ellipse(
            x + r * 0.3,
            y + r * 0.85,
            r * 1.1,
            r * 0.3,
            r * 0.3,
            [0.05, 0.04, 0.03],
            0.35,
        );
        canvas.sphere(x, y, r, item);
    }

    canvas.finish(&mut rng)
}

/// A floating-point RGB canvas; shapes are blended onto it within their bounding box.
struct Canvas {
    w: usize,
    h: usize,
    px: Vec<Rgb>,
}

impl Canvas {
    fn new(w: usize, h: usize) -> Self {
        Canvas {
            w,
            h,
            px: vec![[0.0; 3]; w * h],
        }
    }

    fn set(&mut self, x: usize, y: usize, color: Rgb) {
        self.px[y * self.w + x] = color;
    }

    /// Calls `paint(x, y, old) -> new` for every pixel within the given box.
    fn each(
        &mut self,
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        mut paint: impl FnMut(f32, f32, Rgb) -> Rgb,
    ) {
        let clamp = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
        let (xa, xb) = (clamp(x0.floor(), self.w), clamp(x1.ceil(), self.w));
        let (ya, yb) = (clamp(y0.floor(), self.h), clamp(y1.ceil(), self.h));
        for y in ya..yb {
            for x in xa..xb {
                let i = y * self.w + x;
                self.px[i] = paint(x as f32 + 0.5, y as f32 + 0.5, self.px[i]);
            }
        }
    }

    fn soft_circle(&mut self, cx: f32, cy: f32, r: f32, feather: f32, color: Rgb, alpha: f32) {
        self.soft_ellipse(cx, cy, r, r, feather, color, alpha);
    }

    #[allow(clippy::too_many_arguments)]
    fn soft_ellipse(
        &mut self,
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        feather: f32,
        color: Rgb,
        alpha: f32,
    ) {
        let m = feather;
        self.each(
            cx - rx - m,
            cy - ry - m,
            cx + rx + m,
            cy + ry + m,
            |x, y, old| {
                let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
                let d = ((dx * dx + dy * dy).sqrt() - 1.0) * rx.min(ry);
                let a = alpha * (1.0 - smoothstep(-feather, feather, d));
                mix(old, color, a)
            },
        );
    }

    /// A rounded box lit from the left, shaded from `light` at the top to `dark` at the bottom.
    #[allow(clippy::too_many_arguments)]
    fn shaded_box(
        &mut self,
        cx: f32,
        cy: f32,
        half_w: f32,
        half_h: f32,
        radius: f32,
        light: Rgb,
        dark: Rgb,
    ) {
        let edge = 1.5;
        let radius = radius.min(half_w).min(half_h);
        self.each(
            cx - half_w - edge,
            cy - half_h - edge,
            cx + half_w + edge,
            cy + half_h + edge,
            |x, y, old| {
                let (dx, dy) = (x - cx, y - cy);
                let qx = dx.abs() - (half_w - radius);
                let qy = dy.abs() - (half_h - radius);
                let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
                let d = outside + qx.max(qy).min(0.0) - radius;
                let coverage = 1.0 - smoothstep(-edge, edge, d);
                if coverage <= 0.0 {
                    return old;
                }
                let u = dx / half_w; // -1 at the left edge, 1 at the right edge
                let v = (dy / half_h + 1.0) * 0.5; // 0 at the top, 1 at the bottom
                let shade = 1.0 - 0.35 * (u + 0.3).powi(2).min(1.0);
                let highlight = 0.35 * (1.0 - smoothstep(0.0, 0.12, (u + 0.55).abs()));
                let base = scale(mix(light, dark, v * 0.8), shade);
                let color = mix(base, [1.0, 1.0, 1.0], highlight);
                mix(old, color, coverage)
            },
        );
    }

    /// A ball lit from the upper left.
    fn sphere(&mut self, cx: f32, cy: f32, r: f32, color: Rgb) {
        let edge = 1.5;
        let (lx, ly) = (cx - r * 0.35, cy - r * 0.4);
        self.each(
            cx - r - edge,
            cy - r - edge,
            cx + r + edge,
            cy + r + edge,
            |x, y, old| {
                let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
                let coverage = 1.0 - smoothstep(r - edge, r + edge, d);
                if coverage <= 0.0 {
                    return old;
                }
                let to_light = ((x - lx).powi(2) + (y - ly).powi(2)).sqrt() / (r * 1.6);
                let lit = scale(color, 1.15 - 0.6 * to_light.min(1.0));
                let spec = 0.45 * (1.0 - smoothstep(0.0, 0.22, to_light));
                mix(old, mix(lit, [1.0, 1.0, 1.0], spec), coverage)
            },
        );
    }

    /// Adds a vignette and camera-like grain, and converts to 8-bit RGB.
    fn finish(self, rng: &mut Rng) -> RgbImage {
        let (w, h) = (self.w as f32, self.h as f32);
        let mut out = RgbImage::new(self.w as u32, self.h as u32);
        for (i, pixel) in out.pixels_mut().enumerate() {
            let (x, y) = ((i % self.w) as f32, (i / self.w) as f32);
            let (dx, dy) = (x / w - 0.5, y / h - 0.5);
            let vignette = 1.0 - 0.35 * (dx * dx + dy * dy);
            let grain = (rng.unit() - 0.5) * 2.0 * GRAIN;
            let c = scale(self.px[i], vignette);
            for (channel, value) in pixel.0.iter_mut().zip(c) {
                *channel = (value * 255.0 + grain).round().clamp(0.0, 255.0) as u8;
            }
        }
        out
    }
}

/// SplitMix64: small, fast and fully deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// FNV-1a, 64-bit.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn smoothstep(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [0, 1, 2].map(|i| a[i] + (b[i] - a[i]) * t)
}

fn scale(c: Rgb, k: f32) -> Rgb {
    c.map(|v| (v * k).clamp(0.0, 1.0))
}

/// HSL to RGB, with hue in degrees and saturation and lightness in `[0, 1]`.
fn hsl(hue: f32, s: f32, l: f32) -> Rgb {
    let hue = hue.rem_euclid(360.0) / 60.0;
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - (hue % 2.0 - 1.0).abs());
    let (r, g, b) = match hue as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    [r + m, g + m, b + m]
}
