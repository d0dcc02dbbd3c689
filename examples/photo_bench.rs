//! Generates the input of the photo benchmark (`bench/photos/run.sh`): camera-sized
//! JPEGs, an `ocop` site whose products use them, and a Hugo site that processes the
//! same files into the same sizes and formats.
//!
//! ```text
//! cargo run --release --example photo_bench -- <dir> [count] [width] [height]
//! ```
//!
//! Defaults: 50 photos of 4000×3000 (12 megapixels, a phone's main camera). Each is a
//! made-up scene with soft light, shapes with edges, fine texture and sensor grain,
//! so that encoders face the kind of detail real photos have; a flat gradient would
//! flatter them. The output is the same on every run.

use std::error::Error;
use std::fs;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::RgbImage;
use rayon::prelude::*;

/// Quality of the generated "camera" JPEGs: phones save at about 90–95.
const CAMERA_QUALITY: u8 = 92;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        return Err("usage: photo_bench <dir> [count] [width] [height]".into());
    };
    let number = |i: usize, default: u32| -> Result<u32, Box<dyn Error>> {
        Ok(args
            .get(i)
            .map(|a| a.parse())
            .transpose()?
            .unwrap_or(default))
    };
    let (count, width, height) = (number(1, 50)?, number(2, 4000)?, number(3, 3000)?);
    let dir = Path::new(dir);

    write_ocop_site(&dir.join("ocop"), count)?;
    write_hugo_site(&dir.join("hugo"), count)?;
    (0..count).into_par_iter().try_for_each(|i| {
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, CAMERA_QUALITY)
            .encode_image(&scene(i, width, height))
            .map_err(|e| e.to_string())?;
        for site in ["ocop/content/products", "hugo/content/p"] {
            fs::write(dir.join(site).join(slug(i)).join("anh.jpg"), &jpeg)
                .map_err(|e| e.to_string())?;
        }
        Ok::<_, String>(())
    })?;
    println!(
        "wrote {count} photos of {width}×{height} into {}",
        dir.display()
    );
    Ok(())
}

fn slug(i: u32) -> String {
    format!("san-pham-{i:03}")
}

fn write_ocop_site(root: &Path, count: u32) -> Result<(), Box<dyn Error>> {
    let content = root.join("content");
    fs::create_dir_all(content.join("producers"))?;
    fs::write(
        content.join("site.yaml"),
        "title: Đo hiệu năng ảnh\nbase_url: https://example.org/\n\
         province: Tỉnh Thử Nghiệm\nproducts_per_page: 24\n",
    )?;
    fs::write(
        content.join("districts.yaml"),
        "- id: hoa-an\n  name: Huyện Hòa An\n",
    )?;
    fs::write(
        content.join("categories.yaml"),
        "- id: thuc-pham\n  name: Thực phẩm\n",
    )?;
    fs::write(
        content.join("producers/htx-thu-nghiem.yaml"),
        "name: HTX Thử Nghiệm\ntype: htx\ndistrict: hoa-an\n",
    )?;
    for i in 0..count {
        let folder = content.join("products").join(slug(i));
        fs::create_dir_all(&folder)?;
        fs::write(
            folder.join("product.yaml"),
            format!(
                "name: Sản phẩm thử {i}\nstars: 4\ncategory: thuc-pham\n\
                 producer: htx-thu-nghiem\ncertificate:\n  decision: Quyết định thử\n  \
                 date: 2026-01-15\nphotos:\n  - file: anh.jpg\n    alt: Ảnh thử {i}\n"
            ),
        )?;
    }
    Ok(())
}

/// The same work in Hugo: for each photo, WebP at quality 75 and JPEG at quality 80 at
/// the three widths, and a 1200×630 share image, with the same Lanczos filter.
fn write_hugo_site(root: &Path, count: u32) -> Result<(), Box<dyn Error>> {
    fs::create_dir_all(root.join("layouts/_default"))?;
    fs::write(
        root.join("hugo.toml"),
        "baseURL = 'https://example.org/'\n\
         disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n\
         [imaging]\nresampleFilter = 'Lanczos'\nquality = 80\n",
    )?;
    fs::write(
        root.join("layouts/_default/single.html"),
        "{{ with .Resources.GetMatch \"anh.jpg\" }}{{ $img := . }}\
         {{ range slice 400 800 1600 }}\
         <img src=\"{{ ($img.Resize (printf \"%dx webp q75\" .)).RelPermalink }}\">\
         <img src=\"{{ ($img.Resize (printf \"%dx jpg q80\" .)).RelPermalink }}\">\
         {{ end }}\
         <img src=\"{{ ($img.Fill \"1200x630 Center jpg q80\").RelPermalink }}\">\
         {{ end }}\n",
    )?;
    fs::write(
        root.join("layouts/_default/list.html"),
        "{{ range .Pages }}{{ .Title }}{{ end }}\n",
    )?;
    for i in 0..count {
        let folder = root.join("content/p").join(slug(i));
        fs::create_dir_all(&folder)?;
        fs::write(
            folder.join("index.md"),
            format!("---\ntitle: Sản phẩm thử {i}\n---\n"),
        )?;
    }
    Ok(())
}

