//! The IPC surface, read from the source: every command registered in
//! `build.rs`, `generate_handler!` and the window's capability is the same
//! set; every argument the window sends is an [`crate::arg::Arg`] (so a
//! malformed one comes back as core's typed error); and the list of
//! commands with their arguments is written to `ui/src/lib/bindings/ipc-commands.json`,
//! from which `tests/e2e/ipc.test.mjs` generates its malformed calls.

use quote::ToTokens;
use std::collections::BTreeSet;
use std::path::Path;
use syn::{Expr, FnArg, Item, Lit, Pat, Type};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn parse(rel: &str) -> syn::File {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `COMMANDS` in build.rs.
fn build_rs_commands() -> BTreeSet<String> {
    let file = parse("src-tauri/build.rs");
    for item in file.items {
        if let Item::Const(c) = item {
            if c.ident == "COMMANDS" {
                let Expr::Reference(r) = *c.expr else {
                    panic!("COMMANDS is &[...]")
                };
                let Expr::Array(a) = *r.expr else {
                    panic!("COMMANDS is &[...]")
                };
                return a
                    .elems
                    .iter()
                    .map(|e| match e {
                        Expr::Lit(l) => match &l.lit {
                            Lit::Str(s) => s.value(),
                            _ => panic!("a COMMANDS entry is not a string"),
                        },
                        _ => panic!("a COMMANDS entry is not a literal"),
                    })
                    .collect();
            }
        }
    }
    panic!("no COMMANDS in build.rs")
}

/// The last path segment of each entry of `generate_handler![...]`.
fn handler_commands() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("src-tauri/lib.rs")).unwrap();
    let at = text
        .find("generate_handler![")
        .expect("generate_handler! in lib.rs");
    let body = &text[at + "generate_handler![".len()..];
    let body = &body[..body.find(']').expect("closing ]")];
    body.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.rsplit("::").next().unwrap_or(p).to_string())
        .collect()
}

/// The window's capability: `allow-plan-load` for `plan_load`.
fn capability_commands() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("tauri.conf.json")).unwrap();
    let conf: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeSet::new();
    for cap in conf["app"]["security"]["capabilities"]
        .as_array()
        .expect("capabilities in tauri.conf.json")
    {
        for p in cap["permissions"].as_array().into_iter().flatten() {
            if let Some(name) = p.as_str().and_then(|s| s.strip_prefix("allow-")) {
                out.insert(name.replace('-', "_"));
            }
        }
    }
    out
}

/// Types Tauri fills in itself; the window does not send them.
fn injected(ty: &Type) -> bool {
    let Type::Path(p) = ty else { return false };
    let last = p.path.segments.last().map(|s| s.ident.to_string());
    matches!(
        last.as_deref(),
        Some("State" | "AppHandle" | "Window" | "Webview" | "WebviewWindow")
    )
}

/// `T` of `Arg<T>`, or None when the type is not an `Arg`.
fn arg_inner(ty: &Type) -> Option<String> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != "Arg" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(a) = &seg.arguments else {
        return None;
    };
    let inner = a.args.first()?.to_token_stream().to_string();
    // token spacing ("Option < String >") to the way it is written
    Some(inner.replace(' ', "").replace(",", ", "))
}

/// The key the window sends: Tauri reads arguments in camelCase by default
/// (`refresh_minutes` arrives as `refreshMinutes`).
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(serde::Serialize)]
struct Command {
    name: String,
    args: Vec<Argument>,
}

#[derive(serde::Serialize)]
struct Argument {
    name: String,
    /// The Rust type inside `Arg<…>`, e.g. `Option<u32>`.
    r#type: String,
}

fn source_commands() -> Vec<Command> {
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("src-tauri/commands"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let rel = path.strip_prefix(root()).unwrap().display().to_string();
        for item in parse(&rel).items {
            let Item::Fn(f) = item else { continue };
            let is_command = f.attrs.iter().any(|a| {
                let p = a.path();
                p.segments.len() == 2
                    && p.segments[0].ident == "tauri"
                    && p.segments[1].ident == "command"
            });
            if !is_command {
                continue;
            }
            let name = f.sig.ident.to_string();
            let mut args = Vec::new();
            for input in &f.sig.inputs {
                let FnArg::Typed(t) = input else { continue };
                if injected(&t.ty) {
                    continue;
                }
                let Pat::Ident(id) = &*t.pat else {
                    panic!("{rel}: {name}: arguments must be plain names (Tauri reads the key from it)")
                };
                let ty = arg_inner(&t.ty).unwrap_or_else(|| {
                    panic!(
                        "{rel}: {name}({}): a window-sent argument must be Arg<T> so that a malformed \
                         value becomes core's typed error",
                        id.ident
                    )
                });
                args.push(Argument {
                    name: camel(&id.ident.to_string()),
                    r#type: ty,
                });
            }
            out.push(Command { name, args });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

#[test]
fn every_command_is_registered_everywhere_and_takes_core_decoded_arguments() {
    let commands = source_commands();
    let names: BTreeSet<String> = commands.iter().map(|c| c.name.clone()).collect();
    assert_eq!(
        build_rs_commands(),
        names,
        "build.rs COMMANDS vs #[tauri::command] fns"
    );
    assert_eq!(
        handler_commands(),
        names,
        "generate_handler! vs #[tauri::command] fns"
    );
    assert_eq!(
        capability_commands(),
        names,
        "tauri.conf.json permissions vs commands"
    );

    let json = serde_json::to_string_pretty(&commands).unwrap() + "\n";
    let path = root().join("ui/src/lib/bindings/ipc-commands.json");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
        // Written for the E2E walk; scripts/test reports it as drift when
        // the committed copy is older.
        std::fs::write(&path, json).unwrap();
    }
}
