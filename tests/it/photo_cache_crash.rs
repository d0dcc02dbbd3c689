//! The photo cache after a build died in the middle of storing an entry: what the dead
//! build left is a `.partial-*` folder, never an entry, and it is pruned once it is
//! old enough not to be another build's work in progress.

use std::collections::HashSet;
use std::fs;
use std::time::{Duration, SystemTime};

use ocop::assets::photos::cache::{Cache, Key};

#[test]
fn a_write_cut_short_is_never_read_as_an_entry_and_is_pruned_later() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path());
    let key = Key::new(&blake3::hash(b"photo"), "webp q75");
    let files = [
        ("400.webp".to_owned(), vec![1u8; 4096]),
        ("800.webp".to_owned(), vec![2u8; 8192]),
    ];

    // What `put` leaves when the process is killed after its first file, half written.
    let partial = dir.path().join(".partial-killed");
    fs::create_dir(&partial).unwrap();
    fs::write(partial.join("400.webp"), &files[0].1[..100]).unwrap();
    assert_eq!(
        cache.get(&key),
        None,
        "a partial write was read as an entry"
    );

    let entry = cache.put(&key, &files).unwrap();
    assert_eq!(cache.get(&key), Some(entry.clone()));
    for (name, bytes) in &files {
        assert_eq!(&fs::read(entry.join(name)).unwrap(), bytes, "{name}");
    }

    // Young, it may be a running build's: kept.
    let keep = HashSet::from([key.clone()]);
    assert_eq!(cache.prune(&keep).unwrap(), 0);
    assert!(partial.is_dir());

    // Two hours old, it is a dead build's: deleted, and the entry stays.
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    fs::File::open(&partial)
        .unwrap()
        .set_modified(two_hours_ago)
        .unwrap();
    assert_eq!(cache.prune(&keep).unwrap(), 1);
    assert!(!partial.exists());
    assert_eq!(cache.get(&key), Some(entry));
}
