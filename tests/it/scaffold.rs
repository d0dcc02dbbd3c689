//! `ocop new`: scaffolded files pass `ocop check` as written, and no existing file is
//! ever replaced.

use crate::common::{read_text, snapshot, Site, TODAY};

#[test]
fn a_scaffolded_producer_and_product_pass_check() {
    let site = Site::from_fixture("small");
    let run = site.ocop(&["new", "producer", "htx-che-shan-tuyet"]);
    run.assert_ok();
    assert_eq!(
        run.stderr,
        "created content/producers/htx-che-shan-tuyet.yaml: replace the values marked \"(cần sửa)\", then run `ocop check`\n"
    );
    site.ocop(&[
        "new",
        "product",
        "che-shan-tuyet",
        "--producer",
        "htx-che-shan-tuyet",
        "--name",
        "Chè Shan tuyết: búp non",
        "--today",
        TODAY,
    ])
    .assert_ok();

    let check = site.check();
    check.assert_ok();
    assert!(
        check.stderr.contains("ok: 9 products, 6 producers"),
        "{}",
        check.stderr
    );

    let product = read_text(
        &site
            .root
            .join("content/products/che-shan-tuyet/product.yaml"),
    );
    // Every field of the record is there, set or left empty, with comments.
    for key in [
        "name:",
        "stars:",
        "category:",
        "subcategory:",
        "producer:",
        "district:",
        "certificate:",
        "decision:",
        "date:",
        "number:",
        "issuer:",
        "expires:",
        "summary:",
        "description:",
        "photos:",
        "price:",
        "shops:",
        "details:",
        "tags:",
        "featured:",
        "history:",
    ] {
        assert!(
            product.lines().any(|l| l.trim_start().starts_with(key)),
            "no `{key}` in\n{product}"
        );
    }
    assert!(
        !product.contains("{{"),
        "a placeholder was left unfilled:\n{product}"
    );
    assert!(product.contains("name: \"Chè Shan tuyết: búp non\"\n"));
    assert!(product.contains("producer: htx-che-shan-tuyet\n"));
    assert!(product.contains(&format!("  date: {TODAY}\n")));
    assert!(product.contains("# Hạng sao OCOP: 3, 4 hoặc 5. (Bắt buộc)\n"));
    assert!(product.contains("#   thuc-pham: Thực phẩm (phân nhóm: che-bien, che)\n"));

    let producer = read_text(&site.root.join("content/producers/htx-che-shan-tuyet.yaml"));
    assert!(
        !producer.contains("{{"),
        "a placeholder was left unfilled:\n{producer}"
    );
    assert!(
        producer.contains("name: Tên chủ thể (cần sửa)\n"),
        "{producer}"
    );
    assert!(
        producer.contains("#   bao-lac: Huyện Bảo Lạc\n"),
        "{producer}"
    );
    // Check passes, but says where a placeholder is still waiting for a real value.
    let (line, column) = name_placeholder(&producer);
    assert!(
        check.stderr.contains(&format!(
            "content/producers/htx-che-shan-tuyet.yaml:{line}:{column}: warning: `(cần sửa)` marks a value still to be replaced",
        )),
        "{}",
        check.stderr
    );
}

#[test]
fn build_refuses_a_placeholder_that_check_serve_and_drafts_only_warn_about() {
    let site = Site::from_fixture("small");
    site.build_ok();
    let before = snapshot(&site.output);
    site.ocop(&["new", "producer", "htx-che-shan-tuyet"])
        .assert_ok();
    let path = "content/producers/htx-che-shan-tuyet.yaml";
    let (line, column) = name_placeholder(&read_text(&site.root.join(path)));
    let at = format!("{path}:{line}:{column}");
    let warns =
        |run: &crate::common::Run| run.stderr.contains(&format!("{at}: warning: `(cần sửa)`"));

    let check = site.check();
    check.assert_ok();
    assert!(warns(&check), "{}", check.stderr);

    let build = site.build();
    assert_eq!(build.code, Some(1), "{}", build.stderr);
    assert_eq!(
        build.stderr_lines(),
        [
            format!("{at}: error: `(cần sửa)` marks a value still to be replaced: replace it before publishing (`ocop check`, `ocop serve` and `ocop build --drafts` only warn)"),
            "error: 1 problem found; nothing was published".to_owned(),
        ]
    );
    assert!(
        snapshot(&site.output) == before,
        "the published site changed"
    );

    let drafts = site.build_with(TODAY, &["--drafts".as_ref()]);
    drafts.assert_ok();
    assert!(warns(&drafts), "{}", drafts.stderr);
}

