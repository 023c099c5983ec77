//! The browser entry point: Trunk builds this binary to WebAssembly. It only starts the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    onepercent::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("onepercent-web runs in a browser: use `make serve`, or `onepercent` on the command line.");
    std::process::exit(2);
}
