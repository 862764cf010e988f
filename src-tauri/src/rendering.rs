//! How WebKitGTK draws the window on Linux. On a computer with no graphics device it can use (a
//! virtual machine without 3D acceleration, a remote session, a bare X server), WebKit's accelerated
//! compositing runs on Mesa's software OpenGL: every first frame then costs the compilation of its
//! shaders on the processor, about 130 ms for Recours' list here, and some 50 MiB of buffers. WebKit's
//! own non-accelerated mode draws the same page faster there. So when no DRM render node exists,
//! Recours asks WebKit for that mode, unless the person set the variable themselves. With a graphics
//! device nothing changes.

/// The variable WebKitGTK reads (documented by WebKitGTK; well known to Tauri users on VMs).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether to ask for the non-accelerated mode: no render node, and no choice made by the person.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn software_only(render_node_present: bool, already_set: bool) -> bool {
    !render_node_present && !already_set
}

#[cfg(target_os = "linux")]
fn render_node_present() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Called first thing in `main`, before GTK, WebKit or any thread starts (the environment is read
/// by WebKit's processes when they start).
pub fn choose() {
    #[cfg(target_os = "linux")]
    if software_only(
        render_node_present(),
        std::env::var_os(NO_COMPOSITING).is_some(),
    ) {
        // Single-threaded here: nothing else reads the environment yet.
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::software_only;

    #[test]
    fn only_a_machine_without_a_render_node_and_without_a_choice_of_its_own_changes_mode() {
        assert!(software_only(false, false));
        assert!(
            !software_only(true, false),
            "a graphics device: WebKit's default"
        );
        assert!(!software_only(false, true), "the person's own setting wins");
        assert!(!software_only(true, true));
    }
}
