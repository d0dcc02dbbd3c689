//! The `ocop` binary: parse the command line, run a command, map the outcome to an
//! exit code (0 ok, 1 content errors, 2 usage errors).

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use ocop::cli::{Cli, Command, ThemeCommand};
use ocop::commands::incremental::Session;
use ocop::commands::{build, build_date, check, import, init, new, schema, serve, theme, Failure};
use ocop::domain::Lang;
use ocop::t;
use ocop::validate::Options;

// Rendering allocates and frees many small strings on every thread; glibc's allocator
// took a sixth of the build's CPU time at 15,000 products.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    ocop::messages::set_language(message_language(&args));
    let cli = Cli::parse_from(args);
    // An import writes into content/, the others publish a site.
    let nothing_done = match cli.command {
        Command::Import { .. } | Command::Init { .. } | Command::Theme(_) => {
            t!("outcome-not-written")
        }
        _ => t!("outcome-not-published"),
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            report(failure, &nothing_done);
            ExitCode::from(1)
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Build {
            site,
            output,
            base_url,
            cache,
            drafts,
            timings,
            precompress,
        } => {
            let output = output.unwrap_or_else(|| site.root.join("public"));
            let options = Options {
                today: build_date(site.today)?,
                base_url,
                drafts: drafts.drafts,
                // A preview with drafts is not the public site.
                refuse_placeholders: !drafts.drafts,
            };
            let targets = build::Targets {
                output: &output,
                cache: &cache.dir(&site),
                remove_old_in_background: false,
                precompress,
            };
            let built = build::run(&site.root, &targets, &options)?;
            print_built(&built);
            if timings.timings {
                print_timings(&built);
            }
        }
        Command::Check { site, verbose } => {
            let checked = check::run(&site)?;
            print_warnings(&checked.warnings, verbose);
            let found = match checked.warnings.len() {
                0 => t!("check-no-problems"),
                n => t!("warnings-count", count = n),
            };
            let ok = t!(
                "check-ok",
                products = checked.products,
                producers = checked.producers,
                pages = checked.pages,
                found = found
            );
            eprintln!("{ok}");
            for coverage in &checked.translations {
                eprintln!("{coverage}");
            }
        }
        Command::Serve {
            site,
            port,
            output,
            cache,
            drafts,
            timings,
        } => {
            // Not `public/`: the preview's links point at 127.0.0.1, and a preview
            // uploaded by mistake would break the real site.
            let output = output.unwrap_or_else(|| site.root.join(".ocop-cache").join("preview"));
            // Links must point at the preview server, not at the public address.
            let options = Options {
                today: build_date(site.today)?,
                base_url: Some(format!("http://127.0.0.1:{port}/")),
                drafts: drafts.drafts,
                refuse_placeholders: false,
            };
            let mut session = Session::new(&site.root, &output, &cache.dir(&site), options);
            let rebuild = move |changed: &[std::path::PathBuf], pages_ready: serve::PagesReady| {
                let built = session.rebuild(changed, pages_ready);
                if let (true, Ok(built)) = (timings.timings, &built) {
                    print_timings(built);
                }
                built
            };
            let watched = [site.root.join("content"), site.root.join("themes")];
            let lang = ocop::content::site_language(&site.root).unwrap_or(ocop::domain::Lang::Vi);
            let editor = ocop::editor::proxy::Editor::new(&site.root, port, lang);
            serve::preview(&output, port, &watched, Some(editor), rebuild)?;
        }
        Command::Init {
            dir,
            province,
            languages,
            force,
        } => {
            let options = init::Options {
                dir,
                province,
                languages: languages.0,
                force,
            };
            let initialised = init::run(&options)?;
            print_initialised(&options.dir, &initialised);
        }
        Command::New(what) => {
            let created = new::run(&what)?;
            let created = match created.has_placeholders {
                true => t!("new-created-placeholders", file = &created.path),
                false => t!("new-created", file = &created.path),
            };
            eprintln!("{created}");
        }
        Command::Schema { root, output } => {
            let output = output.unwrap_or_else(|| root.join("schema"));
            let written = schema::run(&root, &output)?;
            for file in &written.files {
                eprintln!("{}", t!("schema-wrote", file = file));
            }
            eprintln!("{}", t!("schema-vscode"));
            println!("{}", written.vscode_setting);
        }
        Command::Import {
            file,
            sheet,
            site,
            dry_run,
            force,
        } => {
            let options = import::Options {
                today: build_date(site.today)?,
                dry_run,
                force,
                sheet,
            };
            let imported = import::run(&site.root, &file, &options)?;
            print_imported(&imported, dry_run);
        }
        Command::Theme(ThemeCommand::Eject { root, force }) => {
            let ejected = theme::eject(&root, force)?;
            let done = t!(
                "eject-done",
                files = ejected.files,
                folder = &ejected.folder
            );
            eprintln!("{done}");
        }
    }
    Ok(())
}