#[test]
fn a_news_item_is_a_dated_draft_with_front_matter() {
    let site = Site::from_fixture("small");
    let titled = site.ocop(&["new", "news", "tin-2", "--title", "Tin thứ hai"]);
    assert_eq!(
        titled.stderr,
        "created content/news/tin-2.md: fill it in, then run `ocop check`\n"
    );
    let run = site.ocop(&["new", "news", "hoi-cho-ocop", "--today", TODAY]);
    run.assert_ok();
    assert_eq!(
        run.stderr,
        "created content/news/hoi-cho-ocop.md: replace the values marked \"(cần sửa)\", then run `ocop check`\n"
    );
    let news = read_text(&site.root.join("content/news/hoi-cho-ocop.md"));
    assert!(news.starts_with("---\n"));
    let front: Vec<&str> = news
        .lines()
        .skip(1)
        .take_while(|l| *l != "---")
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    assert_eq!(
        front,
        [
            "title: Tiêu đề tin (cần sửa)",
            &format!("date: {TODAY}"),
            "draft: true"
        ]
    );
    for optional in ["summary", "cover", "tags", "author", "products"] {
        assert!(news.contains(&format!("\n# {optional}: ")), "{optional}");
    }
}

#[test]
fn never_replaces_an_existing_file() {
    let site = Site::from_fixture("small");
    let before = site.content_snapshot();
    for (args, existing) in [
        (
            vec!["new", "producer", "htx-dong-tam"],
            "content/producers/htx-dong-tam.yaml",
        ),
        (
            vec![
                "new",
                "product",
                "lap-suon-hoa-an",
                "--producer",
                "htx-dong-tam",
            ],
            "content/products/lap-suon-hoa-an/product.yaml",
        ),
    ] {
        let run = site.ocop(&args);
        run.assert_no_panic();
        assert_eq!(run.code, Some(1), "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!("error: {existing} already exists; `ocop new` never replaces a file: edit it, or pick another name\n")
        );
    }
    std::fs::create_dir_all(site.root.join("content/news/tin-cu")).unwrap();
    std::fs::write(site.root.join("content/news/tin-cu/index.md"), "giữ nguyên").unwrap();
    let run = site.ocop(&["new", "news", "tin-cu"]);
    assert_eq!(run.code, Some(1));
    assert!(run
        .stderr
        .contains("content/news/tin-cu/index.md already exists"));
    let mut after = site.content_snapshot();
    assert_eq!(
        after.remove("news/tin-cu/index.md").unwrap(),
        "giữ nguyên".as_bytes()
    );
    assert!(after == before, "a refused `ocop new` changed the content");
}

#[test]
fn refuses_bad_names_with_a_suggestion() {
    let site = Site::from_fixture("small");
    let run = site.ocop(&["new", "product", "Lạp sườn", "--producer", "htx-dong-tam"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "error: product slug `Lạp sườn` is not a slug: use lowercase ASCII letters, digits and hyphens, such as `lap-suon`\n"
    );
    let run = site.ocop(&["new", "product", "mat-ong", "--producer", "htx-dong-tm"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "error: unknown producer `htx-dong-tm` (did you mean `htx-dong-tam`?); create it first with `ocop new producer htx-dong-tm`\n"
    );
    assert!(!site.root.join("content/products/mat-ong").exists());
}

/// Line and column, 1-based, of the placeholder in a scaffolded file's `name:`.
fn name_placeholder(text: &str) -> (usize, usize) {
    let (line, name) = (text.lines().enumerate())
        .find(|(_, l)| l.starts_with("name: "))
        .unwrap();
    let column = name[..name.find("(cần sửa)").unwrap()].chars().count() + 1;
    (line + 1, column)
}
