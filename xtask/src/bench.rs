//! `cargo xtask bench`: placeholder, filled in by the benchmark work.

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("bench: not written yet")
}
