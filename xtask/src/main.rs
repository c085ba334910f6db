fn main() {
    eprintln!("usage: cargo xtask test");
}
