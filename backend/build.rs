//! Release builds carry the web app inside the binary; rebuild when `cargo xtask build` has
//! written a new one.
fn main() {
    println!("cargo:rerun-if-changed=../frontend/dist");
    println!("cargo:rerun-if-changed=../migrations");
}
