//! Rebuild when the default theme changes: the binary embeds `themes/default/`
//! (`content::theme_files`), and a file added to it is not otherwise noticed.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
}
