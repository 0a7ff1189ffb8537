//! `cargo xtask record`: placeholder, filled in by the conformance-corpus work.

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("record: not written yet")
}