/// The language to speak, chosen before the command line is parsed so that its own
/// errors are in it too: `--lang`, else `OCOP_LANG`, else the first language of the
/// site at `--root`, else Vietnamese.
fn message_language(args: &[OsString]) -> Lang {
    let value_of = |flag: &str| {
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let prefix = format!("{flag}=");
        args.iter()
            .enumerate()
            .find_map(|(i, arg)| match arg.strip_prefix(&prefix) {
                Some(value) => Some(value.to_owned()),
                None if arg == flag => args.get(i + 1).cloned(),
                None => None,
            })
    };
    let asked = value_of("--lang").or_else(|| std::env::var("OCOP_LANG").ok());
    if let Some(lang) = asked.as_deref().and_then(Lang::from_code) {
        return lang;
    }
    let root = value_of("--root").unwrap_or_else(|| ".".to_owned());
    ocop::content::site_language(Path::new(&root)).unwrap_or(Lang::Vi)
}

fn print_built(built: &build::Built) {
    for line in built.lines() {
        eprintln!("{line}");
    }
}

/// The files written, then what to do next.
fn print_initialised(dir: &std::path::Path, initialised: &init::Initialised) {
    for file in &initialised.files {
        eprintln!("{}", t!("init-wrote", file = &dir.join(file)));
    }
    let count = initialised.files.len();
    eprintln!("{}", t!("init-created", dir = dir, count = count));
    eprintln!("  cd {}", shell_word(&dir.to_string_lossy()));
    if initialised.has_placeholders {
        eprintln!("{}", t!("init-next-placeholders"));
    }
    eprintln!("{}", t!("init-next-serve"));
    eprintln!("{}", t!("init-next-rest"));
}

/// `text` as one word for a POSIX shell: quoted when it holds anything but letters,
/// digits and `._/-`.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._/-".contains(&b));
    match plain {
        true => text.to_owned(),
        false => format!("'{}'", text.replace('\'', "'\\''")),
    }
}

/// Each file with what happened to it on stderr; in a dry run, the text of each file
/// that would be written on stdout, after a `==> path <==` line.
fn print_imported(imported: &ocop::import::Imported, dry_run: bool) {
    use ocop::import::Action;
    print_warnings(&imported.warnings, false);
    let count = |action| imported.files.iter().filter(|f| f.action == action).count();
    for file in &imported.files {
        let (path, line) = (&file.path, file.line);
        let said = match (file.action, dry_run) {
            (Action::Create, false) => t!("import-created", file = path, line = line),
            (Action::Create, true) => t!("import-would-create", file = path, line = line),
            (Action::Replace, false) => t!("import-replaced", file = path, line = line),
            (Action::Replace, true) => t!("import-would-replace", file = path, line = line),
            (Action::Keep, _) => t!("import-kept", file = path, line = line),
        };
        eprintln!("{said}");
        if dry_run && file.action != Action::Keep {
            println!("==> {} <==\n{}", path.display(), file.text);
        }
    }
    let (created, replaced, kept) = (
        count(Action::Create),
        count(Action::Replace),
        count(Action::Keep),
    );
    let rows = imported.rows;
    let summary = match dry_run {
        true => t!(
            "import-dry-run",
            rows = rows,
            created = created,
            replaced = replaced,
            kept = kept
        ),
        false => t!(
            "import-done",
            rows = rows,
            created = created,
            replaced = replaced,
            kept = kept
        ),
    };
    eprintln!("{summary}");
}

fn print_warnings(warnings: &[ocop::diagnostics::Diagnostic], all: bool) {
    for line in ocop::diagnostics::warning_lines(warnings, all) {
        eprintln!("{line}");
    }
}

fn report(failure: Failure, nothing_done: &str) {
    for line in failure.lines(nothing_done) {
        eprintln!("{line}");
    }
}

fn print_timings(built: &build::Built) {
    eprintln!("{}", t!("timings-heading"));
    built.timings.lines().iter().for_each(|l| eprintln!("{l}"));
}
