//! Secret keys kept as files in `<data dir>/keys/`, readable by the service's user only.

use std::{fs, io::Write as _, path::Path};

use anyhow::Context as _;
use rand::RngCore;

/// The key in `<data dir>/keys/<name>`, made from the OS random generator on first use.
pub fn load_or_create(data_dir: &Path, name: &str, len: usize) -> anyhow::Result<Vec<u8>> {
    load_or_make(data_dir, name, len).map(|(key, _)| key)
}

/// As [`load_or_create`], and says whether this call made the key.
pub fn load_or_make(data_dir: &Path, name: &str, len: usize) -> anyhow::Result<(Vec<u8>, bool)> {
    let dir = data_dir.join("keys");
    let path = dir.join(name);
    if let Ok(existing) = fs::read(&path) {
        anyhow::ensure!(
            existing.len() == len,
            "{} should hold {len} bytes",
            path.display()
        );
        return Ok((existing, false));
    }
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))?;
    }
    let mut key = vec![0_u8; len];
    rand::rngs::OsRng.fill_bytes(&mut key);
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(&path) {
        Ok(mut file) => {
            file.write_all(&key)?;
            file.sync_all()?;
            Ok((key, true))
        }
        // Another instance made it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok((fs::read(&path)?, false)),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// Writes `key` to `path` (replacing it), readable by the owner only, and flushed to disk.
pub fn write_private(path: &Path, key: &[u8]) -> anyhow::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(key)?;
    file.sync_all()?;
    Ok(())
}

/// Makes a rename inside `dir` durable.
pub fn sync_dir(dir: &Path) -> anyhow::Result<()> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot flush {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_private_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(dir.path(), "test.key", 32).unwrap();
        assert_eq!(first.len(), 32);
        assert_eq!(load_or_create(dir.path(), "test.key", 32).unwrap(), first);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join("keys/test.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