/// A cheap, well-mixed hash: the same inputs give the same "random" value.
fn hash(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// A value in [0, 1) for a lattice point of one noise layer.
fn lattice(seed: u64, layer: u64, x: i64, y: i64) -> f32 {
    let h = hash(seed ^ (layer << 56) ^ ((x as u64) << 28) ^ (y as u64));
    (h >> 40) as f32 / (1u64 << 24) as f32
}

/// Smooth noise: lattice values `cell` pixels apart, blended bilinearly.
fn noise(seed: u64, layer: u64, x: u32, y: u32, cell: u32) -> f32 {
    let (fx, fy) = (x as f32 / cell as f32, y as f32 / cell as f32);
    let (ix, iy) = (fx.floor() as i64, fy.floor() as i64);
    let (tx, ty) = (fx - ix as f32, fy - iy as f32);
    let (sx, sy) = (tx * tx * (3.0 - 2.0 * tx), ty * ty * (3.0 - 2.0 * ty));
    let top = lattice(seed, layer, ix, iy) * (1.0 - sx) + lattice(seed, layer, ix + 1, iy) * sx;
    let bottom =
        lattice(seed, layer, ix, iy + 1) * (1.0 - sx) + lattice(seed, layer, ix + 1, iy + 1) * sx;
    top * (1.0 - sy) + bottom * sy
}

/// A made-up photo: a lit backdrop, a few objects with hard edges and their own
/// texture, and grain.
fn scene(index: u32, width: u32, height: u32) -> RgbImage {
    let seed = hash(u64::from(index) + 1);
    let pick = |n: u64| lattice(seed, 60 + n, 0, 0);
    let base = [
        0.3 + 0.5 * pick(0),
        0.3 + 0.5 * pick(1),
        0.3 + 0.5 * pick(2),
    ];
    let objects: Vec<([f32; 2], f32, [f32; 3])> = (0..5)
        .map(|k| {
            let k = 10 + 4 * k;
            (
                [pick(k) * width as f32, pick(k + 1) * height as f32],
                (0.08 + 0.2 * pick(k + 2)) * height as f32,
                [pick(k + 3), pick(k + 4) * 0.8, pick(k + 5) * 0.6],
            )
        })
        .collect();
    let light = [pick(3) * width as f32, pick(4) * height as f32 * 0.5];
    let diagonal = (width as f32).hypot(height as f32);
    RgbImage::from_fn(width, height, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        let falloff = 1.0 - 0.6 * (xf - light[0]).hypot(yf - light[1]) / diagonal;
        let mut colour = base;
        let mut texture = noise(seed, 1, x, y, 37) * 0.12 + noise(seed, 2, x, y, 9) * 0.06;
        for (centre, radius, tint) in &objects {
            let d = (xf - centre[0]).hypot(yf - centre[1]);
            if d < *radius {
                // Rounded shading towards the rim, and a coarser surface texture.
                let shade = (1.0 - (d / radius).powi(2)).sqrt();
                colour = tint.map(|c| c * (0.55 + 0.45 * shade));
                texture = noise(seed, 3, x, y, 5) * 0.1 + noise(seed, 4, x, y, 23) * 0.1;
            }
        }
        let blotches = noise(seed, 5, x, y, 420) * 0.25;
        let grain = (hash(seed ^ (u64::from(y) << 32) ^ u64::from(x)) >> 56) as f32 / 255.0;
        let value = |c: f32, k: f32| {
            let v = (c * falloff * (0.8 + blotches) + texture * k + (grain - 0.5) * 0.03) * 255.0;
            v.clamp(0.0, 255.0) as u8
        };
        image::Rgb([
            value(colour[0], 1.0),
            value(colour[1], 0.9),
            value(colour[2], 0.8),
        ])
    })
}
