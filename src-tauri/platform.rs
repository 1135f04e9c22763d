//! Start-up choices about the platform the window runs on.
//!
//! WebKitGTK (2.46 and later) paints pages with Skia on the GPU. Where the
//! only OpenGL is Mesa's software one (llvmpipe: no `/dev/dri` render node,
//! as in most virtual machines, remote desktops and CI), every new kind of
//! shape the page draws first has its shader compiled by LLVM on the CPU.
//! Measured here (docs/benchmarks.md, issue 13): 300 ms more before the
//! first frame, and 100–800 ms per repaint of the calendar. WebKit's own
//! CPU painter does the same work directly, so without a GPU it is used.
//! A person's own `WEBKIT_SKIA_ENABLE_CPU_RENDERING` (either way) is kept.

use std::path::Path;

/// WebKitGTK's switch between its CPU and GPU painters (WebKit's
/// `environment-variables.md`): set and not "0" means CPU.
pub const CPU_RENDERING_VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Whether WebKit should paint on the CPU: no GPU render node under
/// `dri` (normally `/dev/dri`), or Mesa told to use software
/// (`LIBGL_ALWAYS_SOFTWARE` set and not "0"). `None` when the person has
/// chosen already (`WEBKIT_SKIA_ENABLE_CPU_RENDERING` set).
pub fn cpu_rendering(env: impl Fn(&str) -> Option<String>, dri: &Path) -> Option<bool> {
    if env(CPU_RENDERING_VAR).is_some() {
        return None;
    }
    let software_gl = env("LIBGL_ALWAYS_SOFTWARE").is_some_and(|v| v != "0");
    Some(software_gl || !has_render_node(dri))
}

/// A `renderD*` device in `dri`: a GPU that can render (DRM render node).
fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Choose WebKit's painter before the first webview is made. Called at the
/// start of `run`, while the process has one thread (so setting the
/// environment cannot race a reader).
pub fn prepare() {
    if cfg!(target_os = "linux")
        && cpu_rendering(|k| std::env::var(k).ok(), Path::new("/dev/dri")) == Some(true)
    {
        std::env::set_var(CPU_RENDERING_VAR, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty folder of this test's own, standing for `/dev/dri`.
    fn dri(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("studyplan-dri-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn without_a_render_node_webkit_paints_on_the_cpu() {
        let dir = dri("none");
        std::fs::write(dir.join("card0"), "").unwrap();
        assert_eq!(cpu_rendering(env(&[]), &dir), Some(true));
        assert_eq!(cpu_rendering(env(&[]), &dir.join("missing")), Some(true));
    }

    #[test]
    fn with_a_render_node_the_gpu_is_used_unless_mesa_is_told_software() {
        let dir = dri("gpu");
        std::fs::write(dir.join("card0"), "").unwrap();
        std::fs::write(dir.join("renderD128"), "").unwrap();
        assert_eq!(cpu_rendering(env(&[]), &dir), Some(false));
        let software = [("LIBGL_ALWAYS_SOFTWARE", "1")];
        assert_eq!(cpu_rendering(env(&software), &dir), Some(true));
        let not_software = [("LIBGL_ALWAYS_SOFTWARE", "0")];
        assert_eq!(cpu_rendering(env(&not_software), &dir), Some(false));
    }

    #[test]
    fn a_choice_already_made_is_kept() {
        let dir = dri("chosen");
        for v in ["0", "1"] {
            let chosen = [(CPU_RENDERING_VAR, v)];
            assert_eq!(cpu_rendering(env(&chosen), &dir), None);
        }
    }
}
