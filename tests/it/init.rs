//! `ocop init`: a new site builds at once with empty listings and passes `ocop check`,
//! with no `themes/` folder of its own; a folder in use is refused unless `--force`,
//! and nothing is ever written outside the new site's folder.

use std::fs;
use std::path::Path;
use std::process::Command;

use unicode_normalization::is_nfc;
use walkdir::WalkDir;

use crate::common::{html, read_text, repo, snapshot, Run, TODAY};

/// Run `ocop args…` in the folder `cwd`, as a person types it there.
fn ocop_in(cwd: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("OCOP_LANG", "en")
        .output()
        .expect("cannot run the ocop binary");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A folder with a file and a folder of someone else's, to see that they stay as they
/// were: the parent of the new site.
fn parent_with_neighbours() -> tempfile::TempDir {
    let parent = tempfile::tempdir().unwrap();
    fs::write(parent.path().join("ghi-chu.txt"), "của người khác\n").unwrap();
    fs::create_dir_all(parent.path().join("khac/content")).unwrap();
    fs::write(
        parent.path().join("khac/content/site.yaml"),
        "title: khác\n",
    )
    .unwrap();
    parent
}

#[test]
fn a_new_site_builds_with_empty_listings_and_passes_check() {
    let parent = parent_with_neighbours();
    let before = snapshot(parent.path());
    // Decomposed, as macOS types it: the files must hold it composed.
    let province = "Ha\u{300} Giang";
    let run = ocop_in(parent.path(), &["init", "x", "--province", province]);
    run.assert_ok();
    assert!(
        run.stderr.contains("wrote x/content/site.yaml\n")
            && run.stderr.contains("  cd x\n")
            && run.stderr.contains("ocop serve"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("cần sửa"), "{}", run.stderr);

    // Everything written is inside x/, and the neighbours are as they were.
    let after = snapshot(parent.path());
    for (path, bytes) in &before {
        assert_eq!(after.get(path), Some(bytes), "{path} changed");
    }
    let outside: Vec<_> = after
        .keys()
        .filter(|p| !p.starts_with("x/") && !before.contains_key(*p))
        .collect();
    assert!(outside.is_empty(), "written outside x/: {outside:?}");

    let root = parent.path().join("x");
    for name in [
        "content/site.yaml",
        "content/districts.yaml",
        "content/categories.yaml",
        ".gitignore",
        "README.md",
        ".vscode/settings.json",
        "schema/product.schema.json",
        ".github/workflows/ocop.yml",
        ".gitlab-ci.yml",
        "deploy/nginx.conf",
    ] {
        assert!(root.join(name).is_file(), "no {name}");
    }
    for entry in WalkDir::new(&root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = read_text(entry.path());
            assert!(is_nfc(&text), "{} is not NFC", entry.path().display());
        }
    }
    // One source each: the demo's six groups and the repository's nginx file.
    assert_eq!(
        read_text(&root.join("content/categories.yaml")),
        read_text(&repo().join("content/categories.yaml"))
    );
    assert_eq!(
        read_text(&root.join("deploy/nginx.conf")),
        read_text(&repo().join("deploy/nginx.conf"))
    );
    let gitignore = read_text(&root.join(".gitignore"));
    assert!(gitignore.contains("\npublic/\n") && gitignore.contains("\n.ocop-cache/\n"));
    let site = read_text(&root.join("content/site.yaml"));
    assert!(site.contains("\nprovince: Hà Giang\n"), "{site}");

    // The theme is the one built into the binary: the new site has none of its own.
    assert!(!root.join("themes").exists());
    let root_arg = root.to_str().unwrap();
    let check = ocop_in(
        parent.path(),
        &["check", "--root", root_arg, "--today", TODAY],
    );
    check.assert_ok();
    assert!(
        check
            .stderr
            .contains("ok: 0 products, 0 producers and 0 pages checked, no problems found"),
        "{}",
        check.stderr
    );
    ocop_in(parent.path(), &["build", "--root", "x", "--today", TODAY]).assert_ok();
    let home = read_text(&root.join("public/index.html"));
    assert!(
        html::shows_empty_state(&home),
        "the home page shows no empty state"
    );
    assert!(html::text(&home).contains("Sản phẩm OCOP Hà Giang"));
    let products = read_text(&root.join("public/san-pham/index.html"));
    assert!(html::shows_empty_state(&products));
    assert!(!root.join("public/en").exists());
}

/// The `lang` of a page's `<html>`.
fn page_lang(page: &str) -> Option<String> {
    let html = html::tags(page).into_iter().find(|t| t.name == "html")?;
    html.attr("lang").map(str::to_owned)
}

#[test]
fn with_lang_vi_en_both_editions_build() {
    let parent = tempfile::tempdir().unwrap();
    ocop_in(
        parent.path(),
        &[
            "init",
            "x",
            "--province",
            "Cao Bằng",
            "--languages",
            "vi,en",
        ],
    )
    .assert_ok();
    let root = parent.path().join("x");
    ocop_in(parent.path(), &["build", "--root", "x", "--today", TODAY]).assert_ok();
    let english = read_text(&root.join("public/en/index.html"));
    assert_eq!(page_lang(&english).as_deref(), Some("en"));
    assert!(html::text(&english).contains("Cao Bằng OCOP Products"));
    assert!(html::shows_empty_state(&english));
    let vietnamese = read_text(&root.join("public/index.html"));
    assert_eq!(page_lang(&vietnamese).as_deref(), Some("vi"));

    // An unknown language is a usage error, and nothing is written.
    let run = ocop_in(parent.path(), &["init", "y", "--languages", "vi,fr"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("`fr`"), "{}", run.stderr);
    assert!(!parent.path().join("y").exists());
}

#[test]
fn a_folder_in_use_is_refused_and_force_writes_over_deleting_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("trang");
    fs::create_dir_all(dir.join("content")).unwrap();
    fs::write(dir.join("README.md"), "của tỉnh\n").unwrap();
    fs::write(dir.join("content/site.yaml"), "title: cũ\n").unwrap();
    fs::write(dir.join("ghi-chu.txt"), "giữ lại\n").unwrap();
    let before = snapshot(parent.path());

    let run = ocop_in(parent.path(), &["init", "trang", "--province", "Hà Giang"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.assert_no_panic();
    assert!(
        run.stderr.starts_with("error: `trang` is not empty") && run.stderr.contains("--force"),
        "{}",
        run.stderr
    );
    assert_eq!(
        snapshot(parent.path()),
        before,
        "a refused init changed files"
    );

    let run = ocop_in(
        parent.path(),
        &["init", "trang", "--province", "Hà Giang", "--force"],
    );
    run.assert_ok();
    let after = snapshot(parent.path());
    assert_eq!(
        after["trang/ghi-chu.txt"],
        "giữ lại\n".as_bytes(),
        "a file was changed"
    );
    assert!(read_text(&dir.join("README.md")).contains("ocop init"));
    assert!(read_text(&dir.join("content/site.yaml")).contains("province: Hà Giang"));
    assert!(after.keys().all(|p| p.starts_with("trang/")));

    // A file is not a folder; nothing happens to it.
    let run = ocop_in(parent.path(), &["init", "trang/ghi-chu.txt", "--force"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("`trang/ghi-chu.txt` is a file, not a folder"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(parent.path()), after);
}

#[test]
fn a_fresh_clone_holding_only_git_counts_as_empty() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("clone");
    fs::create_dir_all(dir.join(".git")).unwrap();
    fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    let run = ocop_in(&dir, &["init", "."]);
    run.assert_ok();
    // No --province: a placeholder that check accepts, and a reminder to replace it.
    assert!(
        run.stderr
            .contains("replace the values marked \"(cần sửa)\" in content/site.yaml"),
        "{}",
        run.stderr
    );
    assert_eq!(read_text(&dir.join(".git/HEAD")), "ref: refs/heads/main\n");
    let check = ocop_in(&dir, &["check", "--today", TODAY]);
    check.assert_ok();
    assert!(
        check.stderr.contains("warning: `(cần sửa)`"),
        "{}",
        check.stderr
    );
}
